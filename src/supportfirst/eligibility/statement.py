"""A council's short breaks services statement (Breaks for Carers of Disabled Children
Regulations 2011, regulation 5): the range of breaks, any eligibility criteria, how the range
meets local carers' needs, and how it was reviewed with carers' views.

The public page is built from the council's criteria (its short-break services with their law,
and the criteria they are decided by) and, for the parts only the council can write, the words
its council administrator keeps (`ShortBreaksStatement`). Not a family's record: no access log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from supportfirst.councils.models import Council
from supportfirst.eligibility.models import PublishedCriteria, ShortBreaksStatement
from supportfirst.eligibility.selectors import criteria_for_council
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.rules import shortbreaks
from supportfirst.rules.criteria import Criterion, Service


@dataclass(frozen=True)
class StatementPage:
    council: Council
    words: ShortBreaksStatement | None
    criteria: PublishedCriteria | None
    breaks: list[Service]
    deciding: list[Criterion]

    @property
    def routes(self) -> list[shortbreaks.Route]:
        return list(shortbreaks.ROUTES.values())

    @property
    def range_kinds(self) -> tuple[str, ...]:
        return shortbreaks.REGULATION_4_RANGE

    @property
    def review_overdue(self) -> bool:
        return bool(
            self.words
            and self.words.next_review_on
            and self.words.next_review_on < timezone.localdate()
        )


def statement_page(slug: str, today: date | None = None) -> StatementPage:
    """The statement of the council with this slug, or 404."""
    council = Council.objects.filter(slug=slug).first()
    if council is None:
        raise Http404("No council has that name here.")
    return statement_for(council, today)


def statement_for(council: Council, today: date | None = None) -> StatementPage:
    published = criteria_for_council(council, today or timezone.localdate())
    breaks: list[Service] = []
    deciding: list[Criterion] = []
    if published is not None:
        criteria_set = published.criteria_set
        breaks = [
            service
            for service in criteria_set.services
            if shortbreaks.part_of_the_range([basis.citation for basis in service.legal_basis])
        ]
        wanted = {service.criterion for service in breaks}
        deciding = [c for c in criteria_set.criteria if c.id in wanted]
    words = ShortBreaksStatement.objects.filter(council=council).first()
    return StatementPage(council, words, published, breaks, deciding)


@dataclass(frozen=True)
class StatementWords:
    range_words: str
    carers_needs_words: str
    carers_views_words: str
    reviewed_on: date | None
    next_review_on: date | None


@transaction.atomic
def statement_save(*, user: Any, council: Council, given: StatementWords) -> ShortBreaksStatement:
    """The council administrator's words for the statement. A review date must be today or in
    the past, and the next review must come after it."""
    problems = []
    today = timezone.localdate()
    if given.reviewed_on and given.reviewed_on > today:
        problems.append("The date it was last reviewed must be today or in the past.")
    if given.reviewed_on and given.next_review_on and given.next_review_on <= given.reviewed_on:
        problems.append("The next review must be after the last review.")
    if problems:
        raise MoveRefused(problems)
    statement, _ = ShortBreaksStatement.objects.select_for_update().get_or_create(council=council)
    statement.range_words = given.range_words.strip()
    statement.carers_needs_words = given.carers_needs_words.strip()
    statement.carers_views_words = given.carers_views_words.strip()
    statement.reviewed_on = given.reviewed_on
    statement.next_review_on = given.next_review_on
    statement.updated_by = user
    statement.updated_at = timezone.now()
    statement.save()
    return statement
