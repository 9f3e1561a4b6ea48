"""The intrusion rule: anything that intrudes on family life needs a written record first.

Visiting the family at home, looking at particular rooms, speaking with the child without a parent
there, asking someone else about the family and sharing information about them each interfere with
private and family life (Human Rights Act 1998, Article 8): lawful only when necessary and
proportionate. So a contact that involves one cannot be recorded until its intrusion record says
why, what less intrusive option was considered, and what the family said.

Plain Python: the pathway app stores the records; this decides what a contact involves and what
its record is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

HOME_VISIT = "home_visit"

# A kind of contact that is an intrusion by its nature, whatever was ticked.
INTRUSIVE_KINDS = {"home_visit": HOME_VISIT}

# Each part of an intrusion record, and the message when it is missing.
REQUIRED_INTRUSION_FIELDS = {
    "purpose": "Write the purpose of this intrusion",
    "why_necessary": "Write why it is necessary for this assessment",
    "less_intrusive_option": "Write the less intrusive option you considered",
    "why_not_enough": "Write why the less intrusive option is not enough",
    "family_view": "Say whether the family agreed or objected",
    "family_words": "Write the family's view in their own words",
    "notice_given": "Write what notice the family was given",
}


def intrusions_for(kind: str, chosen: list[str]) -> list[str]:
    """The intrusions a contact involves: those ticked, and a home visit by its nature."""
    found = [str(i) for i in dict.fromkeys(chosen)]
    if kind in INTRUSIVE_KINDS and INTRUSIVE_KINDS[kind] not in found:
        found.insert(0, INTRUSIVE_KINDS[kind])
    return found


def intrusion_record_gaps(intrusion: Mapping[str, Any] | None) -> dict[str, str]:
    """Which parts of an intrusion record are missing: field name -> plain-English message."""
    given = intrusion or {}
    return {
        name: message
        for name, message in REQUIRED_INTRUSION_FIELDS.items()
        if not str(given.get(name, "")).strip()
    }
