from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_save


def start_the_councils_chain(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """Every council has its access log chain from the day it is made, so writing its first
    event costs what writing any other does."""
    if created:
        from supportfirst.audit.services import start_chain

        start_chain(instance.pk)


class AuditConfig(AppConfig):
    name = "supportfirst.audit"
    verbose_name = "Access log"

    def ready(self) -> None:
        post_save.connect(
            start_the_councils_chain,
            sender="councils.Council",
            dispatch_uid="audit.start_the_councils_chain",
        )
