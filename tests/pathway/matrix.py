"""The pathway's entries in the isolation matrix: a planned contact the family objected to."""

from __future__ import annotations

from supportfirst.families.models import Family


def _contact_id(family: Family) -> int:
    from supportfirst.pathway.models import Contact
    from tests.pathway.factories import PlannedContactFactory, SupportRequestFactory

    contact = Contact.objects.filter(family=family).order_by("pk").first()
    if contact is None:
        request = family.support_requests.order_by("pk").first() or SupportRequestFactory(
            child=family.children.order_by("pk").first()
        )
        contact = PlannedContactFactory(request=request)
    return contact.pk


OBJECT_IDS = {"contact_id": _contact_id}
