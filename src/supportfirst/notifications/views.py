"""The family's notification choices, and what staff see the family was told."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.access import casework_required, family_required
from supportfirst.families.models import Family
from supportfirst.kernel.formsupport import form_status, submitted
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
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.preference_save(
            actor=actor,
            family=family,
            channel=data["channel"],
            email=data["email"],
            mobile=data["mobile"],
            format=data["format"],
            language=data["language"],
        )
        messages.success(request, "Your choices are saved.")
        return redirect("family_notifications:preferences")
    return render(
        request,
        "notifications/family/preferences.html",
        {"form": form, "family": family},
        status=form_status(form),
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
