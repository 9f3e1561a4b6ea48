"""Equality monitoring: what happened to the requests for help received in a period, by the
child's ethnicity, sex, disability and age band. Counted in the database: one query per table
and one for the totals, whatever the number of requests (tests/returns/test_equality.py checks
it). Only counts leave here; `rules.returns.equality` holds back the small ones.

"Felt blamed" is not here: the survey's answers hold no family, child or exact time
(`feedback.models.SurveyAnswer`), so they cannot be put beside a child's ethnicity, sex,
disability or age without breaking the survey's promise of anonymity. The page says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models import Assessment, AssessmentStatus
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.pathway.models import MoveStatus, SafeguardingMove, SupportRequest
from supportfirst.plans.models import PlanStatus, SupportPlan
from supportfirst.rules.returns import codes
from supportfirst.rules.returns import equality as rules
from supportfirst.rules.smallfigures import SafeFigure

NO_DISABILITY_RECORDED = "No disability recorded"


def _requests(council_id: int, start: dt.date, end: dt.date) -> QuerySet[SupportRequest]:
    """The council's requests received from `start` to `end` (both days included), each with
    what has happened to it since, as true or false."""
    zone = timezone.get_current_timezone()
    since = dt.datetime.combine(start, dt.time(), zone)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)
    authorised = Assessment.objects.filter(
        request=OuterRef("pk"), kind=Kind.CHILD, status=AssessmentStatus.AUTHORISED
    )
    return (
        SupportRequest.objects.filter(
            family__council_id=council_id, received_at__gte=since, received_at__lt=until
        )
        .annotate(
            did_assessed=Exists(authorised),
            did_assessed_in_time=Exists(
                authorised.filter(authorised_at__date__lte=OuterRef("assessment_due"))
            ),
            did_eligible=Exists(
                EligibilityDecision.objects.filter(
                    assessment__request=OuterRef("pk"),
                    status=DecisionStatus.CONFIRMED,
                    result__eligible=True,
                )
            ),
            did_plan_agreed=Exists(
                SupportPlan.objects.filter(request=OuterRef("pk"), status=PlanStatus.AGREED)
            ),
            did_safeguarding=Exists(
                SafeguardingMove.objects.filter(request=OuterRef("pk"), status=MoveStatus.APPROVED)
            ),
        )
        .order_by()
    )


def _conditions(within: Q | None = None) -> dict[str, Q | None]:
    """For each column, which requests it counts (None: all of them), inside `within`."""
    each: dict[str, Q | None] = {
        "requests": None,
        "next_step_in_time": Q(next_step_decision__decided_at__date__lte=F("next_step_due")),
        "assessed": Q(did_assessed=True),
        "assessed_in_time": Q(did_assessed_in_time=True),
        "eligible": Q(did_eligible=True),
        "plan_agreed": Q(did_plan_agreed=True),
        "safeguarding": Q(did_safeguarding=True),
    }
    if within is None:
        return each
    return {k: within if q is None else within & q for k, q in each.items()}


def _counts(conditions: Mapping[str, Q | None], prefix: str = "") -> dict[str, Any]:
    """Count and different families for each column: {prefix+key, prefix+key_f}."""
    out: dict[str, Any] = {}
    for key, q in conditions.items():
        name = f"{prefix}{key}"
        if q is None:
            out[name] = Count("pk")
            out[f"{name}_f"] = Count("family", distinct=True)
        else:
            out[name] = Count("pk", filter=q)
            out[f"{name}_f"] = Count("family", filter=q, distinct=True)
    return out


def _grouped(
    rows: QuerySet[SupportRequest], group: Any, labels: Mapping[str, str]
) -> list[tuple[str, tuple[SafeFigure, ...]]]:
    """One query: the columns' figures for each group, in the order of `labels`."""
    found = {
        r["group"]: r
        for r in rows.annotate(group=group).values("group").annotate(**_counts(_conditions()))
    }
    return [(label, rules.figures_of(found.get(code, {}))) for code, label in labels.items()]


def _age_band(on: dt.date) -> Case:
    whens = [
        When(child__date_of_birth__gt=after, then=Value(label))
        for label, after in rules.band_born_after(on)
        if after is not None
    ]
    return Case(*whens, default=Value(rules.AGE_BANDS[-1].label), output_field=CharField())


@dataclass(frozen=True)
class EqualityFigures:
    start: dt.date
    end: dt.date
    tables: tuple[rules.Table, ...]


def equality_figures(*, council_id: int, start: dt.date, end: dt.date) -> EqualityFigures:
    """Every table for the council's requests received from `start` to `end`: five queries."""
    rows = _requests(council_id, start, end)
    total = rules.figures_of(rows.aggregate(**_counts(_conditions())))
    ethnicity = _grouped(
        rows,
        Coalesce(
            NullIf(F("child__census_details__ethnicity"), Value("")),
            Value(codes.ETHNICITY_NOT_KNOWN),
        ),
        codes.ETHNICITY,
    )
    sex = _grouped(
        rows,
        Coalesce(NullIf(F("child__census_details__sex"), Value("")), Value("U")),
        codes.SEX,
    )
    ages = _grouped(rows, _age_band(end), {band.label: band.label for band in rules.AGE_BANDS})
    disability = _by_disability(rows)
    about_age = (
        f"The child's age on {end.day} {end:%B %Y}, the last day of the period. Every request "
        "is in one age band."
    )
    return EqualityFigures(
        start,
        end,
        (
            rules.table(
                key="ethnicity",
                title="Ethnicity",
                about="The child's ethnic group, as the family described it on the child's "
                'details for the returns. "Not known yet" includes children with nothing '
                "recorded.",
                groups=ethnicity,
                total=total,
            ),
            rules.table(
                key="sex",
                title="Sex",
                about='As the family told the worker; "not known" includes children with '
                "nothing recorded.",
                groups=sex,
                total=total,
            ),
            rules.table(
                key="disability",
                title="Disability",
                about="The disabilities recorded on the child's details for the returns. A "
                "child with more than one is counted once in each, so these rows do not add "
                "up to the total.",
                groups=disability,
                total=total,
            ),
            rules.table(key="age", title="Age band", about=about_age, groups=ages, total=total),
        ),
    )


def _by_disability(rows: QuerySet[SupportRequest]) -> list[tuple[str, tuple[SafeFigure, ...]]]:
    """One query: a child may have several disabilities, so each is a filtered count over the
    same rows (the stored list read as text: each code is there in quotes, like "AUT")."""
    listed = rows.annotate(listed=Cast("child__disability_codes", TextField()))
    groups: dict[str, Q] = {code: Q(listed__contains=f'"{code}"') for code in codes.DISABILITY}
    none = Q()
    for q in groups.values():
        none &= ~q
    groups[codes.NO_DISABILITY] = none
    counts: dict[str, Any] = {}
    for code, q in groups.items():
        counts.update(_counts(_conditions(q), prefix=f"{code}__"))
    got = listed.aggregate(**counts)
    labels = {**codes.DISABILITY, codes.NO_DISABILITY: NO_DISABILITY_RECORDED}
    return [(label, rules.figures_of(got, prefix=f"{code}__")) for code, label in labels.items()]
