"""Reads of the training records and the council's rule, always for one council."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from supportfirst.accounts.models import User
from supportfirst.councils.models import CASEWORK_ROLES, holding_any
from supportfirst.councils.scoping import Scope
from supportfirst.training.models import Course, TrainingRecord, TrainingRule


def in_date(on: date, prefix: str = "") -> Q:
    """Training records in date on a day: completed by then and not yet due for renewal."""
    return Q(**{f"{prefix}completed_on__lte": on, f"{prefix}renew_by__gte": on})


def trained_only(council_id: int) -> bool:
    """Whether the council allows only trained, in-date practitioners to be allocated."""
    return TrainingRule.objects.filter(council_id=council_id, trained_only=True).exists()


def rule_of(council_id: int) -> TrainingRule | None:
    return TrainingRule.objects.filter(council_id=council_id).select_related("updated_by").first()


def courses_needed(*, young_carer: bool) -> tuple[str, ...]:
    """The courses a family's worker needs when the rule is on."""
    if young_carer:
        return (Course.ASSESSMENT, Course.YOUNG_CARERS)
    return (Course.ASSESSMENT,)


def trained_people(*, council_id: int, on: date, courses: tuple[str, ...]) -> set[int]:
    """The people in the council with every one of `courses` in date on the day (one query)."""
    rows = (
        TrainingRecord.objects.filter(in_date(on), council_id=council_id, course__in=courses)
        .values_list("person_id", "course")
        .distinct()
    )
    held: dict[int, set[str]] = {}
    for person_id, course in rows:
        held.setdefault(person_id, set()).add(course)
    return {p for p, have in held.items() if have >= set(courses)}


def missing_courses(*, council_id: int, person_id: int, on: date, young_carer: bool) -> list[str]:
    """The courses this person would need in date to be allocated (empty when allowed)."""
    needed = courses_needed(young_carer=young_carer)
    have = set(
        TrainingRecord.objects.filter(
            in_date(on), council_id=council_id, person_id=person_id, course__in=needed
        ).values_list("course", flat=True)
    )
    return [c for c in needed if c not in have]


def records(*, scope: Scope) -> QuerySet[TrainingRecord]:
    """The council's training records, newest first, with who did it and who recorded it."""
    return TrainingRecord.objects.filter(council_id=scope.council_id).select_related(
        "person", "person__membership", "recorded_by"
    )


def people_to_train(*, scope: Scope) -> QuerySet[User]:
    """The practitioners and managers of the council (the people who can be allocated)."""
    return (
        User.objects.filter(
            holding_any(CASEWORK_ROLES, via="membership__"),
            membership__council_id=scope.council_id,
            is_active=True,
        )
        .select_related("membership")
        .order_by("full_name", "username")
    )


@dataclass(frozen=True)
class PersonTraining:
    """One member of staff's standing: their latest record of each course, and whether it is
    in date today."""

    person: User
    assessment: TrainingRecord | None
    young_carers: TrainingRecord | None
    today: date

    @property
    def assessment_in_date(self) -> bool:
        return self.assessment is not None and self.assessment.in_date_on(self.today)

    @property
    def young_carers_in_date(self) -> bool:
        return self.young_carers is not None and self.young_carers.in_date_on(self.today)


def who_is_trained(*, scope: Scope, today: date) -> list[PersonTraining]:
    """Every practitioner and manager with their latest record of each course (two queries)."""
    latest: dict[tuple[int, str], TrainingRecord] = {}
    for record in TrainingRecord.objects.filter(council_id=scope.council_id).order_by(
        "completed_on", "pk"
    ):
        latest[(record.person_id, record.course)] = record
    return [
        PersonTraining(
            person,
            latest.get((person.pk, Course.ASSESSMENT)),
            latest.get((person.pk, Course.YOUNG_CARERS)),
            today,
        )
        for person in people_to_train(scope=scope)
    ]
