"""The family's notification choices, and what staff see the family was told."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.access import casework_required, family_required
from supportfirst.families.models import Family
from supportfirst.kernel.formsupport import form_page, submitted, versioned
from supportfirst.notifications import selectors, services
from supportfirst.notifications.forms import PreferenceForm
from supportfirst.notifications.services import EVENT_LABELS


@family_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    family = Family.objects.visible_to(actor.scope).get(pk=actor.scope.family_id)
    current = services.preference_for(family)
    if current.pk:
        log_access(actor, family_id=family.pk, record=current)
    initial = {
        "channel": current.channel,
        "email": current.email,
        "mobile": current.mobile,
        "format": current.format,
        "language": current.language,
    }
    form = PreferenceForm(submitted(request), initial=initial)
    if current.pk:
        versioned(form, current)
    return form_page(
        request,
        form,
        "notifications/family/preferences.html",
        {
            "family": family,
            "sent": selectors.messages_to_me(actor=actor, family=family),
            "labels": EVENT_LABELS,
        },
        on_valid=lambda: services.preference_save(
            actor=actor,
            family=family,
            channel=form.cleaned_data["channel"],
            email=form.cleaned_data["email"],
            mobile=form.cleaned_data["mobile"],
            format=form.cleaned_data["format"],
            language=form.cleaned_data["language"],
        ),
        success=lambda _: ("Your choices are saved.", reverse("family_notifications:preferences")),
    )


@casework_required
def family_messages(request: HttpRequest, family_id: int) -> HttpResponse:
    actor = Actor.of(request)
    family, rows = selectors.family_notifications(actor=actor, family_id=family_id)
    return render(
        request,
        "notifications/staff/family.html",
        {
            "family": family,
            "rows": rows,
            "labels": EVENT_LABELS,
            "preference": services.preference_for(family),
        },
    )
