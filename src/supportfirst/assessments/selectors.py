"""Reading needs assessments, always through the scoping layer. Every read of one family's
record is written to the access log."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from supportfirst.assessments.models import (
    CLOCK_RUNNING,
    Assessment,
    AssessmentArea,
    AssessmentOffer,
    AssessmentStatus,
    CarerDecisions,
    FamilyAccount,
    FamilyComment,
    Kind,
    Need,
    family_readable,
)
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.pathway.models import SupportRequest

_SUBJECTS = ("request", "family", "child", "parent_carer", "sibling")


def _areas_in_full() -> Prefetch:
    return Prefetch(
        "areas",
        queryset=AssessmentArea.objects.order_by("position").prefetch_related(
            Prefetch("needs", queryset=Need.objects.order_by("recorded_at", "pk")),
            Prefetch(
                "family_accounts",
                queryset=FamilyAccount.objects.select_related("recorded_by").order_by(
                    "recorded_at", "pk"
                ),
            ),
            Prefetch(
                "family_comments",
                queryset=FamilyComment.objects.select_related("author").order_by(
                    "created_at", "pk"
                ),
            ),
        ),
    )


def _in_full(queryset: QuerySet[Assessment]) -> QuerySet[Assessment]:
    """An assessment with everything its task list or the family's reading page shows."""
    return queryset.select_related(
        *_SUBJECTS, "combined_with", "combined_with__child", "authorised_by", "carer_decisions"
    ).prefetch_related(
        _areas_in_full(),
        Prefetch(
            "family_comments",
            queryset=FamilyComment.objects.filter(area__isnull=True)
            .select_related("author")
            .order_by("created_at", "pk"),
            to_attr="general_comments",
        ),
        Prefetch(
            "combined_assessments",
            queryset=Assessment.objects.select_related("child", "parent_carer", "sibling"),
        ),
    )


def family_visible(scope: Scope) -> QuerySet[Assessment]:
    """What a family may read (the rule is stated with the model)."""
    return family_readable(scope)


def decisions_of(assessment: Assessment) -> CarerDecisions | None:
    try:
        return assessment.carer_decisions
    except CarerDecisions.DoesNotExist:
        return None


def request_assessments(
    *, actor: Actor, request_id: int
) -> tuple[SupportRequest, list[Assessment], list[AssessmentOffer]]:
    """A request's assessments and the offers made, for the staff list."""
    queryset = SupportRequest.objects.select_related("family", "child")
    request = get_visible_or_404(queryset, actor.scope, pk=request_id)
    log_access(actor, family_id=request.family_id, record=request)
    assessments = list(
        Assessment.objects.visible_to(actor.scope)
        .filter(request=request)
        .select_related(*_SUBJECTS, "combined_with", "combined_with__child")
        .order_by("pk")
    )
    offers = list(
        AssessmentOffer.objects.visible_to(actor.scope)
        .filter(request=request)
        .select_related("parent_carer", "sibling", "recorded_by", "assessment")
        .order_by("kind", "pk")
    )
    return request, assessments, offers


def assessment_read(*, actor: Actor, assessment_id: int) -> Assessment:
    """One assessment with its task list, for staff; logged as a view."""
    assessment = get_visible_or_404(
        _in_full(Assessment.objects.all()), actor.scope, pk=assessment_id
    )
    log_access(actor, family_id=assessment.family_id, record=assessment)
    return assessment


def family_assessment_read(*, actor: Actor, assessment_id: int) -> Assessment:
    """One assessment for its family to read: 404 unless it is ready for them."""
    assessment = get_visible_or_404(
        _in_full(family_visible(actor.scope)), actor.scope, pk=assessment_id
    )
    log_access(actor, family_id=assessment.family_id, record=assessment)
    return assessment


def carer_assessment_read(*, actor: Actor, assessment_id: int) -> Assessment:
    """A parent carer's assessment (with its decisions), for staff."""
    queryset = Assessment.objects.filter(kind=Kind.PARENT_CARER).select_related(
        *_SUBJECTS, "carer_decisions"
    )
    assessment = get_visible_or_404(queryset, actor.scope, pk=assessment_id)
    log_access(actor, family_id=assessment.family_id, record=assessment)
    return assessment


def _area_queryset() -> QuerySet[AssessmentArea]:
    return AssessmentArea.objects.select_related(
        *(f"assessment__{s}" for s in _SUBJECTS)
    ).prefetch_related(
        Prefetch("needs", queryset=Need.objects.order_by("recorded_at", "pk")),
        Prefetch(
            "family_accounts",
            queryset=FamilyAccount.objects.select_related("recorded_by").order_by(
                "recorded_at", "pk"
            ),
        ),
        Prefetch(
            "family_comments",
            queryset=FamilyComment.objects.select_related("author").order_by("created_at", "pk"),
        ),
    )


