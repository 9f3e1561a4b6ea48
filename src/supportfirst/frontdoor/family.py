"""The family's own pages: their home, a child's page, their requests for help and who has
looked at their record. Never the staff views reused; every read is logged by the selectors."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.families import selectors
from supportfirst.frontdoor import family_record
from supportfirst.frontdoor.staff_work import next_for_family
from supportfirst.kernel.formsupport import form_page, gds_helper, submitted, versioned
from supportfirst.pathway import selectors as pathway_selectors
from supportfirst.pathway import services as pathway_services
from supportfirst.pathway.models import ContactStatus
from supportfirst.returns import register


@family_required
def family_home(request: HttpRequest) -> HttpResponse:
    family, worker, requests = family_record.family_home_read(actor=Actor.of(request))
    today = timezone.localdate()
    scope = request.scope  # type: ignore[attr-defined]
    return render(
        request,
        "frontdoor/family/home.html",
        {
            "family": family,
            "worker": worker,
            "requests": requests,
            "next_steps": next_for_family(scope=scope, today=today),
            "today": today,
        },
    )


@family_required
def family_child(request: HttpRequest, child_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    child = selectors.child_read(request=request, scope=scope, child_id=child_id)
    return render(
        request,
        "frontdoor/family/child.html",
        {
            "child": child,
            "today": timezone.localdate(),
            "on_register": register.is_on_register(child),
        },
    )


@family_required
def family_access_log(request: HttpRequest) -> HttpResponse:
    log = family_record.family_access_log(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "frontdoor/family/access_log.html", {"log": log})


@family_required
def request_list(request: HttpRequest) -> HttpResponse:
    requests = family_record.family_requests(actor=Actor.of(request))
    return render(
        request,
        "frontdoor/family/requests.html",
        {"requests": requests, "today": timezone.localdate()},
    )


@family_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    page = family_record.family_request_read(actor=Actor.of(request), request_id=request_id)
    return render(
        request,
        "frontdoor/family/request.html",
        {"page": page, "req": page.request, "item": page.item, "today": timezone.localdate()},
    )


class YourViewForm(forms.Form):
    """A family's own answer to a planned visit or contact."""

    family_view = forms.ChoiceField(
        label="Do you agree to this?",
        choices=[("agree", "Yes, I agree"), ("object", "No, I do not want this")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you agree, or no if you do not want this"},
    )
    family_words = forms.CharField(
        label="Anything you want to tell us (optional)",
        help_text="For example what would suit you better, or what worries you.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("family_view", legend_size=Size.MEDIUM),
            Field.textarea("family_words"),
            button="Send your answer",
        )


@family_required
@require_http_methods(["GET", "POST"])
def contact_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    """The family says whether they agree to a planned visit or contact, in their words."""
    actor = Actor.of(request)
    contact = pathway_selectors.contact_read(actor=actor, contact_id=contact_id)
    form = versioned(
        YourViewForm(submitted(request)), contact, saved=pathway_selectors.family_view_saved
    )

    def answer() -> Any:
        data = form.cleaned_data
        words = data["family_words"].strip() or (
            "Agreed on Support First."
            if data["family_view"] == "agree"
            else "Said no on Support First."
        )
        return pathway_services.contact_family_view(
            actor=actor,
            contact=contact,
            family_view=data["family_view"],
            family_words=words,
            in_their_words=bool(data["family_words"].strip()),
        )

    back = reverse("family:request", kwargs={"request_id": contact.request_id})
    if contact.status != ContactStatus.PLANNED:
        # Over (done or cancelled): nothing to answer, said plainly, never a staff error page.
        return render(
            request,
            "frontdoor/family/contact_view.html",
            {"contact": contact, "back": back, "over": True},
        )
    return form_page(
        request,
        form,
        "frontdoor/family/contact_view.html",
        {"contact": contact, "back": back},
        on_valid=answer,
        success=lambda _: ("Thank you. Your answer is saved and your worker can see it.", back),
        back_url=back,
        back_text="Back to your request",
    )
