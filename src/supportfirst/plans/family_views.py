"""The family's pages for their support plans: read a shared plan, agree or disagree in their
own words, and ask for a review when things change. Never the staff views reused."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from supportfirst.asking.selectors import authors_keeping_words_private, private_words_note
from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.kernel.formsupport import conflict, form_move, form_page, form_status, submitted
from supportfirst.plans import selectors, services
from supportfirst.plans.forms import AskReviewForm, RespondForm
from supportfirst.plans.models import SupportPlan

COMPLAINTS_PATH = "/family/complaints/"


BACK_TEXT = "Go back to the plan"


def _plan_url(plan: SupportPlan) -> str:
    return reverse("family_plans:plan", kwargs={"plan_id": plan.pk})


@family_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.family_plans(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "plans/family/list.html", {"plans": plans})


@family_required
@require_http_methods(["GET", "POST"])
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan, and the family's answer to it while it waits for one."""
    actor = Actor.of(request)
    plan = selectors.family_plan_read(actor=actor, plan_id=plan_id)
    form = RespondForm(submitted(request)) if plan.awaiting_family else None
    if request.method == "POST" and form is None:
        return conflict(
            request,
            "You have already answered. Ask for a review if things change.",
            back_url=request.path,
            back_text=BACK_TEXT,
        )
    if form is not None:

        def respond() -> bool:
            agree = form.cleaned_data["answer"] == "agree"
            services.plan_respond(
                actor=actor, plan=plan, agree=agree, words=form.cleaned_data["words"]
            )
            return agree

        made = form_move(
            request,
            form,
            on_valid=respond,
            success=lambda agree: (
                "Thank you. You agreed with the plan."
                if agree
                else "Thank you. We have your words and will contact you about the plan.",
                _plan_url(plan),
            ),
            back_url=request.path,
            back_text=BACK_TEXT,
        )
        if made is not None:
            return made
    # A young person's own answer to their plan, while they keep their own words private, is
    # not shown to their parents (the rule: asking.selectors).
    kept = plan.responded_by_id in authors_keeping_words_private(scope=actor.scope)
    context = {
        "plan": plan,
        "form": form,
        "complaints_path": COMPLAINTS_PATH,
        "response_kept": kept,
        "private_words_note": private_words_note(scope=actor.scope) if kept else "",
    }
    status = form_status(form) if form is not None else 200
    return render(request, "plans/family/plan.html", context, status=status)


@family_required
@require_http_methods(["GET", "POST"])
def ask_review(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = Actor.of(request)
    plan = selectors.family_plan_read(actor=actor, plan_id=plan_id)
    form = AskReviewForm(submitted(request))
    return form_page(
        request,
        form,
        "plans/family/ask_review.html",
        {"plan": plan},
        on_valid=lambda: services.review_ask(
            actor=actor, plan=plan, what_changed=form.cleaned_data["what_changed"]
        ),
        success=lambda _: (
            "Thank you. We have your request for a review and will contact you.",
            _plan_url(plan),
        ),
        back_url=request.path,
        back_text=BACK_TEXT,
    )
