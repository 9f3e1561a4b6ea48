"""Things with a statutory clock, as a worker's list shows them, and the clock in plain words.

Each feature app says what it has due in its own `due.py` (one function, `due_items`); the
front door gathers them for My work and the Team page. This module is below every app: it
imports only Django and the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from supportfirst.rules import workdays


def clock(due: date, today: date) -> str:
    """The clock in plain words: "5 working days left", "due today", "3 working days overdue"."""
    return workdays.describe_days_left(due, today)


@dataclass(frozen=True)
class DueItem:
    """Something with a statutory clock: what it is, when it is due, and where to act."""

    what: str
    family: str
    due: date
    view_name: str
    record_id: int
    today: date
    kind: str = ""
    """Which clock this is, as the Team page counts overdue items ("Eligibility decision")."""
    for_family: str = ""
    """What happens next, in plain words for the family's pages ("" when not for the family)."""

    @property
    def url(self) -> str:
        """Worked out only for the items a page shows."""
        kwarg = self.view_name.split(":")[-1] + "_id"
        return reverse(self.view_name, kwargs={kwarg: self.record_id})

    @property
    def days_left(self) -> int:
        return workdays.working_days_left(self.due, self.today)

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def clock(self) -> str:
        return clock(self.due, self.today)


def soonest_first(items: list[DueItem]) -> list[DueItem]:
    """Due items in the order a worker's list shows them: soonest (so overdue) first."""
    return sorted(items, key=lambda item: (item.due, item.what))


LATE = (
    "This is later than the council's own target. You can ask your worker when it will "
    "happen, or make a complaint."
)


def long_date(day: date) -> str:
    """A date as the family's pages write it: "5 March 2027"."""
    return f"{day.day} {day:%B %Y}"


def for_family(promise: str, due: date, today: date) -> str:
    """What happens next and when, in plain words: "<promise> by 5 March 2027." and, once the
    date has passed, that it is late and what the family can do."""
    sentence = f"{promise} by {long_date(due)}."
    if workdays.working_days_left(due, today) < 0:
        sentence += " " + LATE
    return sentence
