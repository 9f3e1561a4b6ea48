"""Production checks run by `supportfirst check --deploy`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def no_wildcard_host(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """A wildcard in ALLOWED_HOSTS lets any Host header through: password reset links and
    emailed links could then point at someone else's site."""
    wild = [h for h in settings.ALLOWED_HOSTS if h.startswith(("*", "."))]
    if not wild:
        return []
    return [
        checks.Error(
            f"ALLOWED_HOSTS has a wildcard ({', '.join(wild)}). List the exact host names the "
            "service answers to, separated by commas (for example "
            "support.example-council.gov.uk).",
            id="supportfirst.E001",
        )
    ]
