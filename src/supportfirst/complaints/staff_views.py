"""Staff pages for complaints. The council's complaints manager (or a manager) runs them:
acknowledges, decides on the time limit, records the agreed statement, appoints, extends and
responds. Practitioners can read complaints; the worker a complaint is about cannot (a 404).
Thin: parse, call one service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.audit.services import Actor, log_list_view
from supportfirst.complaints import clock, selectors, services
from supportfirst.complaints.forms import (
    AdvocacyForm,
    DateForm,
    ExtendForm,
    InvestigatorsForm,
    PanelForm,
    RespondForm,
    StatementForm,
    TimeLimitForm,
    WorkerForm,
)
from supportfirst.complaints.models import Complaint, ComplaintStage, Outcome, Stage
from supportfirst.councils.access import complaint_readers_required, complaints_manager_required
from supportfirst.councils.models import COMPLAINTS_ROLES
from supportfirst.kernel.formsupport import button_move, conflict, form_page, submitted, versioned
from supportfirst.letters import services as letter_services
from supportfirst.notifications.services import preference_for
from supportfirst.wording.selectors import reasons_kept_with
from supportfirst.wording.services import Reasons, WordsToCheck, ask_reasons, words_to_check

RESPONSE_TEXT = "the response"
REMEDY_TEXT = "what the council will do to put it right"
LEARNING_TEXT = "what the council has learned"
UPHELD = (Outcome.UPHELD, Outcome.PARTLY_UPHELD)


def response_texts(data: Any) -> dict[str, str]:
    """All the words of a response the family will read: the response, and for an upheld
    complaint the remedy and the learning (kept only when it is upheld)."""
    texts = {RESPONSE_TEXT: data.get("response", "")}
    if data.get("outcome") in UPHELD:
        texts[REMEDY_TEXT] = data.get("remedy", "")
        texts[LEARNING_TEXT] = data.get("learning", "")
    return texts


def _complaint_url(complaint: Complaint) -> str:
    return reverse("complaints:complaint", kwargs={"complaint_id": complaint.pk})


def _back(complaint_id: int) -> dict[str, str]:
    """Where the 409 page links back to: the complaint."""
    url = reverse("complaints:complaint", kwargs={"complaint_id": complaint_id})
    return {"back_url": url, "back_text": "Go back to the complaint"}


@complaint_readers_required
def complaint_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    rows = selectors.staff_complaints(scope=scope, today=timezone.localdate())
    log_list_view(request, list_name="complaints")
    return render(request, "complaints/staff/list.html", {"rows": rows})


@complaint_readers_required
def complaint_detail(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint, stage = selectors.complaint_read(actor=Actor.of(request), complaint_id=complaint_id)
    today = timezone.localdate()
    step = selectors.next_step(complaint, stage, today)
    return render(
        request,
        "complaints/staff/complaint.html",
        {
            "complaint": complaint,
            "stage": stage,
            "step": step,
            "ombudsman": selectors.shows_ombudsman(complaint, step),
            "preference": preference_for(complaint.family),
            "latest": clock.latest_extension(stage.stage, stage.clock_from)
            if stage.stage in clock.LONGEST
            else None,
            "today": today,
            "runs_complaints": request.scope.holds_any(COMPLAINTS_ROLES),  # type: ignore[attr-defined]
            "does_casework": request.scope.does_casework,  # type: ignore[attr-defined]
            "reasons": reasons_kept_with(
                family_id=complaint.family_id,
                record_type=services.RECORD_TYPE,
                record_id=complaint.pk,
            ),
        },
    )


@complaints_manager_required
@require_POST
def acknowledge(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = Actor.of(request)
    complaint, _stage = selectors.complaint_read(actor=actor, complaint_id=complaint_id)
    return button_move(
        request,
        lambda: services.complaint_acknowledge(actor=actor, complaint=complaint),
        success=lambda _: (
            "Complaint acknowledged. The family has been told.",
            _complaint_url(complaint),
        ),
        refused=lambda reasons: conflict(request, " ".join(reasons), **_back(complaint.pk)),
        **_back(complaint.pk),
    )


@complaints_manager_required
@require_POST
def prepare_letter(request: HttpRequest, complaint_id: int) -> HttpResponse:
    """Prepare the acknowledgement letter (or, once responded, the response letter) in the
    letters app, where staff read, change and send it."""
    actor = Actor.of(request)
    complaint, _stage = selectors.complaint_read(actor=actor, complaint_id=complaint_id)
    kind = "complaint_response" if complaint.status == "responded" else "complaint_acknowledgement"
    return button_move(
        request,
        lambda: letter_services.letter_prepare(
            actor=actor, family=complaint.family, kind=kind, source=complaint
        ),
        success=lambda letter: (
            f"Letter prepared: {letter.subject}.",
            reverse("letters:letter", kwargs={"letter_id": letter.pk}),
        ),
        refused=lambda reasons: conflict(request, " ".join(reasons), **_back(complaint.pk)),
        **_back(complaint.pk),
    )


Action = Callable[[Actor, Complaint, dict[str, Any]], Any]


def _action_page(
    request: HttpRequest,
    complaint_id: int,
    *,
    title: str,
    make_form: Callable[[Any, Complaint, ComplaintStage], forms.Form],
    act: Action,
    done: str,
    intro: str = "",
    to_check: list[WordsToCheck] | None = None,
) -> HttpResponse:
    """One staff form that moves a complaint. `to_check` is filled by `make_form` when the
    form sends words to the family that need reasons."""
    actor = Actor.of(request)
    complaint, stage = selectors.complaint_read(actor=actor, complaint_id=complaint_id)
    form = make_form(submitted(request), complaint, stage)
    return form_page(
        request,
        form,
        "complaints/staff/action.html",
        {
            "complaint": complaint,
            "stage": stage,
            "title": title,
            "intro": intro,
            "action": request.path,
            "to_check": to_check or [],
        },
        on_valid=lambda: act(actor, complaint, form.cleaned_data),
        success=lambda _: (done, _complaint_url(complaint)),
        **_back(complaint.pk),
    )


def _advocacy_saved(complaint: Complaint) -> dict[str, Any]:
    return {
        "offered_on": complaint.advocacy_offered_on,
        "answer": complaint.advocacy_answer,
        "organisation": complaint.advocate_organisation,
    }


def _statement_saved(stage: ComplaintStage) -> dict[str, Any]:
    return {"statement": stage.statement, "agreed_on": stage.statement_agreed_on}


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def advocacy(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def make(data: Any, complaint: Complaint, stage: ComplaintStage) -> forms.Form:
        initial = {}
        if complaint.advocacy_offered_on:
            initial = {
                "offered_on": complaint.advocacy_offered_on,
                "answer": complaint.advocacy_answer,
                "organisation": complaint.advocate_organisation,
            }
        return versioned(AdvocacyForm(data, initial=initial), complaint, saved=_advocacy_saved)

    return _action_page(
        request,
        complaint_id,
        title="Record the offer of an advocate",
        intro="Offer the child or young person an advocate to help them make their complaint "
        "(Children Act 1989, section 26A): the council must arrange one for them. Tell parents "
        "about advocacy services near them; the law does not give parents their own advocate.",
        make_form=make,
        act=lambda actor, complaint, data: services.complaint_record_advocacy(
            actor=actor,
            complaint=complaint,
            offered_on=data["offered_on"],
            answer=data["answer"],
            organisation=data["organisation"],
        ),
        done="Advocacy offer saved.",
    )


def _gated(
    form: forms.Form,
    data: Any,
    complaint: Complaint,
    texts: dict[str, str],
    to_check: list[WordsToCheck],
) -> forms.Form:
    """The wording gate on a complaint form whose words the family reads: `texts` maps each
    field to its name for staff; one real reason is needed per flagged word or phrase."""
    if data is not None:
        to_check.extend(
            words_to_check(
                {label: data.get(name, "") for name, label in texts.items()},
                council_id=complaint.family.council_id,
            )
        )
        ask_reasons(form, to_check)
    return form


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def extend(request: HttpRequest, complaint_id: int) -> HttpResponse:
    to_check: list[WordsToCheck] = []
    return _action_page(
        request,
        complaint_id,
        title="Extend the time to respond",
        intro="At stage 1 the response can be put back to at most 20 working days after the "
        "complaint arrived; at stage 2 to at most 65 working days after the family asked. "
        "Stage 3 cannot be extended.",
        make_form=lambda data, complaint, stage: _gated(
            ExtendForm(data), data, complaint, {"reason": "the reason for more time"}, to_check
        ),
        act=lambda actor, complaint, data: services.complaint_extend(
            actor=actor,
            complaint=complaint,
            new_due=data["new_due"],
            reason=data["reason"],
            reasons=Reasons.given(to_check, data),
        ),
        done="Time to respond extended. The family has been told why.",
        to_check=to_check,
    )


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def appoint(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def make(data: Any, complaint: Complaint, stage: ComplaintStage) -> forms.Form:
        if complaint.stage == Stage.REVIEW_PANEL:
            names = [*stage.panel_members, "", "", ""][:3]
            return PanelForm(
                data,
                initial={"chair": names[0], "second_member": names[1], "third_member": names[2]},
            )
        return InvestigatorsForm(
            data,
            initial={
                "investigating_officer": stage.investigating_officer,
                "independent_person": stage.independent_person,
            },
        )

    def act(actor: Actor, complaint: Complaint, data: dict[str, Any]) -> Any:
        if complaint.stage == Stage.REVIEW_PANEL:
            panel = [data["chair"], data["second_member"], data["third_member"]]
            return services.complaint_appoint(actor=actor, complaint=complaint, panel_members=panel)
        return services.complaint_appoint(
            actor=actor,
            complaint=complaint,
            investigating_officer=data.get("investigating_officer", ""),
            independent_person=data.get("independent_person", ""),
        )

    return _action_page(
        request,
        complaint_id,
        title="Appoint the people looking into the complaint",
        intro="Stage 2: an investigating officer and an independent person. Stage 3: a review "
        "panel of three independent people.",
        make_form=make,
        act=act,
        done="Appointments saved.",
    )


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, complaint_id: int) -> HttpResponse:
    return _action_page(
        request,
        complaint_id,
        title="Record the review panel meeting",
        intro="The panel's report is then due within 5 working days of the meeting.",
        make_form=lambda data, complaint, stage: DateForm(
            data, label="Date the panel met", button="Record the meeting"
        ),
        act=lambda actor, complaint, data: services.complaint_record_meeting(
            actor=actor, complaint=complaint, met_on=data["on"]
        ),
        done="Panel meeting recorded.",
    )


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, complaint_id: int) -> HttpResponse:
    return _action_page(
        request,
        complaint_id,
        title="Record the review panel's report",
        intro="The council's response is then due within 15 working days of the report.",
        make_form=lambda data, complaint, stage: DateForm(
            data, label="Date of the panel's report", button="Record the report"
        ),
        act=lambda actor, complaint, data: services.complaint_record_report(
            actor=actor, complaint=complaint, report_on=data["on"]
        ),
        done="Panel report recorded.",
    )


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, complaint_id: int) -> HttpResponse:
    to_check: list[WordsToCheck] = []

    def make(data: Any, complaint: Complaint, stage: ComplaintStage) -> forms.Form:
        """The response form, with a reason needed for each distinct flagged word or phrase in
        the response the family will read."""
        form = RespondForm(data, initial={"responded_on": timezone.localdate()})
        if data is not None:
            to_check.extend(
                words_to_check(response_texts(data), council_id=complaint.family.council_id)
            )
            ask_reasons(form, to_check)
        return form

    return _action_page(
        request,
        complaint_id,
        title="Record the council's response",
        make_form=make,
        act=lambda actor, complaint, data: services.complaint_respond(
            actor=actor,
            complaint=complaint,
            response=data["response"],
            outcome=data["outcome"],
            responded_on=data["responded_on"],
            reasons=Reasons.given(to_check, data),
            remedy=data.get("remedy", ""),
            learning=data.get("learning", ""),
        ),
        done="Response recorded. The family has been told.",
        to_check=to_check,
    )


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def time_limit(request: HttpRequest, complaint_id: int) -> HttpResponse:
    to_check: list[WordsToCheck] = []
    return _action_page(
        request,
        complaint_id,
        title="Decide whether to consider a complaint made after a year",
        intro="A complaint is normally made within one year of what it is about. The council "
        "can still consider a later one when it would not have been reasonable to complain "
        "sooner and it can still be looked into effectively and fairly (Children Act 1989 "
        "Representations Procedure (England) Regulations 2006).",
        make_form=lambda data, complaint, stage: _gated(
            TimeLimitForm(data),
            data,
            complaint,
            {"reason": "the reason for the decision"},
            to_check,
        ),
        act=lambda actor, complaint, data: services.complaint_decide_time_limit(
            actor=actor,
            complaint=complaint,
            consider=data["consider"] == "yes",
            reason=data["reason"],
            reasons=Reasons.given(to_check, data),
        ),
        done="Decision on the time limit saved.",
        to_check=to_check,
    )


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def statement(request: HttpRequest, complaint_id: int) -> HttpResponse:
    to_check: list[WordsToCheck] = []

    def make(data: Any, complaint: Complaint, stage: ComplaintStage) -> forms.Form:
        form = versioned(
            StatementForm(data, initial=_statement_saved(stage)), stage, saved=_statement_saved
        )
        return _gated(form, data, complaint, {"statement": "the statement of complaint"}, to_check)

    return _action_page(
        request,
        complaint_id,
        title="Record the agreed statement of complaint",
        intro="Stage 2 starts by agreeing with the person complaining what the investigation "
        "will look at. The 25 working days for the response (65 at most) run from the day it "
        "is agreed.",
        make_form=make,
        act=lambda actor, complaint, data: services.complaint_agree_statement(
            actor=actor,
            complaint=complaint,
            statement=data["statement"],
            agreed_on=data["agreed_on"],
            reasons=Reasons.given(to_check, data),
        ),
        done="Statement of complaint saved. The response is now due 25 working days after it "
        "was agreed.",
        to_check=to_check,
    )


@complaints_manager_required
@require_http_methods(["GET", "POST"])
def worker(request: HttpRequest, complaint_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    staff = selectors.council_workers(scope=scope)
    by_id = {str(person.pk): person for person in staff}

    def make(data: Any, complaint: Complaint, stage: ComplaintStage) -> forms.Form:
        current = str(complaint.about_worker_id) if complaint.about_worker_id else None
        return versioned(
            WorkerForm(
                data,
                choices=[(key, str(person)) for key, person in by_id.items()],
                initial={"worker": current} if current else {},
            ),
            complaint,
            saved=lambda now: {"worker": str(now.about_worker_id or "")},
        )

    return _action_page(
        request,
        complaint_id,
        title="Record who the complaint is about",
        intro="If the complaint is about one worker, name them: they will no longer see the "
        "complaint. Nobody can name themselves.",
        make_form=make,
        act=lambda actor, complaint, data: services.complaint_name_worker(
            actor=actor, complaint=complaint, worker=by_id.get(data["worker"])
        ),
        done="Saved. The worker named cannot see this complaint.",
    )
