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

    from supportfirst.councils.models import Council
    from supportfirst.eligibility.demo import adopt_demo_criteria
    from supportfirst.eligibility.models import CriteriaAdoption, PublishedCriteria
    from supportfirst.eligibility.publishing import criteria_publish_shipped

    tables = connection.introspection.table_names()
    if PublishedCriteria._meta.db_table not in tables:
        return  # migrated only part of the way: the table is not there yet

    criteria_publish_shipped(strict=False)
    # A demo council adopts the new version of its own shipped set (a real council records
    # its own adoption with `criteria_adopt`).
    if CriteriaAdoption._meta.db_table in tables and Council._meta.db_table in tables:
        for council in Council.objects.filter(is_demo=True):
            adopt_demo_criteria(council)


class EligibilityConfig(AppConfig):
    name = "supportfirst.eligibility"
    verbose_name = "Published eligibility criteria and eligibility decisions"

    def ready(self) -> None:
        # The due dates stored when a clock starts follow the council's target when it changes.
        from django.db.models.signals import post_save

        from supportfirst.eligibility.due import refresh_plan_due
        from supportfirst.kernel.due import when_target_changes

        post_save.connect(
            when_target_changes("plan_working_days", refresh_plan_due),
            sender="councils.Council",
            weak=False,
            dispatch_uid="eligibility_due_dates",
        )
        post_migrate.connect(_publish_shipped, sender=self, dispatch_uid="eligibility_shipped")
