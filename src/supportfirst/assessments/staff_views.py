"""Staff pages for needs assessments. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.assessments import moves, selectors, services
from supportfirst.assessments.forms import (
    AreaForm,
    AuthoriseForm,
    CarerDecisionsForm,
    NeedForm,
    OfferAnswerForm,
)
from supportfirst.assessments.models import Assessment, AssessmentArea, AssessmentStatus
from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required, manager_required
from supportfirst.families.advocacy import AdvocacyForm, advocacy_initial
from supportfirst.kernel.formsupport import (
    add_refusal,
    button_move,
    conflict,
    form_move,
    form_page,
    submitted,
    versioned,
)
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, guard_message
from supportfirst.wording.forms import GateForm
from supportfirst.wording.selectors import reasons_for
from supportfirst.wording.services import (
    Reasons,
    WordsToCheck,
    ask_reasons,
    words_to_check,
)

LATE_MESSAGE = guard_message(moves.late_authorisation_has_a_reason)


BACK_TEXT = "Go back to the assessment"


def _assessment_url(assessment: Assessment) -> str:
    return reverse("assessments:assessment", kwargs={"assessment_id": assessment.pk})


@casework_required
def request_assessments(request: HttpRequest, request_id: int) -> HttpResponse:
    support_request, assessments, offers = selectors.request_assessments(
        actor=Actor.of(request), request_id=request_id
    )
    context = {
        "req": support_request,
        "assessments": assessments,
        "offers": offers,
        "today": timezone.localdate(),
    }
    return render(request, "assessments/staff/request_assessments.html", context)


READY_BUTTON = "Mark ready for the family to read"


def _ready_form(assessment: Assessment, data: Any = None) -> tuple[GateForm, list[WordsToCheck]]:
    """The button that lets the family read the draft, with a reason needed for each distinct
    flagged word or phrase in the staff text they will read."""
    to_check = (
        words_to_check(selectors.staff_text_of(assessment), council_id=assessment.family.council_id)
        if assessment.status == AssessmentStatus.IN_PROGRESS
        else []
    )
    return GateForm(data, to_check=to_check, button=READY_BUTTON, name="ready"), to_check


def _task_list(
    request: HttpRequest,
    assessment: Assessment,
    refusal: list[str] | None = None,
    ready_form: GateForm | None = None,
) -> HttpResponse:
    fresh_form, to_check = _ready_form(assessment)
    ready_form = ready_form or fresh_form
    context = {
        "assessment": assessment,
        "decisions": selectors.decisions_of(assessment),
        "today": timezone.localdate(),
        "refusal": refusal or [],
        "ready_form": ready_form,
        "to_check": to_check,
        "reasons": reasons_for(
            scope=request.scope,  # type: ignore[attr-defined]
            record_type=services.RECORD_TYPE,
            record_id=assessment.pk,
        ),
    }
    return render(
        request,
        "assessments/staff/assessment.html",
        context,
        status=400 if refusal or ready_form.errors else 200,
    )


@casework_required
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_read(actor=Actor.of(request), assessment_id=assessment_id)
    return _task_list(request, assessment)


@casework_required
@require_POST
def mark_ready(request: HttpRequest, assessment_id: int) -> HttpResponse:
    actor = Actor.of(request)
    assessment = selectors.assessment_read(actor=actor, assessment_id=assessment_id)
    form, to_check = _ready_form(assessment, request.POST)
    if not form.is_valid():
        return _task_list(request, assessment, ready_form=form)
    return button_move(
        request,
        lambda: services.mark_ready(
            actor=actor, assessment=assessment, reasons=Reasons.given(to_check, form.cleaned_data)
        ),
        success=lambda _: (
            f"{assessment.title} is ready for the family to read.",
            _assessment_url(assessment),
        ),
        refused=lambda reasons: _task_list(request, assessment, refusal=reasons),
        back_url=_assessment_url(assessment),
        back_text=BACK_TEXT,
    )


@casework_required
@require_POST
def reopen(request: HttpRequest, assessment_id: int) -> HttpResponse:
    actor = Actor.of(request)
    assessment = selectors.assessment_read(actor=actor, assessment_id=assessment_id)
    return button_move(
        request,
        lambda: services.reopen(actor=actor, assessment=assessment),
        success=lambda _: (
            "You can make changes. Mark it ready again when you have finished.",
            _assessment_url(assessment),
        ),
        refused=lambda reasons: _task_list(request, assessment, refusal=reasons),
        back_url=_assessment_url(assessment),
        back_text=BACK_TEXT,
    )


def _area_url(area: AssessmentArea) -> str:
    return reverse("assessments:area", kwargs={"area_id": area.pk})


def _need_form(area: AssessmentArea, data: Any = None) -> NeedForm:
    """The form to add a need; a child's need asks the age comparator question."""
    assessment = area.assessment
    return NeedForm(data, name=assessment.subject_name, kind=assessment.kind)


