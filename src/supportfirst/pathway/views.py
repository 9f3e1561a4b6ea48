"""Staff pages for the support pathway. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required, manager_required
from supportfirst.councils.guards import is_a_team_manager
from supportfirst.families import selectors as family_selectors
from supportfirst.kernel.formsupport import (
    form_move,
    form_page,
    submitted,
    versioned,
)
from supportfirst.pathway import beside, danger, enquiries, selectors, services
from supportfirst.pathway.enquiry_forms import EnquiryOutcomeForm
from supportfirst.pathway.evidence import evidence_findings
from supportfirst.pathway.forms import (
    PARENT_OWN,
    YOUNG_CARER,
    ContactForm,
    ContactPlanForm,
    DecisionForm,
    FamilyViewForm,
    ImmediateDangerForm,
    NewFamilyRequestForm,
    NotAssessingConfirmForm,
    ReasonForm,
    RequestForm,
    SafeguardingDecisionForm,
    SafeguardingProposalForm,
)
from supportfirst.pathway.models import (
    ContactStatus,
    EnquiryOutcome,
    InformationBasis,
    MoveStatus,
    Pathway,
    RequestStatus,
    SupportRequest,
)
from supportfirst.rules.intrusion import FACTUAL_INTRUSION_RULES
from supportfirst.wording.selectors import reasons_for
from supportfirst.wording.services import (
    FieldFinding,
    Reasons,
    WordsToCheck,
    add_reason_fields,
    ask_reasons,
    words_to_check,
)


def _request_url(request_id: int) -> str:
    return reverse("pathway:request", kwargs={"request_id": request_id})


def _request_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "received_at": data["received_at"],
        "who_asked": data["who_asked"],
        "requester_name": data["requester_name"],
        "requester_organisation": data["requester_organisation"],
        "help_asked_for": data["help_asked_for"],
        "consent_to_contact_others": data["consent_to_contact_others"],
        "communication_needs": data["communication_needs"],
        "preferred_contact": data["preferred_contact"],
        "parent_asked_for_own_assessment": PARENT_OWN in data.get("asked_for_carers", []),
        "young_carer_assessment_asked": YOUNG_CARER in data.get("asked_for_carers", []),
    }


@casework_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    """Record a request for help from a family the council does not know yet."""
    form = NewFamilyRequestForm(submitted(request))

    def create() -> SupportRequest:
        data = form.cleaned_data
        surname = data["child_last_name"].strip()
        new_family = services.NewFamily(
            family_name=f"{surname} family",
            parent_name=data["parent_name"],
            parent_relationship=data["parent_relationship"],
            parent_email=data["parent_email"],
            parent_phone=data["parent_phone"],
            child_first_name=data["child_first_name"],
            child_last_name=surname,
            child_date_of_birth=data["child_date_of_birth"],
            child_about=data["child_about"],
        )
        return services.support_request_create(
            actor=Actor.of(request), new_family=new_family, **_request_fields(data)
        )

    return form_page(
        request,
        form,
        "pathway/request_new.html",
        {"family": None},
        on_valid=create,
        success=_request_saved,
    )


def _request_saved(support_request: SupportRequest) -> tuple[str, str]:
    return f"Request {support_request.reference} saved.", _request_url(support_request.pk)


@casework_required
@require_http_methods(["GET", "POST"])
def request_new_for_family(request: HttpRequest, family_id: int) -> HttpResponse:
    """Record a request for help for a child the council already knows."""
    scope = request.scope  # type: ignore[attr-defined]
    family = family_selectors.family_read(request=request, scope=scope, family_id=family_id)
    children = list(family.children.all())
    form = RequestForm(submitted(request))
    form.fields["child"] = forms.TypedChoiceField(
        label="Which child is the request for?",
        choices=[(c.pk, f"{c.first_name} {c.last_name}") for c in children],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the child the request is for"},
    )
    form.helper.layout.fields.insert(0, Field.radios("child", legend_size=Size.SMALL))
    return form_page(
        request,
        form,
        "pathway/request_new.html",
        {"family": family},
        on_valid=lambda: services.support_request_create(
            actor=Actor.of(request),
            child=next(c for c in children if c.pk == form.cleaned_data["child"]),
            **_request_fields(form.cleaned_data),
        ),
        success=_request_saved,
    )


def _request_page(
    request: HttpRequest,
    support_request: Any,
    decision_form: DecisionForm,
    status: int = 200,
    to_check: list[WordsToCheck] | None = None,
) -> HttpResponse:
    decision = getattr(support_request, "next_step_decision", None)
    context = {
        "req": support_request,
        "decision_form": decision_form,
        "to_check": to_check or [],
        "reasons": reasons_for(
            scope=request.scope,  # type: ignore[attr-defined]
            record_type=services.DECISION_RECORD_TYPE,
            record_id=decision.pk,
        )
        if decision is not None
        else [],
        "today": timezone.localdate(),
        "awaiting": support_request.status == RequestStatus.AWAITING_DECISION,
        "can_propose": support_request.status
        in (RequestStatus.AWAITING_DECISION, RequestStatus.SUPPORT_PATHWAY),
        "can_report_danger": danger.can_report(support_request),
    }
    return render(request, "pathway/request.html", context, status=status)


@casework_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    support_request = selectors.request_read(actor=Actor.of(request), request_id=request_id)
    return _request_page(request, support_request, DecisionForm())


def _decision_texts(data: Any) -> dict[str, str]:
    """The words of a next-step decision the family reads: the information and advice, and a
    decision not to assess with its reason (its letter and their page show it)."""
    if data.get("pathway") != Pathway.INFORMATION:
        return {}
    texts = {"the information and advice": data.get("information_given", "")}
    if data.get("basis") == InformationBasis.NOT_ASSESSING:
        texts["the reason for not assessing"] = data.get("not_assessing_reason", "")
    return texts


@casework_required
@require_POST
def request_decide(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    form = DecisionForm(request.POST)
    to_check = words_to_check(
        _decision_texts(request.POST), council_id=support_request.family.council_id
    )
    ask_reasons(form, to_check)

    def decide() -> str:
        data = form.cleaned_data
        reasons = Reasons.given(to_check, data)
        if data["pathway"] == Pathway.SUPPORT:
            services.decide_support(actor=actor, request=support_request)
            return "Next step decided: the support pathway."
        if data["basis"] == InformationBasis.NOT_ASSESSING:
            services.propose_not_assessing(
                actor=actor,
                request=support_request,
                information_given=data["information_given"],
                reason=data["not_assessing_reason"],
                reasons=reasons,
            )
            return (
                "Your decision not to assess is saved. A team manager must confirm it before "
                "the family is told."
            )
        services.decide_information(
            actor=actor,
            request=support_request,
            information_given=data["information_given"],
            agreement=services.FamilyAgreement(
                data["agreed_by"], data["agreed_on"], data["agreed_how"]
            ),
            reasons=reasons,
        )
        return (
            "Next step decided: information and advice, as the family agreed. Now prepare the "
            "letter: it tells them they can ask for an assessment at any time."
        )

    made = form_move(
        request,
        form,
        on_valid=decide,
        success=lambda message: (message, _request_url(support_request.pk)),
    )
    return made or _request_page(request, support_request, form, status=400, to_check=to_check)


@casework_required
@require_http_methods(["GET", "POST"])
def safeguarding_propose(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    form = SafeguardingProposalForm(submitted(request))
    # Flagged words (opinions, and what the language checker finds) each need a reason; the
    # evidence itself is never refused for its words.
    flagged = evidence_findings(
        request.POST.get("what_happened", ""), council_id=actor.scope.council_id
    )
    add_reason_fields(form, flagged)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form_page(
        request,
        form,
        "pathway/safeguarding_propose.html",
        {"req": support_request},
        on_valid=lambda: services.safeguarding_propose(
            actor=actor,
            request=support_request,
            what_happened=data["what_happened"],
            seen_or_said_by=data["seen_or_said_by"],
            when_it_happened=data["when_it_happened"],
            family_told=data["family_told_bool"],
            family_told_at=data["family_told_at"],
            reason_not_told=data["reason_not_told"],
            reasons=Reasons(flagged, data),
        ),
        success=lambda _: (
            selectors.who_decides_a_proposal(actor=actor),
            _request_url(support_request.pk),
        ),
    )


@casework_required
@require_http_methods(["GET", "POST"])
def immediate_danger(request: HttpRequest, request_id: int) -> HttpResponse:
    """A child may be in immediate danger: phone first, then one short step that records the
    concern and tells every manager of the council at once. Its words never hold it back:
    flagged words are shown, and their reasons asked when the record is completed."""
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    form = ImmediateDangerForm(submitted(request))
    can_report = danger.can_report(support_request)
    context = {
        "req": support_request,
        "can_report": can_report,
        "with_safeguarding": danger.already_with_safeguarding(support_request),
    }
    if not can_report and request.method == "POST":
        # Refused plainly, never a 500 or a second proposal: phone now, tell the manager.
        why = (
            danger.ALREADY_WITH_SAFEGUARDING
            if context["with_safeguarding"]
            else danger.REQUEST_CLOSED
        )
        refused = {**context, "form": form, "refused": why}
        return render(request, "pathway/immediate_danger.html", refused, status=409)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form_page(
        request,
        form,
        "pathway/immediate_danger.html",
        context,
        on_valid=lambda: danger.report_immediate_danger(
            actor=actor,
            request=support_request,
            what_happened=data["what_happened"],
            when_it_happened=data["when_it_happened"],
            who_at_risk=data["who_at_risk"],
            link_for=request.build_absolute_uri,
        ),
        success=lambda saved: (
            _danger_told(
                saved[1],
                flagged=evidence_findings(
                    saved[0].what_happened, council_id=actor.scope.council_id
                ),
            ),
            _request_url(support_request.pk),
        ),
    )


def _danger_told(emailed: int, flagged: Sequence[FieldFinding] = ()) -> str:
    who = (
        f"{emailed} manager{'' if emailed == 1 else 's'} emailed"
        if emailed
        else "no manager has an email address: phone your team manager"
    )
    told = (
        "The concern is recorded and every manager can see it at the top of their My work "
        f"({who}). If you have not phoned 999 or the child protection team yet, do it now."
    )
    if flagged:
        words = ", ".join(dict.fromkeys(f"“{item.finding.text}”" for item in flagged))
        told += (
            f" Some words are flagged ({words}): a reason for keeping each is asked when the "
            "record is completed."
        )
    return told


@manager_required
@require_http_methods(["GET", "POST"])
def not_assessing_confirm(request: HttpRequest, request_id: int) -> HttpResponse:
    """A team manager confirms a decision not to assess, or sends the request to be assessed."""
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    form = NotAssessingConfirmForm(submitted(request))
    to_check = _gate(
        form,
        {"reason": "the reason for your decision"},
        request,
        council_id=support_request.family.council_id,
        contact=False,
    )
    waiting = support_request.status == RequestStatus.NOT_ASSESSING_PROPOSED
    decision = getattr(support_request, "next_step_decision", None)
    return form_page(
        request,
        form,
        "pathway/not_assessing_confirm.html",
        {
            "req": support_request,
            "waiting": waiting,
            "to_check": to_check,
            "reasons": reasons_for(
                scope=actor.scope,
                record_type=services.DECISION_RECORD_TYPE,
                record_id=decision.pk,
            )
            if decision is not None
            else [],
        },
        on_valid=lambda: services.confirm_not_assessing(
            actor=actor,
            request=support_request,
            confirm=form.cleaned_data["decision"] == "confirm",
            reason=form.cleaned_data["reason"],
            reasons=Reasons.given(to_check, form.cleaned_data),
        ),
        success=lambda decision: _not_assessing_done(decision, support_request),
    )


def _not_assessing_done(decision: Any, support_request: SupportRequest) -> tuple[str, str]:
    """Confirmed: to the letter prepared for the worker to check and send. Not confirmed: back
    to the request, now on the support pathway."""
    if decision.pathway != Pathway.INFORMATION:
        return (
            f"{support_request.child.first_name}'s needs will be assessed on the support pathway.",
            _request_url(support_request.pk),
        )
    letter = next(iter(getattr(decision, "prepared", [])), None)
    if letter is None:
        return "Confirmed: information and advice only.", _request_url(support_request.pk)
    return (
        "Confirmed: information and advice only. The letter to the family is prepared: it "
        "gives the reason, their right to an assessment at any time and how to challenge. "
        "Check it and send it. It has not been sent.",
        reverse("letters:letter", kwargs={"letter_id": letter.pk}),
    )


@manager_required
@require_http_methods(["GET", "POST"])
def safeguarding_decide(request: HttpRequest, move_id: int) -> HttpResponse:
    actor = Actor.of(request)
    move = selectors.move_read(actor=actor, move_id=move_id)
    ask = move.family_told is None
    form = SafeguardingDecisionForm(
        submitted(request), ask_about_notice=ask, ask_who=not move.seen_or_said_by.strip()
    )
    # A family who was told about the proposal reads the decision's reason on their timeline.
    to_check = _gate(
        form,
        {"reason": "your reason for the decision"},
        request,
        council_id=move.family.council_id,
        contact=False,
        safeguarding=True,
    )
    # A concern recorded in a hurry was saved whatever its words: the reasons for its flagged
    # words are asked now, as the record is completed, and needed to approve the move.
    unexplained = selectors.unexplained_evidence(move)
    if move.status == MoveStatus.PROPOSED:
        form.ask_evidence_reasons(unexplained)
    asked = [*(group.item for group in to_check), *form.evidence_reasons]
    return form_page(
        request,
        form,
        "pathway/safeguarding_decide.html",
        {
            "to_check": to_check,
            "unexplained": unexplained,
            "move": move,
            "decided": move.status != MoveStatus.PROPOSED,
            "can_record_outcome": enquiries.can_record_outcome(move),
            "beside": beside.beside_a_proposal(
                scope=actor.scope,
                family_id=move.family_id,
                proposed_on=timezone.localdate(move.proposed_at),
            ),
        },
        on_valid=lambda: services.safeguarding_decide(
            actor=actor,
            move=move,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
            family_told=form.cleaned_data.get("family_told_bool"),
            family_told_at=form.cleaned_data.get("family_told_at"),
            reason_not_told=form.cleaned_data.get("reason_not_told", ""),
            seen_or_said_by=form.cleaned_data.get("seen_or_said_by", ""),
            reasons=Reasons(asked, form.cleaned_data),
        ),
        success=lambda _: ("Your decision is saved.", reverse("frontdoor:team")),
    )


@casework_required
@require_http_methods(["GET", "POST"])
def enquiry_outcome(request: HttpRequest, move_id: int) -> HttpResponse:
    """Record the outcome of the section 47 enquiries after an approved move to safeguarding."""
    actor = Actor.of(request)
    move = selectors.move_read(actor=actor, move_id=move_id)
    form = EnquiryOutcomeForm(submitted(request))
    # A family who was told about the enquiries reads what they found on their timeline.
    to_check = _gate(
        form,
        {"outcome_reason": "what the enquiries found"},
        request,
        council_id=move.family.council_id,
        contact=False,
        safeguarding=True,
    )
    return form_page(
        request,
        form,
        "pathway/enquiry_outcome.html",
        {"move": move, "can_record": enquiries.can_record_outcome(move), "to_check": to_check},
        on_valid=lambda: enquiries.record_outcome(
            actor=actor,
            move=move,
            outcome=form.cleaned_data["outcome"],
            reason=form.cleaned_data["outcome_reason"],
            reasons=Reasons.given(to_check, form.cleaned_data),
        ),
        success=lambda saved: (
            "The outcome of the enquiries is saved."
            + (
                " The request is back on the support pathway."
                if saved.outcome == EnquiryOutcome.NO_FURTHER_ACTION
                else ""
            ),
            _request_url(move.request_id),
        ),
    )


def _contact_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": data["kind"],
        "place": data["place"],
        "family_chose_time_and_place": data["family_chose_time_and_place"],
        "notice_given": data["notice_given"],
        "intrusions": data["intrusions"],
        "intrusion": data["intrusion"],
    }


def _show_record_gaps(form: ContactForm, planned: tuple[str, ...] = ()) -> None:
    """The missing parts of the intrusion record, each next to its own question (shown with
    the form's other errors, so everything to put right is listed at once)."""
    if not form.is_bound:
        return
    form.is_valid()
    if "kind" not in form.cleaned_data:
        return
    involved = list(dict.fromkeys([*planned, *form.cleaned_data.get("intrusions", [])]))
    if services.intrusions_for(form.cleaned_data["kind"], involved):
        given = form.cleaned_data.get("intrusion", {})
        for name, message in services.intrusion_record_gaps(given).items():
            if name in form.fields:
                form.add_error(name, message)


@casework_required
@require_http_methods(["GET", "POST"])
def contact_new(request: HttpRequest, request_id: int) -> HttpResponse:
    """Record a contact after the fact (one that was not planned here)."""
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    form = ContactForm(submitted(request), received_at=support_request.received_at)
    to_check = _gate(form, DONE_TEXTS, request, council_id=support_request.family.council_id)
    _show_record_gaps(form)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form_page(
        request,
        form,
        "pathway/contact_new.html",
        {"req": support_request, "to_check": to_check},
        on_valid=lambda: services.contact_record(
            actor=actor,
            request=support_request,
            happened_at=data["happened_at"],
            notes=data["notes"],
            reasons=Reasons.given(to_check, data),
            **_contact_fields(data),
        ),
        success=lambda _: ("Contact saved.", _request_url(support_request.pk)),
    )


def _contact_url(contact_id: int) -> str:
    return reverse("pathway:contact", kwargs={"contact_id": contact_id})


# The words of a planned contact the family is told, by field, as the reasons name them.
PLAN_TEXTS = {
    "what_for": "what it is for",
    "purpose": "the purpose",
    "why_necessary": "why it is necessary",
    "less_intrusive_option": "the less intrusive option",
    "why_not_enough": "why that option is not enough",
    "place": "where",
    "notice_given": "the notice given",
}
# The words of a contact recorded as done that the family reads on their request page.
DONE_TEXTS = {"notes": "the notes", **{k: v for k, v in PLAN_TEXTS.items() if k != "what_for"}}


# The checker's category for safeguarding words in a support record: in the safeguarding
# process itself ("strategy discussion") they are the right words, not a lens to question.
SAFEGUARDING_WORDS = frozenset({"safeguarding-lens"})


def _gate(
    form: forms.Form,
    texts: dict[str, str],
    request: HttpRequest,
    *,
    council_id: int,
    contact: bool = True,
    safeguarding: bool = False,
) -> list[WordsToCheck]:
    """The wording gate on a form that sends staff words to the family: the flagged words in
    the named fields (field name to words for staff), each needing a real reason. On a
    `contact`, words that state an intrusion happened are left to its intrusion record; in a
    `safeguarding` step, safeguarding words are the right ones."""
    if request.method != "POST":
        return []
    to_check = words_to_check(
        {label: request.POST.get(name, "") for name, label in texts.items()},
        council_id=council_id,
        answered_elsewhere=FACTUAL_INTRUSION_RULES if contact else (),
        in_place=SAFEGUARDING_WORDS if safeguarding else (),
    )
    ask_reasons(form, to_check)
    return to_check


@casework_required
@require_http_methods(["GET", "POST"])
def contact_plan(request: HttpRequest, request_id: int) -> HttpResponse:
    """Plan a visit, meeting or call before it happens; the family is told."""
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    form = ContactPlanForm(submitted(request), received_at=support_request.received_at)
    to_check = _gate(form, PLAN_TEXTS, request, council_id=support_request.family.council_id)
    _show_record_gaps(form)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form_page(
        request,
        form,
        "pathway/contact_plan.html",
        {"req": support_request, "to_check": to_check},
        on_valid=lambda: services.contact_plan(
            actor=actor,
            request=support_request,
            planned_for=data["happened_at"],
            what_for=data["what_for"],
            reasons=Reasons.given(to_check, data),
            **_contact_fields(data),
        ),
        success=lambda contact: (
            "The contact is planned and the family has been told.",
            _contact_url(contact.pk),
        ),
    )


@casework_required
def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    """A contact: what is planned and why, the family's view, and what can be done next."""
    actor = Actor.of(request)
    contact = selectors.contact_read(actor=actor, contact_id=contact_id)
    user = request.user
    record = getattr(contact, "intrusion_record", None)
    planned = contact.status == ContactStatus.PLANNED
    context = {
        "contact": contact,
        "req": contact.request,
        "record": record,
        "planned": planned,
        "needs_approval": planned and contact.family_objected and not contact.approved_by_id,
        "can_approve": is_a_team_manager(user) and contact.planned_by_id != user.pk,
        "reasons": reasons_for(
            scope=actor.scope, record_type=services.CONTACT_RECORD_TYPE, record_id=contact.pk
        ),
    }
    return render(request, "pathway/contact_detail.html", context)


def _planned_contact_form(
    request: HttpRequest,
    contact_id: int,
    *,
    form_for: Any,
    act: Any,
    title: str,
    done: str,
    gated: dict[str, str] | None = None,
    not_for_planner: str = "",
    saved: Any = None,
) -> HttpResponse:
    """One step on a planned contact. The fields in `gated` (field name to words for staff)
    reach the family: they go through the wording gate, and `act` gets the reasons. A step
    the person who planned the contact may not take (`not_for_planner`, the sentence saying
    who must) shows them that sentence instead of a form that would be refused."""
    gated = gated or {}
    actor = Actor.of(request)
    contact = selectors.contact_read(actor=actor, contact_id=contact_id)
    if not_for_planner and contact.planned_by_id == request.user.pk:
        page = {"contact": contact, "req": contact.request, "title": title}
        return render(
            request,
            "pathway/contact_step.html",
            {**page, "not_for_you": not_for_planner},
            status=403 if request.method == "POST" else 200,
        )
    form = form_for(submitted(request))
    if saved is not None:
        versioned(form, contact, saved=saved)
    to_check = _gate(form, gated, request, council_id=contact.request.family.council_id)
    return form_page(
        request,
        form,
        "pathway/contact_step.html",
        {"contact": contact, "req": contact.request, "title": title, "to_check": to_check},
        on_valid=lambda: act(
            actor, contact, form.cleaned_data, Reasons.given(to_check, form.cleaned_data)
        ),
        success=lambda _: (done, _contact_url(contact.pk)),
        back_url=_contact_url(contact.pk),
        back_text="Back to the contact",
    )


@casework_required
@require_http_methods(["GET", "POST"])
def contact_family_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    return _planned_contact_form(
        request,
        contact_id,
        form_for=FamilyViewForm,
        act=lambda actor, contact, data, _reasons: services.contact_family_view(
            actor=actor,
            contact=contact,
            family_view=data["family_view"],
            family_words=data["family_words"],
        ),
        title="Record the family's view",
        done="The family's view is saved.",
        saved=selectors.family_view_saved,
    )


@manager_required
@require_http_methods(["GET", "POST"])
def contact_approve(request: HttpRequest, contact_id: int) -> HttpResponse:
    return _planned_contact_form(
        request,
        contact_id,
        form_for=lambda data: ReasonForm(
            data,
            label="Why it must go ahead although the family objected",
            hint="The family will read this. Say why the less intrusive option is not enough.",
            button="Approve it",
        ),
        act=lambda actor, contact, data, reasons: services.contact_approve(
            actor=actor, contact=contact, reason=data["reason"], reasons=reasons
        ),
        gated={"reason": "the reason for going ahead"},
        title="Approve a contact the family objected to",
        done="Approved. The family has been told your reason.",
        not_for_planner="You planned this contact, so you cannot approve it. Another team "
        "manager, or the head of service, must decide whether it goes ahead.",
    )


@casework_required
@require_http_methods(["GET", "POST"])
def contact_cancel(request: HttpRequest, contact_id: int) -> HttpResponse:
    return _planned_contact_form(
        request,
        contact_id,
        form_for=lambda data: ReasonForm(
            data,
            label="Why is it cancelled?",
            hint="The family will read this.",
            button="Cancel the planned contact",
        ),
        act=lambda actor, contact, data, reasons: services.contact_cancel(
            actor=actor, contact=contact, reason=data["reason"], reasons=reasons
        ),
        gated={"reason": "the reason it is cancelled"},
        title="Cancel the planned contact",
        done="The planned contact is cancelled and the family has been told.",
    )


def _plan_as_initial(contact: Any) -> dict[str, Any]:
    record = getattr(contact, "intrusion_record", None)
    at = timezone.localtime(contact.happened_at)
    initial: dict[str, Any] = {
        "kind": contact.kind,
        "happened_time": f"{at:%H:%M}",
        "place": contact.place,
        "family_chose_time_and_place": "yes" if contact.family_chose_time_and_place else "no",
        "notice_given": contact.notice_given,
        "intrusions": contact.intrusions,
    }
    if at.date() <= timezone.localdate():
        initial["happened_on"] = at.date()
    if record is not None:
        initial.update(
            {
                name: getattr(record, name)
                for name in ContactForm.INTRUSION_FIELDS
                if name not in ("family_view", "family_words")
            }
        )
        initial["notice_given"] = contact.notice_given or record.notice_given
    return initial


@casework_required
@require_http_methods(["GET", "POST"])
def contact_done(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Record a planned contact as done: the plan is filled in."""
    actor = Actor.of(request)
    contact = selectors.contact_read(actor=actor, contact_id=contact_id)
    record = getattr(contact, "intrusion_record", None)
    form = versioned(
        ContactForm(
            submitted(request),
            initial=_plan_as_initial(contact),
            received_at=contact.request.received_at,
            view_is_kept=record is not None,
        ),
        contact,
        saved=lambda now: {**_plan_as_initial(now), "notes": now.notes},
    )
    to_check = _gate(form, DONE_TEXTS, request, council_id=contact.request.family.council_id)
    _show_record_gaps(form, tuple(contact.intrusions))
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form_page(
        request,
        form,
        "pathway/contact_new.html",
        {"req": contact.request, "contact": contact, "to_check": to_check},
        on_valid=lambda: services.contact_record_done(
            actor=actor,
            contact=contact,
            happened_at=data["happened_at"],
            notes=data["notes"],
            reasons=Reasons.given(to_check, data),
            **_contact_fields(data),
        ),
        success=lambda _: ("The contact is recorded as done.", _request_url(contact.request_id)),
        back_url=_contact_url(contact.pk),
        back_text="Back to the contact",
    )


@casework_required
def request_timeline(request: HttpRequest, request_id: int) -> HttpResponse:
    support_request, events = selectors.timeline(actor=Actor.of(request), request_id=request_id)
    return render(request, "pathway/timeline.html", {"req": support_request, "events": events})
