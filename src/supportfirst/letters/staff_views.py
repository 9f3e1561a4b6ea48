"""Staff pages for letters: prepare one from its record, read the draft with its readability
and the words to check, change the personal paragraph, send it, download it as a PDF."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.access import casework_required
from supportfirst.kernel.formsupport import (
    MoveRefused,
    add_refusal,
    button_move,
    conflict,
    form_move,
    form_status,
    is_id,
    submitted,
    versioned,
)
from supportfirst.letters import kinds, selectors, services
from supportfirst.letters.forms import ParagraphForm, PrepareForm, SendForm
from supportfirst.letters.models import Letter
from supportfirst.wording.services import Reasons, WordsToCheck, ask_reasons

PAGE_SIZE = 50


def pdf_response(letter: Letter) -> HttpResponse:
    response = HttpResponse(letter.pdf_bytes(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@casework_required
def letter_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    page = Paginator(selectors.council_letters(scope=scope), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "letters/staff/list.html", {"page": page})


@casework_required
@require_http_methods(["GET", "POST"])
def letter_new(request: HttpRequest) -> HttpResponse:
    """Prepare a letter about a record: `?kind=<kind>&source=<id>`."""
    actor = Actor.of(request)
    kind = request.GET.get("kind", "")
    source_id = request.GET.get("source", "")
    if kind not in kinds.SPECS or not is_id(source_id):
        return render(
            request, "letters/staff/choose.html", {"kinds": kinds.SPECS.values()}, status=400
        )
    spec = kinds.spec_for(kind)
    source = selectors.source_read(actor=actor, kind=kind, source_id=source_id)
    family = source.family
    child = getattr(source, "child", None) or getattr(
        getattr(source, "request", None), "child", None
    )
    name = child.first_name if child is not None else "the family"
    form = PrepareForm(submitted(request), name=name)
    made = form_move(
        request,
        form,
        on_valid=lambda: services.letter_prepare(
            actor=actor,
            family=family,
            kind=kind,
            source=source,
            variant=form.cleaned_data["variant"],
            personal_paragraph=form.cleaned_data["personal_paragraph"],
        ),
        success=lambda letter: (
            "The letter is ready to check. It has not been sent.",
            _letter_url(letter),
        ),
    )
    if made is not None:
        return made
    not_ready: list[str] = []
    if request.method == "GET":
        try:
            spec.build(source)
        except MoveRefused as error:
            not_ready = error.messages
    context = {
        "not_ready": not_ready,
        "form": form,
        "spec": spec,
        "family": family,
        "source_id": source_id,
        "earlier": list(selectors.source_letters(scope=actor.scope, source=source)[:20]),
    }
    return render(request, "letters/staff/new.html", context, status=400 if form.errors else 200)


def _letter_url(letter: Letter) -> str:
    return reverse("letters:letter", kwargs={"letter_id": letter.pk})


BACK_TEXT = "Go back to the letter"


def _send_form(letter: Letter, data: Any = None) -> tuple[SendForm, list[WordsToCheck]]:
    """The send form, with a required reason for each distinct flagged word or phrase."""
    to_check = selectors.words_to_check(letter) if not letter.is_sent else []
    form = SendForm(data)
    ask_reasons(form, to_check)
    return form, to_check


def _letter_page(
    request: HttpRequest,
    letter: Letter,
    form: ParagraphForm | None = None,
    status: int = 200,
    send_form: SendForm | None = None,
) -> HttpResponse:
    target = letter.family.council.letter_reading_ease_target
    html = letter.render_html()
    name = letter.child.first_name if letter.child else "the family"
    fresh_send_form, to_check = _send_form(letter)
    context = {
        "letter": letter,
        "letter_html": html,
        "target": target,
        "below_target": letter.reading_ease is not None and letter.reading_ease < target,
        "form": form
        or versioned(
            ParagraphForm(initial={"personal_paragraph": letter.personal_paragraph}, name=name),
            letter,
        ),
        "send_form": send_form or fresh_send_form,
        "to_check": to_check,
        "reasons": selectors.letter_reasons(actor=Actor.of(request), letter=letter),
    }
    return render(request, "letters/staff/letter.html", context, status=status)


@casework_required
def letter_detail(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = selectors.letter_read(actor=Actor.of(request), letter_id=letter_id)
    return _letter_page(request, letter)


@casework_required
@require_POST
def letter_paragraph(request: HttpRequest, letter_id: int) -> HttpResponse:
    actor = Actor.of(request)
    letter = selectors.letter_read(actor=actor, letter_id=letter_id)
    name = letter.child.first_name if letter.child else "the family"
    form = versioned(ParagraphForm(request.POST, name=name), letter)
    made = form_move(
        request,
        form,
        on_valid=lambda: services.letter_update(
            actor=actor, letter=letter, personal_paragraph=form.cleaned_data["personal_paragraph"]
        ),
        success=lambda _: ("The paragraph is saved. Check the letter again.", _letter_url(letter)),
        back_url=_letter_url(letter),
        back_text=BACK_TEXT,
    )
    return made or _letter_page(request, letter, form, status=form_status(form))


@casework_required
@require_POST
def letter_send(request: HttpRequest, letter_id: int) -> HttpResponse:
    actor = Actor.of(request)
    letter = selectors.letter_read(actor=actor, letter_id=letter_id)
    if letter.is_sent:
        return conflict(
            request,
            "This letter has already been sent.",
            back_url=_letter_url(letter),
            back_text=BACK_TEXT,
        )
    send_form, to_check = _send_form(letter, request.POST)
    if not send_form.is_valid():
        return _letter_page(request, letter, status=400, send_form=send_form)

    def refused(reasons: list[str]) -> HttpResponse:
        form = ParagraphForm(
            {"personal_paragraph": letter.personal_paragraph},
            name=letter.child.first_name if letter.child else "the family",
        )
        form.is_valid()
        add_refusal(form, MoveRefused(reasons))
        return _letter_page(request, letter, form, status=400)

    reasons = Reasons.given(to_check, send_form.cleaned_data)
    return button_move(
        request,
        lambda: services.letter_send(actor=actor, letter=letter, reasons=reasons),
        success=lambda sent: (
            f"The letter is sent: the family can read it online. {sent[1].sentence}",
            _letter_url(letter),
        ),
        refused=refused,
        back_url=_letter_url(letter),
        back_text=BACK_TEXT,
    )


@casework_required
def letter_pdf(request: HttpRequest, letter_id: int) -> HttpResponse:
    actor = Actor.of(request)
    letter = selectors.letter_read(actor=actor, letter_id=letter_id)
    log_access(actor, family_id=letter.family_id, record=letter, action=Action.DOWNLOAD)
    return pdf_response(letter)
