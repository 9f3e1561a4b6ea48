"""The page where a team manager or head of service records that the council adopts one
published, forum-signed-off version of its own criteria. Thin: the form, then the one service
the command line uses too (`adoption.criteria_adopt`)."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Fluid
from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor
from supportfirst.councils.access import manager_required
from supportfirst.councils.models import Council
from supportfirst.eligibility import selectors
from supportfirst.eligibility.adoption import criteria_adopt
from supportfirst.eligibility.models import PublishedCriteria
from supportfirst.kernel.formsupport import RealDateField, form_page, gds_helper, submitted

SIGNATORY_MAX = 200
EQUALITY_MAX = 3000


class AdoptForm(forms.Form):
    council_signatory = forms.CharField(
        label="Who adopts the criteria for the council?",
        help_text="Their name and role, for example Morgan Ellis, Director of Children's Services.",
        max_length=SIGNATORY_MAX,
        error_messages={"required": "Enter who adopts the criteria for the council"},
    )
    forum_signatory = forms.CharField(
        label="Who signed them off for the parent carer forum?",
        help_text="Their name and forum, as in the published criteria.",
        max_length=SIGNATORY_MAX,
        error_messages={"required": "Enter who signed them off for the parent carer forum"},
    )
    adopted_on = RealDateField(
        label="Date the council adopted them", help_text="For example, 1 12 2026"
    )
    equality_impact_summary = forms.CharField(
        label="How the council considered the equality impact",
        help_text="The public sector equality duty (Equality Act 2010, section 149). This is "
        "shown on the public criteria page.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=EQUALITY_MAX,
        error_messages={"required": "Say how the council considered the equality impact"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("council_signatory", field_width=Fluid.TWO_THIRDS),
            Field.text("forum_signatory", field_width=Fluid.TWO_THIRDS),
            Field("adopted_on"),
            Field.textarea("equality_impact_summary", rows=5),
            button="Adopt the criteria",
        )

    def clean_adopted_on(self) -> Any:
        day = self.cleaned_data.get("adopted_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date adopted must be today or in the past")
        return day


def _initial(criteria: PublishedCriteria) -> dict[str, Any]:
    forum = criteria.sign_off_forum[0]
    council = criteria.sign_off_council[0] if criteria.sign_off_council else None
    return {
        "forum_signatory": f"{forum.get('name', '')}, {forum.get('organisation', '')}".strip(", "),
        "council_signatory": (
            f"{council.get('name', '')}, {council.get('organisation', '')}".strip(", ")
            if council
            else ""
        ),
    }


@manager_required
@require_http_methods(["GET", "POST"])
def adopt(request: HttpRequest, criteria_id: int) -> HttpResponse:
    actor = Actor.of(request)
    criteria = selectors.adoptable_read(scope=actor.scope, criteria_id=criteria_id)
    council = Council.objects.get(pk=actor.scope.council_id)
    form = AdoptForm(submitted(request), initial=_initial(criteria))
    public = reverse(
        "public_eligibility:version",
        kwargs={"criteria_slug": council.slug, "criteria_version": criteria.version},
    )
    return form_page(
        request,
        form,
        "eligibility/drafts/adopt.html",
        {"criteria": criteria, "council": council},
        on_valid=lambda: criteria_adopt(
            council=council,
            criteria=criteria,
            council_signatory=form.cleaned_data["council_signatory"],
            forum_signatory=form.cleaned_data["forum_signatory"],
            adopted_on=form.cleaned_data["adopted_on"],
            equality_impact_summary=form.cleaned_data["equality_impact_summary"],
            actor=actor,
        ),
        success=lambda done: (
            f"{council.name} has adopted version {criteria.version} of its criteria. "
            "Eligibility decisions can use it, and the public page shows the adoption.",
            public,
        ),
        back_url=reverse("eligibility:criteria_drafts"),
        back_text="Go back to the eligibility criteria",
    )
