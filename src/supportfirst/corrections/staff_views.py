"""Staff pages for correction requests: the council's list, due first, and one page to answer."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor, log_list_view
from supportfirst.corrections import clock, records, selectors, services
from supportfirst.corrections.forms import AnswerForm
from supportfirst.corrections.models import CorrectionRequest
from supportfirst.councils.access import casework_required
from supportfirst.kernel.formsupport import conflict, form_page, submitted
from supportfirst.wording.selectors import reasons_for
from supportfirst.wording.services import Reasons, WordsToCheck, ask_reasons, words_to_check

PAGE_SIZE = 50


def _words_to_check(correction: CorrectionRequest, data: QueryDict) -> list[WordsToCheck]:
    """The flagged words in the answer the family will read: what was changed, or why not
    (both, until an outcome is chosen)."""
    chosen = services.ANSWER_TEXT.get(data.get("outcome", ""))
    fields = [chosen] if chosen else list(services.ANSWER_TEXT.values())
    texts = {label: data.get(name, "") for name, label in fields}
    return words_to_check(texts, council_id=correction.family.council_id)


@casework_required
def correction_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    rows = selectors.corrections_for_council(scope=scope)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    log_list_view(request, list_name="correction requests", page=page.number)
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
    to_check = _words_to_check(correction, request.POST) if request.method == "POST" else []
    ask_reasons(form, to_check)
    context = {
        "correction": correction,
        "record_url": records.page_url(
            correction.shown_on, correction.shown_on_id, for_family=False
        ),
        "explanation": clock.EXPLANATION,
        "today": timezone.localdate(),
        "to_check": to_check,
        "reasons": reasons_for(
            scope=actor.scope, record_type=services.RECORD_TYPE, record_id=correction.pk
        ),
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
            reasons=Reasons.given(to_check, form.cleaned_data),
        ),
        success=lambda answered: (
            f"Answer saved. {answered[1].sentence}",
            reverse("corrections:correction", kwargs={"correction_id": correction.pk}),
        ),
    )
