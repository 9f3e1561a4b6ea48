"""The corrections app's entries in the isolation matrix."""

from __future__ import annotations

from supportfirst.families.models import Family


def _correction_id(family: Family) -> int:
    from supportfirst.corrections.models import CorrectionRequest
    from tests.corrections.factories import CorrectionRequestFactory

    correction = CorrectionRequest.objects.filter(family=family).order_by("pk").first()
    if correction is None:
        correction = CorrectionRequestFactory(family=family)
    return correction.pk


OBJECT_IDS = {"correction_id": _correction_id}
