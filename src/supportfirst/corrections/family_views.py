"""The family's pages for asking us to correct a record and reading our answer."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportfirst.asking.selectors import private_words_note
from supportfirst.audit.services import Actor, log_access
from supportfirst.corrections import clock, records, selectors, services
from supportfirst.corrections.forms import CorrectionForm
from supportfirst.councils.access import family_required
from supportfirst.kernel.formsupport import form_status, submitted


@family_required
def correction_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    corrections = list(selectors.corrections_for_family(scope=scope))
    return render(
        request,
        "corrections/family/list.html",
        {
            "corrections": corrections,
            "today": timezone.localdate(),
            "private_words_note": private_words_note(scope=scope),
        },
    )


@family_required
@require_http_methods(["GET", "POST"])
def correction_new(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    key = request.GET.get("record", "")
    found = records.find_record(scope=actor.scope, key=key)
    log_access(actor, family_id=found.family_id, record=found.record)
    form = CorrectionForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        correction = services.correction_ask(
            actor=actor,
            found=found,
            what_is_wrong=form.cleaned_data["what_is_wrong"],
            what_it_should_say=form.cleaned_data["what_it_should_say"],
        )
        messages.success(
            request,
            f"Thank you. We have your request and will answer by {correction.due_on:%-d %B %Y}.",
        )
        return redirect("family_corrections:correction", correction_id=correction.pk)
    shown_on, shown_on_id = found.kind.shown_on(found.record)
    return render(
        request,
        "corrections/family/new.html",
        {
            "form": form,
            "found": found,
            "back": records.page_url(shown_on, shown_on_id, for_family=True),
            "due": clock.rectification_due(timezone.localdate()),
        },
        status=form_status(form),
    )


@family_required
def correction_detail(request: HttpRequest, correction_id: int) -> HttpResponse:
    correction = selectors.correction_read(actor=Actor.of(request), correction_id=correction_id)
    return render(
        request,
        "corrections/family/correction.html",
        {
            "correction": correction,
            "record_url": records.page_url(
                correction.shown_on, correction.shown_on_id, for_family=True
            ),
            "today": timezone.localdate(),
        },
    )
