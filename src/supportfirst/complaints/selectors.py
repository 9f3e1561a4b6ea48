"""Reading complaints, always through the scoping layer. Every read of one complaint is
written to the access log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from supportfirst.asking.selectors import authors_keeping_words_private
from supportfirst.assessments.selectors import family_visible
from supportfirst.audit.services import Actor, log_access
from supportfirst.complaints import clock
from supportfirst.complaints.models import (
    CLOCK_RUNNING,
    Complaint,
    ComplaintEvent,
    ComplaintStage,
    Stage,
    Status,
    family_stage_name,
)
from supportfirst.complaints.services import About
from supportfirst.councils.models import CASEWORK_ROLES, Membership, holding_any
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.kernel.formsupport import is_id
from supportfirst.pathway.beside import BesideItem


@dataclass(frozen=True)
class NextStep:
    """What happens next on a complaint, who does it and by when."""

    what: str
    due: date | None
    clock: clock.Clock | None
    families_choice: bool = False

    @property
    def overdue(self) -> bool:
        return bool(self.clock and self.clock.overdue and not self.families_choice)


def _lower_stage(name: str) -> str:
    """ "Stage 2: an investigation" inside a sentence: "stage 2: an investigation"."""
    return name[:1].lower() + name[1:]


def next_step(complaint: Complaint, stage: ComplaintStage, today: date) -> NextStep:
    status, number = complaint.status, complaint.stage
    if status in CLOCK_RUNNING:
        if number == Stage.REVIEW_PANEL and status == Status.OPEN:
            what = "The review panel meets"
        elif status == Status.PANEL_MET:
            what = "The review panel writes its report"
        else:
            what = "The council responds"
        return NextStep(what, complaint.respond_by, clock.clock_on(complaint.respond_by, today))
    if number < Stage.REVIEW_PANEL and stage.response_on is not None:
        guide = clock.ask_next_stage_by(stage.response_on)
        return NextStep(
            f"If you are not satisfied with our response, you can ask for "
            f"{_lower_stage(family_stage_name(number + 1))}",
            guide,
            clock.clock_on(guide, today),
            families_choice=True,
        )
    return NextStep(f"You can go to the {clock.OMBUDSMAN_NAME}", None, None, True)


def shows_ombudsman(complaint: Complaint, step: NextStep) -> bool:
    """After stage 3, or when the council has not kept to its time limit."""
    return complaint.finished or step.overdue


def _in_full(queryset: QuerySet[Complaint]) -> QuerySet[Complaint]:
    return queryset.select_related("family", "family__council", "made_by").prefetch_related(
        Prefetch("stages", queryset=ComplaintStage.objects.order_by("stage")),
        Prefetch(
            "events", queryset=ComplaintEvent.objects.select_related("actor").order_by("at", "pk")
        ),
    )


def _stage_of(complaint: Complaint) -> ComplaintStage:
    return next(s for s in complaint.stages.all() if s.stage == complaint.stage)


def family_complaints(*, scope: Scope) -> list[Complaint]:
    """The family's complaints, newest first."""
    return list(
        Complaint.objects.visible_to(scope)
        .exclude(made_by_id__in=authors_keeping_words_private(scope=scope))
        .prefetch_related(Prefetch("stages", queryset=ComplaintStage.objects.order_by("stage")))
        .order_by("-received_on", "-pk")
    )


def complaint_read(*, actor: Actor, complaint_id: int) -> tuple[Complaint, ComplaintStage]:
    """One complaint with its stages and events (family or staff); logged as a view."""
    private = authors_keeping_words_private(scope=actor.scope)
    queryset = _in_full(Complaint.objects.exclude(made_by_id__in=private))
    complaint = get_visible_or_404(queryset, actor.scope, pk=complaint_id)
    log_access(actor, family_id=complaint.family_id, record=complaint)
    return complaint, _stage_of(complaint)


@dataclass(frozen=True)
class Row:
    complaint: Complaint
    step: NextStep


