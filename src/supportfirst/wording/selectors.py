"""Reading the reasons staff gave for keeping flagged words."""

from __future__ import annotations

from supportfirst.councils.scoping import Scope
from supportfirst.wording.models import WordingReason


def reasons_for(*, scope: Scope, record_type: str, record_id: int) -> list[WordingReason]:
    """The reasons kept with one record, oldest first, with who gave them."""
    return list(
        WordingReason.objects.visible_to(scope)
        .filter(record_type=record_type, record_id=record_id)
        .select_related("given_by")
    )


def reasons_kept_with(*, family_id: int, record_type: str, record_id: int) -> list[WordingReason]:
    """The reasons kept with one record that the caller has already loaded through the person's
    own scope (a complaints manager reads a complaint, but no other family record)."""
    return list(
        WordingReason.objects.filter(
            family_id=family_id, record_type=record_type, record_id=record_id
        ).select_related("given_by")
    )
