"""The family's pages for their letters: every sent letter, as a web page and as a PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.access import family_required
from supportfirst.letters import selectors
from supportfirst.letters.staff_views import pdf_response


@family_required
def letter_list(request: HttpRequest) -> HttpResponse:
    letters = selectors.family_letters(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "letters/family/list.html", {"letters": letters})


@family_required
def letter_detail(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = selectors.family_letter_read(actor=Actor.of(request), letter_id=letter_id)
    return render(
        request, "letters/family/letter.html", {"letter": letter, "letter_html": letter.html}
    )


@family_required
def letter_pdf(request: HttpRequest, letter_id: int) -> HttpResponse:
    actor = Actor.of(request)
    letter = selectors.family_letter_read(actor=actor, letter_id=letter_id)
    log_access(actor, family_id=letter.family_id, record=letter, action=Action.DOWNLOAD)
    return pdf_response(letter)
