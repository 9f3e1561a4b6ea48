"""The returns pages in the isolation matrix: a request is also found by its reference."""

from supportfirst.families.models import Family


def _reference(family: Family) -> int:
    from supportfirst.pathway.models import SupportRequest
    from tests.test_isolation_matrix import _request_id

    return SupportRequest.objects.get(pk=_request_id(family)).reference


OBJECT_IDS = {"reference": _reference}