def _area_page(
    request: HttpRequest,
    area: AssessmentArea,
    area_form: AreaForm,
    need_form: NeedForm,
    status: int = 200,
    saved_now: AssessmentArea | None = None,
) -> HttpResponse:
    context = {
        "area": area,
        "assessment": area.assessment,
        "area_form": area_form,
        "need_form": need_form,
        "name": area.assessment.subject_name,
        "hint": area.hint_for(area.assessment.subject_name),
        "saved_now": saved_now,
    }
    return render(request, "assessments/staff/area.html", context, status=status)


@casework_required
@require_http_methods(["GET", "POST"])
def area_detail(request: HttpRequest, area_id: int) -> HttpResponse:
    actor = Actor.of(request)
    area = selectors.area_read(actor=actor, area_id=area_id)
    form = AreaForm(submitted(request), area=area)
    saved_now = None
    # Not form_page: when someone else saved first, the form takes their version and shows it.
    if request.method == "POST" and form.is_valid():
        try:
            services.area_save(
                actor=actor, area=area, given=form.to_input(), version=form.cleaned_data["version"]
            )
        except IllegalMove as error:
            return conflict(
                request, str(error), back_url=_assessment_url(area.assessment), back_text=BACK_TEXT
            )
        except services.AreaChanged as error:
            add_refusal(form, error)
            fresh = request.POST.copy()
            fresh["version"] = str(error.current.version)
            form.data = fresh
            saved_now = error.current
        except MoveRefused as error:
            add_refusal(form, error)
        else:
            messages.success(request, f"{area.label} saved.")
            return redirect(_assessment_url(area.assessment))
    status = 400 if form.errors else 200
    return _area_page(request, area, form, _need_form(area), status, saved_now)


@casework_required
@require_POST
def need_add(request: HttpRequest, area_id: int) -> HttpResponse:
    actor = Actor.of(request)
    area = selectors.area_read(actor=actor, area_id=area_id)
    form = _need_form(area, request.POST)
    made = form_move(
        request,
        form,
        on_valid=lambda: services.need_add(actor=actor, area=area, given=form.to_input()),
        success=lambda _: ("Need added.", _area_url(area)),
        back_url=_assessment_url(area.assessment),
        back_text=BACK_TEXT,
    )
    return made or _area_page(request, area, AreaForm(area=area), form, status=400)


@casework_required
@require_POST
def need_remove(request: HttpRequest, need_id: int) -> HttpResponse:
    actor = Actor.of(request)
    need = selectors.need_read(actor=actor, need_id=need_id)
    return button_move(
        request,
        lambda: services.need_remove(actor=actor, need=need),
        success=lambda area: ("Need removed.", _area_url(area)),
        refused=lambda reasons: _task_list(request, need.area.assessment, refusal=reasons),
        back_url=_assessment_url(need.area.assessment),
        back_text=BACK_TEXT,
    )


def _decisions_initial(assessment: Assessment) -> dict[str, Any]:
    decisions = selectors.decisions_of(assessment)
    if decisions is None:
        return {}
    initial: dict[str, Any] = {}
    for question in decisions.QUESTIONS:
        initial[question] = "yes" if getattr(decisions, question) else "no"
        initial[f"{question}_reason"] = getattr(decisions, f"{question}_reason")
    return initial


