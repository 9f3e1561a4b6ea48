"""What the manager deciding a proposed move to safeguarding sees beside it: the family's recent
complaints, disagreements with plans and requests to correct their records, with dates and
where each stands. Many allegations against parents follow a complaint, so the manager should
see one before deciding.

The pathway imports none of those apps (they import the pathway): each declares, when Django
starts, how to list its own records for a family (`declare_beside_a_proposal` in its
`apps.ready`), as `hooks.py` does for the support pathway. A test checks what is declared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from supportfirst.councils.scoping import Scope

RECENT_DAYS = 365
"""How far back "recent" reaches: a year before the proposal."""


@dataclass(frozen=True)
class BesideItem:
    """One record shown beside a proposal."""

    kind: str
    """For example "Complaint" or "Request to correct a record"."""
    what: str
    on: date
    status: str


BesideSource = Callable[..., list[BesideItem]]

BESIDE_A_PROPOSAL: list[BesideSource] = []


def declare_beside_a_proposal(source: BesideSource) -> None:
    """Add a list of records to show beside a proposal (once, however often an app starts)."""
    if source not in BESIDE_A_PROPOSAL:
        BESIDE_A_PROPOSAL.append(source)


def beside_a_proposal(*, scope: Scope, family_id: int, proposed_on: date) -> list[BesideItem]:
    """Every declared record of the family from the year before the proposal (and since),
    newest first. Each source reads through the scoping layer."""
    since = proposed_on - timedelta(days=RECENT_DAYS)
    items: list[BesideItem] = []
    for source in BESIDE_A_PROPOSAL:
        items += source(scope=scope, family_id=family_id, since=since)
    return sorted(items, key=lambda item: item.on, reverse=True)
