"""The kernel as a Django app: its start-up gives every text field of every form in the
service a maximum and a plain refusal of NUL characters, and every whole-number field a bound
(kernel/formsupport.py `guard_input`), so a new form gets them without asking."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

from django import forms
from django.apps import AppConfig, apps
from django.conf import settings


def _form_classes(base: type = forms.BaseForm) -> Iterator[type]:
    for sub in base.__subclasses__():
        yield sub
        yield from _form_classes(sub)


def service_form_classes() -> list[type]:
    """Every form class of the service, after importing each app's form and view modules."""
    for config in apps.get_app_configs():
        if not config.name.startswith("supportfirst."):
            continue
        for module in pkgutil.iter_modules([config.path]):
            if module.name.endswith(("forms", "views")):
                importlib.import_module(f"{config.name}.{module.name}")
    # Pages whose forms live beside their views in other modules (the front doors) are all
    # reached from the URL table.
    importlib.import_module(settings.ROOT_URLCONF)
    return sorted(
        {c for c in _form_classes() if c.__module__.startswith("supportfirst.")},
        key=lambda c: (c.__module__, c.__qualname__),
    )


class KernelConfig(AppConfig):
    name = "supportfirst.kernel"
    verbose_name = "Kernel"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from supportfirst.kernel import councilwall
        from supportfirst.kernel.formsupport import guard_input

        connection_created.connect(councilwall.on_connection_created, dispatch_uid="council_wall")
        post_migrate.connect(
            councilwall.apply_policies,
            sender=apps.get_app_config("councils"),
            dispatch_uid="council_wall_policies",
        )

        for form_class in service_form_classes():
            guard_input(form_class.base_fields)  # type: ignore[attr-defined]