@casework_required
@require_http_methods(["GET", "POST"])
def carer_decisions(request: HttpRequest, carer_assessment_id: int) -> HttpResponse:
    actor = Actor.of(request)
    assessment = selectors.carer_assessment_read(actor=actor, assessment_id=carer_assessment_id)
    form = versioned(
        CarerDecisionsForm(
            submitted(request),
            initial=_decisions_initial(assessment),
            carer=assessment.subject_name,
            child=assessment.child.first_name,
        ),
        assessment,
        saved=_decisions_initial,
    )
    return form_page(
        request,
        form,
        "assessments/staff/carer_decisions.html",
        {"assessment": assessment},
        on_valid=lambda: services.carer_decisions_save(
            actor=actor, assessment=assessment, given=form.to_input()
        ),
        success=lambda _: ("The decisions are saved.", _assessment_url(assessment)),
        back_url=_assessment_url(assessment),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def advocacy(request: HttpRequest, assessment_id: int) -> HttpResponse:
    actor = Actor.of(request)
    assessment = selectors.assessment_read(actor=actor, assessment_id=assessment_id)
    form = versioned(
        AdvocacyForm(
            submitted(request), initial=advocacy_initial(assessment), name=assessment.subject_name
        ),
        assessment,
        saved=advocacy_initial,
    )
    return form_page(
        request,
        form,
        "assessments/staff/advocacy.html",
        {"assessment": assessment},
        on_valid=lambda: services.advocacy_save(
            actor=actor, assessment=assessment, given=form.to_input()
        ),
        success=lambda _: ("The offer of an advocate is saved.", _assessment_url(assessment)),
        back_url=_assessment_url(assessment),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def offer_answer(request: HttpRequest, offer_id: int) -> HttpResponse:
    actor = Actor.of(request)
    offer = selectors.offer_read(actor=actor, offer_id=offer_id)
    form = OfferAnswerForm(
        submitted(request), person=offer.person_name, child=offer.request.child.first_name
    )

    def answered(made: Assessment | None) -> tuple[str, str]:
        url = (
            _assessment_url(made)
            if made is not None
            else reverse("assessments:request_assessments", kwargs={"request_id": offer.request_id})
        )
        return f"{offer.person_name}'s answer is saved.", url

    return form_page(
        request,
        form,
        "assessments/staff/offer.html",
        {"offer": offer},
        on_valid=lambda: services.offer_answer(
            actor=actor, offer=offer, answer=form.cleaned_data["answer"]
        ),
        success=answered,
    )


LATE_TEXT = "why the assessment is late"


@manager_required
@require_http_methods(["GET", "POST"])
def authorise(request: HttpRequest, assessment_id: int) -> HttpResponse:
    actor = Actor.of(request)
    assessment = selectors.assessment_read(actor=actor, assessment_id=assessment_id)
    today = timezone.localdate()
    late = today > assessment.due
    form = AuthoriseForm(
        submitted(request), late=late, due_text=dateformat.format(assessment.due, "j F Y")
    )
    texts = selectors.staff_text_of(assessment)
    if late and request.method == "POST":
        # The family reads why it is late: the manager's words are checked too.
        texts[LATE_TEXT] = request.POST.get("late_reason", "")
    # The shared wording gate: one real reason per distinct flagged word or phrase.
    to_check = words_to_check(texts, council_id=actor.scope.council_id)
    ask_reasons(form, to_check)
    # Not form_page: a refusal about lateness goes on the late_reason field, not the summary.
    if request.method == "POST" and form.is_valid():
        try:
            services.authorise(
                actor=actor,
                assessment=assessment,
                late_reason=form.cleaned_data.get("late_reason", ""),
                today=today,
                reasons=Reasons.given(to_check, form.cleaned_data),
            )
        except IllegalMove as error:
            return conflict(
                request, str(error), back_url=_assessment_url(assessment), back_text=BACK_TEXT
            )
        except MoveRefused as error:
            for message in error.messages:
                about_lateness = late and message == LATE_MESSAGE
                form.add_error("late_reason" if about_lateness else None, message)
        else:
            messages.success(request, f"{assessment.title} is authorised.")
            return redirect(_assessment_url(assessment))
    context = {
        "form": form,
        "assessment": assessment,
        "late": late,
        "today": today,
        "to_check": to_check,
        "reasons": reasons_for(
            scope=actor.scope, record_type=services.RECORD_TYPE, record_id=assessment.pk
        ),
    }
    return render(
        request,
        "assessments/staff/authorise.html",
        context,
        status=400 if form.errors else 200,
    )