def area_read(*, actor: Actor, area_id: int) -> AssessmentArea:
    """One area of an assessment with its needs, the family's account and comments, for staff."""
    area = get_visible_or_404(_area_queryset(), actor.scope, pk=area_id)
    log_access(actor, family_id=area.family_id, record=area)
    return area


def family_area_read(*, actor: Actor, area_id: int) -> AssessmentArea:
    """One area, for the family to comment on: 404 unless its assessment is ready for them."""
    readable = family_visible(actor.scope).values("pk")
    queryset = _area_queryset().filter(assessment__in=readable)
    area = get_visible_or_404(queryset, actor.scope, pk=area_id)
    log_access(actor, family_id=area.family_id, record=area)
    return area


def need_read(*, actor: Actor, need_id: int) -> Need:
    queryset = Need.objects.select_related("area", "area__assessment")
    need = get_visible_or_404(queryset, actor.scope, pk=need_id)
    log_access(actor, family_id=need.family_id, record=need)
    return need


def offer_read(*, actor: Actor, offer_id: int) -> AssessmentOffer:
    queryset = AssessmentOffer.objects.select_related(
        "request", "request__child", "parent_carer", "sibling", "assessment", "recorded_by"
    )
    offer = get_visible_or_404(queryset, actor.scope, pk=offer_id)
    log_access(actor, family_id=offer.family_id, record=offer)
    return offer


def family_assessments(*, scope: Scope) -> QuerySet[Assessment]:
    """The assessments a family can read, newest request first."""
    return family_visible(scope).select_related(*_SUBJECTS).order_by("-request__received_at", "pk")


def open_assessments(*, scope: Scope, worker_id: int | None = None) -> QuerySet[Assessment]:
    """Assessments whose clock is running, for one worker (or the whole team), soonest first."""
    rows = (
        Assessment.objects.visible_to(scope)
        .filter(status__in=CLOCK_RUNNING)
        .select_related(*_SUBJECTS)
        .order_by("request__assessment_due", "pk")
    )
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id)
            | Q(family__allocated_worker__isnull=True, started_by_id=worker_id)
        )
    return rows


DECISION_MADE = "confirmed"
"""The status of an eligibility decision that stops the decision clock (a manager confirmed it).
Spelled here because the eligibility app sits beside this one and cannot be imported."""


def awaiting_eligibility_decision(
    *, scope: Scope, worker_id: int | None = None
) -> QuerySet[Assessment]:
    """Authorised child's assessments with no confirmed eligibility decision yet: the clock from
    authorisation to the decision is running. One query, however many there are."""
    rows = (
        Assessment.objects.visible_to(scope)
        .filter(kind=Kind.CHILD, status=AssessmentStatus.AUTHORISED, authorised_at__isnull=False)
        .exclude(eligibility_decisions__status=DECISION_MADE)
        .order_by("authorised_at", "pk")
    )
    if scope.child_id is not None:  # a young person: only their own
        rows = rows.filter(child_id=scope.child_id)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id)
            | Q(family__allocated_worker__isnull=True, authorised_by_id=worker_id)
            | Q(family__allocated_worker__isnull=True, started_by_id=worker_id)
        )
    return rows


def staff_text_of(assessment: Assessment) -> dict[str, str]:
    """The practitioner's own words in an assessment that the family will read, named by where
    they are: each area's analysis, each need, who helped the child give their view, a
    parent carer's decisions, and why offering an advocate is not appropriate. The family's
    account, the child's view and the family's comments are theirs and not included."""
    texts: dict[str, str] = {}
    for area in assessment.areas.all():
        if area.practitioner_analysis:
            texts[f"the analysis of {area.label}"] = area.practitioner_analysis
        for number, need in enumerate(area.needs.all(), start=1):
            texts[f"need {number} in {area.label}"] = need.description
        if area.child_view_through_whom:
            texts[f"who helped give the view in {area.label}"] = area.child_view_through_whom
    decisions = decisions_of(assessment)
    if decisions is not None:
        for number, question in enumerate(decisions.QUESTIONS, start=1):
            reason = getattr(decisions, f"{question}_reason")
            if reason:
                texts[f"the reason for decision {number}"] = reason
    if assessment.advocacy_reason:
        texts["why an advocate is not appropriate"] = assessment.advocacy_reason
    return texts
