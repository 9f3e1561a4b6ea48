"""Staff pages for eligibility decisions. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from supportfirst.assessments.models import Assessment
from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required, manager_required
from supportfirst.councils.models import Role
from supportfirst.eligibility import selectors, services
from supportfirst.eligibility.forms import ConfirmForm, DecideForm, ReturnForm
from supportfirst.eligibility.models import EligibilityDecision
from supportfirst.kernel.formsupport import (
    IllegalMove,
    MoveRefused,
    add_refusal,
    conflict,
    form_move,
    form_page,
    submitted,
)
from supportfirst.wording.services import FieldFinding, Reasons, add_reason_fields, findings_in

READ_THE_DECISION = "Read the decision"


def _decision_url(decision: EligibilityDecision) -> str:
    return reverse("eligibility:decision", kwargs={"decision_id": decision.pk})


def _assessment_url(assessment: Assessment) -> str:
    return reverse("assessments:assessment", kwargs={"assessment_id": assessment.pk})


@casework_required
@require_safe
def decision_list(request: HttpRequest) -> HttpResponse:
    lists = selectors.staff_lists(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "eligibility/staff/list.html", {"lists": lists})


@casework_required
@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """Run the council's criteria on an authorised assessment, decide differently where there
    is a professional reason, and send the decision to a team manager."""
    actor = Actor.of(request)
    assessment = selectors.decide_assessment_read(actor=actor, assessment_id=assessment_id)
    decisions = selectors.decisions_of_assessment(scope=actor.scope, assessment=assessment)
    live = selectors.live_decision(decisions)
    back = _assessment_url(assessment)
    if live is not None:
        if request.method == "POST":
            return conflict(
                request,
                "There is already a decision for this assessment.",
                back_url=_decision_url(live),
                back_text=READ_THE_DECISION,
            )
        return render(
            request,
            "eligibility/staff/decided.html",
            {"assessment": assessment, "decision": live, "decisions": decisions},
        )
    name = assessment.child.first_name
    data = submitted(request)
    make_form = partial(
        DecideForm, name=name, carers=services.carers_in(assessment), child=assessment.is_child
    )
    form = make_form(data)
    checked = None
    try:
        criteria = services.decidable_criteria(assessment)
        if data is not None and form.is_valid():
            checked = services.eligibility_check(assessment=assessment, answers=form.answers())
            if data.get("action") == "send":
                form = make_form(data, checked=checked)
                if form.is_valid():
                    try:
                        decision = services.eligibility_decide(
                            actor=actor,
                            assessment=assessment,
                            answers=form.answers(),
                            departures=form.departures(),
                            criteria_id=form.cleaned_data.get("criteria_id"),
                        )
                    except MoveRefused as error:
                        add_refusal(form, error)
                        fresh = data.copy()
                        fresh["criteria_id"] = str(checked.criteria.pk)
                        form.data = fresh
                    else:
                        messages.success(request, "The decision is sent to a team manager.")
                        return redirect(_decision_url(decision))
            else:
                initial: dict[str, object] = {
                    key: data.get(key) for key in data if key != "csrfmiddlewaretoken"
                }
                initial["criteria_id"] = checked.criteria.pk
                form = make_form(initial=initial, checked=checked)
    except IllegalMove as error:
        return conflict(request, str(error), back_url=back, back_text="Go back to the assessment")
    context = {
        "assessment": assessment,
        "form": form,
        "checked": checked,
        "criteria": checked.criteria if checked else criteria,
        "decisions": decisions,
        "needs": services.needs_of(assessment),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "eligibility/staff/decide.html", context, status=status)


@casework_required
@require_safe
def decision_detail(request: HttpRequest, decision_id: int) -> HttpResponse:
    actor = Actor.of(request)
    decision = selectors.decision_read(actor=actor, decision_id=decision_id)
    return _decision_page(request, actor, decision)


def _confirm_form(
    actor: Actor, decision: EligibilityDecision, data: object = None
) -> tuple[ConfirmForm, list[FieldFinding]]:
    flagged = findings_in(selectors.staff_text_of(decision), council_id=actor.scope.council_id)
    form = ConfirmForm(data)
    add_reason_fields(form, flagged)
    return form, flagged


def _decision_page(
    request: HttpRequest,
    actor: Actor,
    decision: EligibilityDecision,
    confirm_form: ConfirmForm | None = None,
    flagged: list[FieldFinding] | None = None,
) -> HttpResponse:
    can_confirm = (
        actor.scope.holds_any({Role.TEAM_MANAGER})
        and decision.is_awaiting_confirmation
        and decision.made_by_id != actor.user.pk
    )
    if confirm_form is None:
        confirm_form, flagged = _confirm_form(actor, decision)
    context = {
        "decision": decision,
        "services": decision.final_services(),
        "needs": decision.final_needs(),
        "can_confirm": can_confirm,
        "is_manager": actor.scope.holds_any({Role.TEAM_MANAGER}),
        "confirm_form": confirm_form,
        "flagged": flagged or [],
    }
    failed = confirm_form.is_bound and bool(confirm_form.errors)
    return render(
        request, "eligibility/staff/decision.html", context, status=400 if failed else 200
    )


@manager_required
@require_POST
def confirm(request: HttpRequest, decision_id: int) -> HttpResponse:
    actor = Actor.of(request)
    decision = selectors.decision_read(actor=actor, decision_id=decision_id)
    form, flagged = _confirm_form(actor, decision, request.POST)
    made = form_move(
        request,
        form,
        on_valid=lambda: services.eligibility_confirm(
            actor=actor, decision=decision, reasons=Reasons(flagged, form.cleaned_data)
        ),
        success=lambda told: (
            f"The decision is confirmed. {told.sentence}",
            _decision_url(decision),
        ),
        back_url=_decision_url(decision),
        back_text=READ_THE_DECISION,
    )
    return made or _decision_page(request, actor, decision, form, flagged)


@manager_required
@require_http_methods(["GET", "POST"])
def return_decision(request: HttpRequest, decision_id: int) -> HttpResponse:
    actor = Actor.of(request)
    decision = selectors.decision_read(actor=actor, decision_id=decision_id)
    if not decision.is_awaiting_confirmation and request.method == "GET":
        return conflict(
            request,
            "Only a decision waiting for a manager can be returned.",
            back_url=_decision_url(decision),
            back_text=READ_THE_DECISION,
        )
    form = ReturnForm(submitted(request))
    return form_page(
        request,
        form,
        "eligibility/staff/return.html",
        {"decision": decision},
        on_valid=lambda: services.eligibility_return(
            actor=actor, decision=decision, reason=form.cleaned_data["reason"]
        ),
        success=lambda _: (
            "The decision is returned to the practitioner.",
            _decision_url(decision),
        ),
        back_url=_decision_url(decision),
        back_text=READ_THE_DECISION,
    )
