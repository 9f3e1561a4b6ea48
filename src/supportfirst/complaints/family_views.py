"""The family's complaint pages: make a complaint, see where it is and when the next step is
due, and ask for the next stage. Never the staff views reused."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportfirst.asking.selectors import private_words_note
from supportfirst.audit.services import Actor
from supportfirst.complaints import clock, selectors, services
from supportfirst.complaints.forms import ComplaintForm, NextStageForm
from supportfirst.complaints.models import Complaint
from supportfirst.councils.access import family_required
from supportfirst.families.models import Family
from supportfirst.kernel.formsupport import conflict, form_page, form_status, submitted


def _complaint_url(complaint: Complaint) -> str:
    return reverse("family_complaints:complaint", kwargs={"complaint_id": complaint.pk})


def _back(complaint_id: int) -> dict[str, str]:
    """Where the 409 page links back to: the complaint."""
    url = reverse("family_complaints:complaint", kwargs={"complaint_id": complaint_id})
    return {"back_url": url, "back_text": "Go back to the complaint"}


@family_required
def complaint_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    complaints = selectors.family_complaints(scope=scope)
    return render(
        request,
        "complaints/family/list.html",
        {
            "complaints": complaints,
            "today": timezone.localdate(),
            "private_words_note": private_words_note(scope=scope),
        },
    )


@family_required
@require_http_methods(["GET", "POST"])
def complaint_new(request: HttpRequest) -> HttpResponse:
    """Make a complaint. `?about=assessment:12` (any record's page can link here) chooses what
    it is about."""
    actor = Actor.of(request)
    choices = selectors.about_choices(scope=actor.scope)
    initial = {}
    chosen = request.GET.get("about", "")
    if chosen in {key for key, _label in choices}:
        initial["about"] = chosen
    form = ComplaintForm(submitted(request), initial=initial, choices=choices)
    about = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        about = selectors.about_from(
            scope=actor.scope, key=data["about"], description=data["about_other"]
        )
        if about is None:
            form.add_error("about", "Select what your complaint is about")
    if about is None:
        return render(
            request, "complaints/family/new.html", {"form": form}, status=form_status(form)
        )

    def make() -> Complaint:
        family = Family.objects.visible_to(actor.scope).get(pk=actor.scope.family_id)
        return services.complaint_make(
            actor=actor,
            family=family,
            summary=form.cleaned_data["summary"],
            put_right=form.cleaned_data["put_right"],
            about=about,
            happened_on=form.cleaned_data.get("happened_on"),
        )

    return form_page(
        request,
        form,
        "complaints/family/new.html",
        {},
        on_valid=make,
        success=lambda complaint: (
            f"Your complaint has been sent. Your reference is {complaint.reference}.",
            _complaint_url(complaint),
        ),
    )


@family_required
def complaint_detail(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint, stage = selectors.complaint_read(actor=Actor.of(request), complaint_id=complaint_id)
    today = timezone.localdate()
    step = selectors.next_step(complaint, stage, today)
    return render(
        request,
        "complaints/family/complaint.html",
        {
            "complaint": complaint,
            "stage": stage,
            "step": step,
            "ombudsman": selectors.shows_ombudsman(complaint, step),
            "clock": clock,
            "today": today,
        },
    )


@family_required
@require_http_methods(["GET", "POST"])
def next_stage(request: HttpRequest, complaint_id: int) -> HttpResponse:
    """Not satisfied: ask for the next stage."""
    actor = Actor.of(request)
    complaint, stage = selectors.complaint_read(actor=actor, complaint_id=complaint_id)
    if complaint.status != "responded" or complaint.stage >= 3:
        return conflict(
            request,
            "You can ask for the next stage once we have responded, at stages 1 and 2.",
            **_back(complaint.pk),
        )
    form = NextStageForm(submitted(request), next_stage=complaint.stage + 1)
    return form_page(
        request,
        form,
        "complaints/family/next_stage.html",
        {"complaint": complaint, "stage": stage, "next_stage": complaint.stage + 1},
        on_valid=lambda: services.complaint_ask_next_stage(
            actor=actor, complaint=complaint, why=form.cleaned_data["why"]
        ),
        success=lambda _: (
            f"You have asked for stage {complaint.stage + 1}.",
            _complaint_url(complaint),
        ),
        **_back(complaint.pk),
    )
