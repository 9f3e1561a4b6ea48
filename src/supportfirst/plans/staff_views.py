"""Staff pages for support plans. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required
from supportfirst.families.advocacy import AdvocacyForm, advocacy_initial
from supportfirst.kernel.formsupport import (
    button_move,
    form_page,
    submitted,
    versioned,
)
from supportfirst.plans import selectors, services
from supportfirst.plans.forms import (
    DetailsForm,
    OutcomeForm,
    RemoveForm,
    ReviewForm,
    ServiceForm,
    ServiceStartedForm,
)
from supportfirst.plans.models import SupportPlan
from supportfirst.wording.forms import GateForm
from supportfirst.wording.selectors import reasons_for
from supportfirst.wording.services import Reasons, WordsToCheck, ask_reasons, words_to_check

PAGE_SIZE = 50


BACK_TEXT = "Go back to the plan"


def _plan_url(plan: SupportPlan) -> str:
    return reverse("plans:plan", kwargs={"plan_id": plan.pk})


@casework_required
def plan_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    page = Paginator(selectors.council_plans(scope=scope), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "asked": list(selectors.open_review_requests(scope=scope)[:PAGE_SIZE]),
        "today": timezone.localdate(),
    }
    return render(request, "plans/staff/list.html", context)


@casework_required
def request_plans(request: HttpRequest, request_id: int) -> HttpResponse:
    support_request, plans = selectors.request_plans(actor=Actor.of(request), request_id=request_id)
    can_start = not plans and services.child_assessment_authorised(support_request) is not None
    context = {"req": support_request, "plans": plans, "can_start": can_start}
    return render(request, "plans/staff/request_plans.html", context)


@casework_required
@require_POST
def plan_start(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = Actor.of(request)
    support_request, plans = selectors.request_plans(actor=actor, request_id=request_id)
    context = {"req": support_request, "plans": plans, "can_start": False}
    return button_move(
        request,
        lambda: services.plan_start(actor=actor, request=support_request),
        success=lambda plan: (f"{plan.title} started. Write it with the family.", _plan_url(plan)),
        refused=lambda reasons: render(
            request, "plans/staff/request_plans.html", {**context, "refusal": reasons}, status=400
        ),
    )


SHARE_BUTTON = "Share the plan with the family"
REVIEW_TEXT = "what has changed, in a review"


def _share_form(plan: SupportPlan, data: Any = None) -> tuple[GateForm, list[WordsToCheck]]:
    """The button that shares the plan, with a reason needed for each distinct flagged word or
    phrase in the staff text the family will read."""
    to_check = (
        words_to_check(
            selectors.staff_text_of(plan),
            council_id=plan.family.council_id,
            law_fields=selectors.law_fields_of(plan),
        )
        if plan.is_draft
        else []
    )
    return GateForm(data, to_check=to_check, button=SHARE_BUTTON, name="share"), to_check


def _plan_page(
    request: HttpRequest,
    plan: SupportPlan,
    refusal: list[str] | None = None,
    share_form: GateForm | None = None,
) -> HttpResponse:
    fresh_form, to_check = _share_form(plan)
    share_form = share_form or fresh_form
    context = {
        "plan": plan,
        "refusal": refusal or [],
        "open_requests": [r for r in plan.review_requests.all() if r.is_open],
        "staff_text": selectors.staff_text_of(plan),
        "today": timezone.localdate(),
        "remove_form": RemoveForm(),
        "share_form": share_form,
        "to_check": to_check,
        "reasons": reasons_for(
            scope=request.scope,  # type: ignore[attr-defined]
            record_type=services.RECORD_TYPE,
            record_id=plan.pk,
        ),
    }
    status = 400 if refusal or share_form.errors else 200
    return render(request, "plans/staff/plan.html", context, status=status)


@casework_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = selectors.plan_read(actor=Actor.of(request), plan_id=plan_id)
    return _plan_page(request, plan)


def _details_initial(plan: SupportPlan) -> dict[str, Any]:
    return {
        "starts_on": plan.starts_on,
        "review_due_on": plan.review_due_on,
        "direct_payment_choice": plan.direct_payment_choice or None,
        "direct_payment_words": plan.direct_payment_words,
        "charging": plan.charging,
        "charge_amount": plan.charge_amount,
        "charge_period": plan.charge_period,
        "charge_reason": plan.charge_reason,
    }


@casework_required
@require_http_methods(["GET", "POST"])
def plan_details(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    form = versioned(
        DetailsForm(submitted(request), initial=_details_initial(plan)),
        plan,
        saved=_details_initial,
    )
    return form_page(
        request,
        form,
        "plans/staff/details.html",
        {"plan": plan, "months": plan.family.council.plan_review_months},
        on_valid=lambda: services.plan_details_save(actor=actor, plan=plan, given=form.to_input()),
        success=lambda _: (
            "The plan's dates and the direct payment choice are saved.",
            _plan_url(plan),
        ),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def advocacy(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    form = versioned(
        AdvocacyForm(
            submitted(request), initial=advocacy_initial(plan), name=plan.child.first_name
        ),
        plan,
        saved=advocacy_initial,
    )
    return form_page(
        request,
        form,
        "plans/staff/advocacy.html",
        {"plan": plan},
        on_valid=lambda: services.advocacy_save(actor=actor, plan=plan, given=form.to_input()),
        success=lambda _: ("The offer of an advocate is saved.", _plan_url(plan)),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def service_started(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Record the day a service in an agreed plan started ("support started on")."""
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    waiting = [s for s in plan.services.all() if s.started_on is None]
    form = ServiceStartedForm(submitted(request), services=waiting)
    return form_page(
        request,
        form,
        "plans/staff/service_started.html",
        {"plan": plan, "waiting": waiting},
        on_valid=lambda: services.service_started(
            actor=actor,
            plan=plan,
            service_id=form.cleaned_data["service"],
            started_on=form.cleaned_data["started_on"],
        ),
        success=lambda service: (f"Saved: {service.name} started.", _plan_url(plan)),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def outcome_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    form = OutcomeForm(submitted(request))
    return form_page(
        request,
        form,
        "plans/staff/outcome.html",
        {"plan": plan},
        on_valid=lambda: services.outcome_add(
            actor=actor,
            plan=plan,
            text=form.cleaned_data["text"],
            said_by=form.cleaned_data["said_by"],
        ),
        success=lambda _: ("Outcome added.", _plan_url(plan)),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_POST
def outcome_remove(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    form = RemoveForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, plan, ["Choose an outcome to remove."])
    return button_move(
        request,
        lambda: services.outcome_remove(
            actor=actor, plan=plan, outcome_id=form.cleaned_data["item"]
        ),
        success=lambda _: ("Outcome removed.", _plan_url(plan)),
        refused=lambda reasons: _plan_page(request, plan, reasons),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def service_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    choices = services.service_choices(plan)
    form = ServiceForm(
        submitted(request),
        choices=choices,
        not_met=services.service_not_met(plan),
        initial={"start_on": plan.starts_on},
    )
    return form_page(
        request,
        form,
        "plans/staff/service.html",
        {"plan": plan, "choices": choices},
        on_valid=lambda: services.service_add(actor=actor, plan=plan, given=form.to_input()),
        success=lambda _: ("Service added.", _plan_url(plan)),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_POST
def service_remove(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    form = RemoveForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, plan, ["Choose a service to remove."])
    return button_move(
        request,
        lambda: services.service_remove(
            actor=actor, plan=plan, service_id=form.cleaned_data["item"]
        ),
        success=lambda _: ("Service removed.", _plan_url(plan)),
        refused=lambda reasons: _plan_page(request, plan, reasons),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_POST
def plan_share(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    form, to_check = _share_form(plan, request.POST)
    if not form.is_valid():
        return _plan_page(request, plan, share_form=form)
    return button_move(
        request,
        lambda: services.plan_share(
            actor=actor, plan=plan, reasons=Reasons.given(to_check, form.cleaned_data)
        ),
        success=lambda shared: (
            f"{plan.title} is shared: the family can read it online. {shared[1].sentence}",
            _plan_url(plan),
        ),
        refused=lambda reasons: _plan_page(request, plan, reasons),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_POST
def plan_reopen(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    return button_move(
        request,
        lambda: services.plan_reopen(actor=actor, plan=plan),
        success=lambda _: (
            "You can make changes. Share the plan again when you have finished.",
            _plan_url(plan),
        ),
        refused=lambda reasons: _plan_page(request, plan, reasons),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def review_new(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.plan_read(actor=actor, plan_id=plan_id)
    today = timezone.localdate()
    initial = {
        "reviewed_on": today,
        "next_review_on": services.default_review_date(
            starts_on=today, months=plan.family.council.plan_review_months
        ),
    }
    form = ReviewForm(submitted(request), initial=initial)
    # What has changed is shown to the family with their plan: the wording gate runs on it.
    to_check = (
        words_to_check(
            {REVIEW_TEXT: request.POST.get("what_changed", "")},
            council_id=plan.family.council_id,
        )
        if request.method == "POST"
        else []
    )
    ask_reasons(form, to_check)
    return form_page(
        request,
        form,
        "plans/staff/review_new.html",
        {
            "plan": plan,
            "open_requests": [r for r in plan.review_requests.all() if r.is_open],
            "to_check": to_check,
        },
        on_valid=lambda: services.review_record(
            actor=actor,
            plan=plan,
            given=form.to_input(),
            reasons=Reasons.given(to_check, form.cleaned_data),
        ),
        success=lambda review: (
            "The review is saved.",
            reverse("plans:review", kwargs={"review_id": review.pk}),
        ),
        back_url=_plan_url(plan),
        back_text=BACK_TEXT,
    )


@casework_required
def review_detail(request: HttpRequest, review_id: int) -> HttpResponse:
    review = selectors.review_read(actor=Actor.of(request), review_id=review_id)
    return render(request, "plans/staff/review.html", {"review": review, "plan": review.plan})
