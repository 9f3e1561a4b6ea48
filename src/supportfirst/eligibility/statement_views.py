"""The short breaks services statement: the public page, and the council administrator's page
for the words only the council can write. Thin: parse, call, render."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from supportfirst.councils.access import council_admin_required
from supportfirst.councils.models import Council
from supportfirst.eligibility import statement
from supportfirst.eligibility.models import NATIONAL
from supportfirst.kernel.formsupport import (
    RealDateField,
    form_page,
    gds_helper,
    submitted,
    versioned,
)


@login_not_required
@require_safe
def public_statement(request: HttpRequest, criteria_slug: str) -> HttpResponse:
    """A council's statement. The national model is not a council and has none: its address
    goes to the list of every council's criteria, each with its statement."""
    if criteria_slug == NATIONAL:
        return redirect("public_eligibility:index")
    page = statement.statement_page(criteria_slug)
    return render(request, "eligibility/public/short_breaks.html", {"page": page})


class StatementForm(forms.Form):
    range_words = forms.CharField(
        label="The short breaks on offer in your area",
        help_text="Name them, where they are and who runs them: clubs, play schemes, "
        "support workers at home, overnight stays. Families read this.",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        error_messages={"required": "Describe the short breaks on offer in your area"},
    )
    carers_needs_words = forms.CharField(
        label="How the range meets the needs of carers in your area",
        help_text="For example breaks in the evenings and holidays so that parents can work, "
        "or overnight breaks for carers who could not go on caring without them.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": "Say how the range meets the needs of carers in your area"},
    )
    carers_views_words = forms.CharField(
        label="How you reviewed this statement, and what carers told you",
        help_text="Who you asked (for example your parent carer forum), what they said, and "
        "what you changed because of it.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": "Say how you reviewed the statement with carers"},
    )
    reviewed_on = RealDateField(label="When it was last reviewed", help_text="For example 3 2 2026")
    next_review_on = RealDateField(
        label="When it will next be reviewed", help_text="For example 3 2 2027"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("range_words", rows=8),
            Field.textarea("carers_needs_words", rows=6),
            Field.textarea("carers_views_words", rows=6),
            Field("reviewed_on"),
            Field("next_review_on"),
            button="Publish the statement",
        )

    def to_input(self) -> statement.StatementWords:
        data = self.cleaned_data
        return statement.StatementWords(
            range_words=data["range_words"],
            carers_needs_words=data["carers_needs_words"],
            carers_views_words=data["carers_views_words"],
            reviewed_on=data["reviewed_on"],
            next_review_on=data["next_review_on"],
        )


@council_admin_required
@require_http_methods(["GET", "POST"])
def edit_statement(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    council = Council.objects.get(pk=scope.council_id)
    page = statement.statement_for(council)
    words = page.words
    initial = (
        {
            "range_words": words.range_words,
            "carers_needs_words": words.carers_needs_words,
            "carers_views_words": words.carers_views_words,
            "reviewed_on": words.reviewed_on,
            "next_review_on": words.next_review_on,
        }
        if words
        else {}
    )
    form = StatementForm(submitted(request), initial=initial)
    if words is not None:
        versioned(form, words)
    public_url = reverse("public_eligibility:short_breaks", kwargs={"criteria_slug": council.slug})
    return form_page(
        request,
        form,
        "eligibility/staff/short_breaks_statement.html",
        {"page": page, "public_url": public_url},
        on_valid=lambda: statement.statement_save(
            user=request.user, council=council, given=form.to_input()
        ),
        success=lambda _: ("The short breaks services statement is published.", public_url),
        back_url=reverse("staff:home"),
        back_text="Go back to your home page",
    )
