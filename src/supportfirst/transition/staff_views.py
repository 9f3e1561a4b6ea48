"""Staff pages for growing up: the young person's plan for adult life, the EHC plan link, the
social care advice clock and the sections H1 and H2 export. Thin: each reads through one
selector and writes through one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required
from supportfirst.kernel.formsupport import button_move, conflict, form_page, submitted
from supportfirst.transition import selectors, services
from supportfirst.transition.forms import (
    AdviceGivenForm,
    AdviceRequestForm,
    AssessmentForm,
    EhcForm,
    EndingForm,
    OwnWordsForm,
    ReferralForm,
)
from supportfirst.transition.models import Transition
from supportfirst.wording.services import Reasons, WordsToCheck, ask_reasons, words_to_check

BACK_TEXT = "Back to growing up"


def _page_url(child_id: int) -> str:
    return reverse("transition:growing_up", kwargs={"child_id": child_id})


@casework_required
def growing_up(request: HttpRequest, child_id: int) -> HttpResponse:
    page = selectors.growing_up_read(
        actor=Actor.of(request), child_id=child_id, today=timezone.localdate()
    )
    return render(request, "transition/staff/growing_up.html", {"page": page})


@casework_required
@require_POST
def start(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = Actor.of(request)
    child = selectors.child_read(actor=actor, child_id=child_id)
    return button_move(
        request,
        lambda: services.transition_start(actor=actor, child=child),
        success=lambda t: (
            f"Planning for {child.first_name}'s adult life has started.",
            _page_url(child.pk),
        ),
        refused=lambda messages: conflict(
            request, " ".join(messages), back_url=_page_url(child.pk), back_text=BACK_TEXT
        ),
        back_url=_page_url(child.pk),
        back_text=BACK_TEXT,
    )


def _gate(form: forms.Form, transition: Transition, texts: dict[str, str]) -> list[WordsToCheck]:
    """The wording gate on staff words the family reads: one reason per flagged phrase."""
    to_check = words_to_check(texts, council_id=transition.family.council_id)
    ask_reasons(form, to_check)
    return to_check


def _transition_form(
    request: HttpRequest,
    transition_id: int,
    *,
    make: Callable[[Transition], forms.Form],
    template: str,
    save: Callable[[Actor, Transition, forms.Form, list[WordsToCheck]], Any],
    gated: dict[str, str] | None = None,
    done: str,
) -> HttpResponse:
    actor = Actor.of(request)
    transition = selectors.transition_read(actor=actor, transition_id=transition_id)
    form = make(transition)
    texts = (
        {label: request.POST.get(name, "") for label, name in gated.items()}
        if gated and request.method == "POST"
        else {}
    )
    to_check = _gate(form, transition, texts) if texts else []
    back = _page_url(transition.child_id)
    return form_page(
        request,
        form,
        template,
        {"transition": transition, "child": transition.child, "to_check": to_check},
        on_valid=lambda: save(actor, transition, form, to_check),
        success=lambda _: (done, back),
        back_url=back,
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def assessment(request: HttpRequest, transition_id: int) -> HttpResponse:
    return _transition_form(
        request,
        transition_id,
        make=lambda t: AssessmentForm(
            submitted(request),
            name=t.child.first_name,
            initial={
                "benefit": t.benefit,
                "benefit_reason": t.benefit_reason,
                "consent_asked": t.consent_asked,
                "capacity_reason": t.capacity_reason,
                "consent": t.consent,
                "consent_on": t.consent_on,
            },
        ),
        template="transition/staff/assessment.html",
        save=lambda actor, t, form, to_check: services.transition_assessment_record(
            actor=actor,
            transition=t,
            given=form.to_input(),  # type: ignore[attr-defined]
            reasons=Reasons.given(to_check, form.cleaned_data),
        ),
        gated={"why not now": "benefit_reason"},
        done="The transition assessment answers are saved.",
    )


@casework_required
@require_http_methods(["GET", "POST"])
def own_words(request: HttpRequest, transition_id: int) -> HttpResponse:
    return _transition_form(
        request,
        transition_id,
        make=lambda t: OwnWordsForm(
            submitted(request), name=t.child.first_name, initial={"words": t.own_words}
        ),
        template="transition/staff/own_words.html",
        save=lambda actor, t, form, _: services.own_words_record(
            actor=actor, transition=t, words=form.cleaned_data["words"]
        ),
        done="Their own words are saved.",
    )


@casework_required
@require_http_methods(["GET", "POST"])
def referral(request: HttpRequest, transition_id: int) -> HttpResponse:
    return _transition_form(
        request,
        transition_id,
        make=lambda t: ReferralForm(submitted(request)),
        template="transition/staff/referral.html",
        save=lambda actor, t, form, _: services.referral_record(
            actor=actor, transition=t, referred_on=form.cleaned_data["referred_on"]
        ),
        done="The referral to adult social care is saved.",
    )


@casework_required
@require_http_methods(["GET", "POST"])
def ending(request: HttpRequest, transition_id: int) -> HttpResponse:
    return _transition_form(
        request,
        transition_id,
        make=lambda t: EndingForm(submitted(request)),
        template="transition/staff/ending.html",
        save=lambda actor, t, form, to_check: services.ending_record(
            actor=actor,
            transition=t,
            ending=form.cleaned_data["ending"],
            ended_on=form.cleaned_data["ended_on"],
            reason=form.cleaned_data["reason"],
            reasons=Reasons.given(to_check, form.cleaned_data),
        ),
        gated={"the reason": "reason"},
        done="Saved: the plan for adult life has ended.",
    )


@casework_required
@require_http_methods(["GET", "POST"])
def ehc(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = Actor.of(request)
    page = selectors.growing_up_read(actor=actor, child_id=child_id, today=timezone.localdate())
    child = page.child
    initial = (
        {
            "status": page.ehc.status,
            "assessment_started_on": page.ehc.assessment_started_on,
            "plan_issued_on": page.ehc.plan_issued_on,
        }
        if page.ehc
        else {}
    )
    form = EhcForm(submitted(request), name=child.first_name, initial=initial)
    return form_page(
        request,
        form,
        "transition/staff/ehc.html",
        {"child": child},
        on_valid=lambda: services.ehc_record(
            actor=actor,
            child=child,
            status=form.cleaned_data["status"],
            assessment_started_on=form.cleaned_data.get("assessment_started_on"),
            plan_issued_on=form.cleaned_data.get("plan_issued_on"),
        ),
        success=lambda _: ("The EHC plan details are saved.", _page_url(child.pk)),
        back_url=_page_url(child.pk),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def advice_new(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = Actor.of(request)
    child = selectors.child_read(actor=actor, child_id=child_id)
    form = AdviceRequestForm(submitted(request))
    return form_page(
        request,
        form,
        "transition/staff/advice_new.html",
        {"child": child},
        on_valid=lambda: services.advice_request_record(
            actor=actor, child=child, requested_on=form.cleaned_data["requested_on"]
        ),
        success=lambda advice: (
            f"The 6-week clock has started. The advice is due by "
            f"{advice.due_on.day} {advice.due_on:%B %Y}.",
            reverse("transition:advice", kwargs={"advice_id": advice.pk}),
        ),
        back_url=_page_url(child.pk),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def advice(request: HttpRequest, advice_id: int) -> HttpResponse:
    actor = Actor.of(request)
    found = selectors.advice_read(actor=actor, advice_id=advice_id)
    form = AdviceGivenForm(submitted(request))
    return form_page(
        request,
        form,
        "transition/staff/advice.html",
        {"advice": found, "child": found.child, "today": timezone.localdate()},
        on_valid=lambda: services.advice_given_record(
            actor=actor, advice=found, given_on=form.cleaned_data["given_on"]
        ),
        success=lambda _: ("The advice is recorded as given.", _page_url(found.child_id)),
        back_url=_page_url(found.child_id),
        back_text=BACK_TEXT,
    )


@casework_required
def provision(request: HttpRequest, child_id: int) -> HttpResponse:
    export = selectors.provision_export(actor=Actor.of(request), child_id=child_id)
    return render(request, "transition/staff/provision.html", {"export": export})


@casework_required
def provision_text(request: HttpRequest, child_id: int) -> HttpResponse:
    export = selectors.provision_export(actor=Actor.of(request), child_id=child_id)
    if export.plan is None:  # nothing to download: the page says why
        return redirect("transition:provision", child_id=child_id)
    response = HttpResponse(export.text, content_type="text/plain; charset=utf-8")
    # The name as typed may hold accents, quotes or a line break: none may reach the header.
    named = slugify(export.child.first_name) or str(export.child.pk)
    filename = f"ehc-plan-social-care-{named}.txt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