def staff_complaints(*, scope: Scope, today: date) -> list[Row]:
    """The council's complaints: those with a clock running first, soonest due first (overdue
    at the top), then those waiting to hear from the family, then finished ones."""
    order = Case(
        When(status__in=CLOCK_RUNNING, then=Value(0)),
        When(stage=Stage.REVIEW_PANEL, status=Status.RESPONDED, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    rows = (
        Complaint.objects.visible_to(scope)
        .select_related("family")
        .prefetch_related(Prefetch("stages", queryset=ComplaintStage.objects.order_by("stage")))
        .annotate(waiting=order)
        .order_by("waiting", "respond_by", "pk")
    )
    return [Row(c, next_step(c, _stage_of(c), today)) for c in rows]


# What a complaint can be about: the family's own records, named as the family knows them.
ABOUT_MODELS = {
    "request": ("pathway", "SupportRequest"),
    "decision": ("pathway", "NextStepDecision"),
    "assessment": ("assessments", "Assessment"),
    "plan": ("plans", "SupportPlan"),
    "letter": ("letters", "Letter"),
}


def _describe(kind: str, record: object) -> str:
    if kind == "request":
        return f"Request for help {record.reference}"  # type: ignore[attr-defined]
    if kind == "decision":
        return f"Next-step decision on request {record.request.reference}"  # type: ignore[attr-defined]
    if kind == "assessment":
        return str(record.title)  # type: ignore[attr-defined]
    if kind == "letter":
        return f"Letter: {record.subject}"  # type: ignore[attr-defined]
    if kind == "plan":
        return f"Support plan for {record.child.first_name}"  # type: ignore[attr-defined]
    return str(record)


def _rows(kind: str, scope: Scope) -> QuerySet | None:
    app_label, name = ABOUT_MODELS[kind]
    try:
        model = apps.get_model(app_label, name)
    except LookupError:
        return None
    rows = model.objects.visible_to(scope)
    if kind == "assessment":
        rows = family_visible(scope)
    if kind == "decision":
        rows = rows.select_related("request")
    if kind == "plan":
        rows = rows.select_related("child")
    if kind == "letter" and "status" in {f.name for f in model._meta.fields}:
        rows = rows.filter(status="sent")
    return rows.order_by("pk")


def about_choices(*, scope: Scope) -> list[tuple[str, str]]:
    """The family's records a complaint can be about, as (key, description)."""
    choices: list[tuple[str, str]] = []
    for kind in ABOUT_MODELS:
        rows = _rows(kind, scope)
        if rows is None:
            continue
        choices.extend((f"{kind}:{record.pk}", _describe(kind, record)) for record in rows)
    return choices


def about_from(*, scope: Scope, key: str, description: str = "") -> About | None:
    """The record a key names, if the family may see it; or their own description."""
    if key == "other":
        return About(description=description.strip()) if description.strip() else None
    kind, _, pk = key.partition(":")
    if kind not in ABOUT_MODELS or not is_id(pk):
        return None
    rows = _rows(kind, scope)
    record = rows.filter(pk=int(pk)).first() if rows is not None else None
    if record is None:
        return None
    app_label, name = ABOUT_MODELS[kind]
    return About(
        description=_describe(kind, record), type=f"{app_label}.{name.lower()}", id=record.pk
    )


def beside_a_proposal(*, scope: Scope, family_id: int, since: date) -> list[BesideItem]:
    """The family's complaints received since `since`, for the manager deciding a proposed
    move to safeguarding (`pathway.beside`)."""
    rows = (
        Complaint.objects.visible_to(scope)
        .filter(family_id=family_id, received_on__gte=since)
        .order_by("-received_on")
    )
    return [
        BesideItem(
            "Complaint",
            f"{c.reference}: {c.summary}",
            c.received_on,
            f"{c.get_status_display()}, {c.get_stage_display().lower()}",
        )
        for c in rows
    ]


def council_workers(*, scope: Scope) -> list[Any]:
    """The council's caseworkers a complaint can be about, by name (never the person asking:
    nobody names themselves)."""
    rows = (
        Membership.objects.filter(holding_any(CASEWORK_ROLES), council_id=scope.council_id)
        .exclude(user_id=scope.user_id)
        .select_related("user")
        .order_by("user__full_name", "user_id")
    )
    return [row.user for row in rows]
