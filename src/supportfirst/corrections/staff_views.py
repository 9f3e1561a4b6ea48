"""Staff pages for correction requests: the council's list, due first, and one page to answer."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor
from supportfirst.corrections import clock, records, selectors, services
from supportfirst.corrections.forms import AnswerForm
from supportfirst.councils.access import casework_required
from supportfirst.kernel.formsupport import conflict, form_page, submitted

PAGE_SIZE = 50


@casework_required
def correction_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    rows = selectors.corrections_for_council(scope=scope)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "corrections/staff/list.html",
        {"page": page, "today": timezone.localdate()},
    )


@casework_required
@require_http_methods(["GET", "POST"])
def correction_answer(request: HttpRequest, correction_id: int) -> HttpResponse:
    actor = Actor.of(request)
    correction = selectors.correction_read(actor=actor, correction_id=correction_id)
    if request.method == "POST" and not correction.is_open:
        return conflict(request, "This correction request has already been answered.")
    form = AnswerForm(submitted(request))
    context = {
        "correction": correction,
        "record_url": records.page_url(
            correction.shown_on, correction.shown_on_id, for_family=False
        ),
        "explanation": clock.EXPLANATION,
        "today": timezone.localdate(),
    }
    return form_page(
        request,
        form,
        "corrections/staff/correction.html",
        context,
        on_valid=lambda: services.correction_answer(
            actor=actor,
            correction=correction,
            corrected=form.cleaned_data["outcome"] == "corrected",
            what_we_changed=form.cleaned_data["what_we_changed"],
            reason_not_corrected=form.cleaned_data["reason_not_corrected"],
        ),
        success=lambda answered: (
            f"Answer saved. {answered[1].sentence}",
            reverse("corrections:correction", kwargs={"correction_id": correction.pk}),
        ),
    )
