"""Reading correction requests, always through the scoping layer; every read of one is logged."""

from __future__ import annotations

from datetime import date

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from supportfirst.asking.selectors import authors_keeping_words_private
from supportfirst.audit.services import Actor, log_access
from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.pathway.beside import BesideItem


def _open_first(rows: QuerySet[CorrectionRequest]) -> QuerySet[CorrectionRequest]:
    return rows.annotate(
        answered=Case(
            When(status=CorrectionStatus.RECEIVED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("answered", "due_on", "pk")


def corrections_for_council(*, scope: Scope) -> QuerySet[CorrectionRequest]:
    """Every correction request in the council: open ones first, soonest due first."""
    return _open_first(
        CorrectionRequest.objects.visible_to(scope).select_related("family", "answered_by")
    )


def corrections_for_family(*, scope: Scope) -> QuerySet[CorrectionRequest]:
    """A family's own correction requests (a young person's: only the ones they asked)."""
    rows = CorrectionRequest.objects.visible_to(scope).select_related("answered_by")
    if scope.role == "young_person":
        rows = rows.filter(asked_by_id=scope.user_id)
    rows = rows.exclude(asked_by_id__in=authors_keeping_words_private(scope=scope))
    return _open_first(rows)


def correction_read(*, actor: Actor, correction_id: int) -> CorrectionRequest:
    queryset = CorrectionRequest.objects.select_related(
        "family", "family__council", "asked_by", "answered_by"
    )
    if actor.scope.role == "young_person":
        queryset = queryset.filter(asked_by_id=actor.scope.user_id)
    queryset = queryset.exclude(asked_by_id__in=authors_keeping_words_private(scope=actor.scope))
    correction = get_visible_or_404(queryset, actor.scope, pk=correction_id)
    log_access(actor, family_id=correction.family_id, record=correction)
    return correction


def corrections_shown_on(
    *, scope: Scope, shown_on: str, shown_on_id: int
) -> list[CorrectionRequest]:
    """The correction requests about records shown on one page, oldest first: one query."""
    rows = CorrectionRequest.objects.visible_to(scope).filter(
        shown_on=shown_on, shown_on_id=shown_on_id
    )
    if scope.role == "young_person":
        rows = rows.filter(asked_by_id=scope.user_id)
    rows = rows.exclude(asked_by_id__in=authors_keeping_words_private(scope=scope))
    return list(rows.order_by("asked_at", "pk"))


def beside_a_proposal(*, scope: Scope, family_id: int, since: date) -> list[BesideItem]:
    """The family's requests to correct a record since `since`, for the manager deciding a
    proposed move to safeguarding (`pathway.beside`)."""
    rows = (
        CorrectionRequest.objects.visible_to(scope)
        .filter(family_id=family_id, asked_at__date__gte=since)
        .order_by("-asked_at")
    )
    return [
        BesideItem(
            "Request to correct a record",
            f"{c.record_label}: {c.what_is_wrong}",
            timezone.localdate(c.asked_at),
            str(c.get_status_display()),
        )
        for c in rows
    ]
