from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _publish_shipped(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """The criteria shipped with the code are published whenever the database is brought up to
    date, so the public pages always have the national model and the shipped council sets."""
    if using != "default":
        return
    # Imported here, not at the top: apps.py is read before the app's models can be loaded.
    from django.db import connection

    from supportfirst.eligibility.models import PublishedCriteria
    from supportfirst.eligibility.publishing import criteria_publish_shipped

    if PublishedCriteria._meta.db_table not in connection.introspection.table_names():
        return  # migrated only part of the way: the table is not there yet

    criteria_publish_shipped(strict=False)


class EligibilityConfig(AppConfig):
    name = "supportfirst.eligibility"
    verbose_name = "Published eligibility criteria and eligibility decisions"

    def ready(self) -> None:
        post_migrate.connect(_publish_shipped, sender=self, dispatch_uid="eligibility_shipped")
