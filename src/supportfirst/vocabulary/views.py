"""The council administrator's pages for the council's own words to check.
Thin: parse, call one service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.audit.services import Actor
from supportfirst.councils.access import council_admin_required
from supportfirst.kernel.formsupport import (
    MoveRefused,
    button_move,
    conflict,
    form_status,
    submitted,
    version_claimed,
    versioned,
)
from supportfirst.rules.language import CATEGORIES, shipped
from supportfirst.vocabulary import selectors, services
from supportfirst.vocabulary.forms import EntryForm, TryForm


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "category": data["category"],
        "words": data["words"],
        "explanation": data["explanation"],
        "suggestions": data["suggestions"],
        "agreed_with_forum": data["agreed_with_forum"],
        "forum_note": data["forum_note"],
    }


def _list_context(council_id: int) -> dict[str, Any]:
    return {
        "entries": selectors.entries_for_council(council_id=council_id),
        "shipped": [(entry, CATEGORIES[entry.category]) for entry in shipped()],
    }


@council_admin_required
@require_http_methods(["GET"])
def entry_list(request: HttpRequest) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    context = _list_context(council_id) | {"try_form": TryForm()}
    return render(request, "vocabulary/list.html", context)


@council_admin_required
@require_http_methods(["GET", "POST"])
def entry_try(request: HttpRequest) -> HttpResponse:
    """What the council's checker finds in some writing, so an administrator can test it."""
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    form = TryForm(submitted(request))
    results = None
    if request.method == "POST" and form.is_valid():
        findings = selectors.checker_for_council(council_id).check(form.cleaned_data["text"])
        own = set(
            selectors.entries_for_council(council_id=council_id).values_list("entry_id", flat=True)
        )
        results = [
            (finding, CATEGORIES.get(finding.category, finding.category), finding.rule in own)
            for finding in findings
        ]
    return render(
        request, "vocabulary/try.html", {"form": form, "results": results}, status=form_status(form)
    )


@council_admin_required
@require_http_methods(["GET", "POST"])
def entry_new(request: HttpRequest) -> HttpResponse:
    form = EntryForm(submitted(request))
    # Not form_page: the service's ValidationError names the field each problem belongs to.
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_add(
                actor=Actor.of(request),
                entry_id=form.cleaned_data["entry_id"],
                **_fields(form.cleaned_data),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Entry “{entry.entry_id}” added. It is checked from now.")
            return redirect("vocabulary:list")
    return render(request, "vocabulary/entry_form.html", {"form": form}, status=form_status(form))


@council_admin_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    entry = selectors.entry_read(council_id=council_id, entry_pk=entry_id)
    initial = _fields(
        {
            "category": entry.category,
            "words": entry.words,
            "explanation": entry.explanation,
            "suggestions": entry.suggestions,
            "agreed_with_forum": "yes" if entry.agreed_with_forum else "no",
            "forum_note": entry.forum_note,
        }
    )
    form = versioned(EntryForm(submitted(request), initial=initial, editing=True), entry)
    # Not form_page: the service's ValidationError names the field each problem belongs to.
    if request.method == "POST" and form.is_valid():
        try:
            with version_claimed(form, request.user) as go_ahead:
                if go_ahead:
                    services.entry_edit(
                        actor=Actor.of(request), entry=entry, **_fields(form.cleaned_data)
                    )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if go_ahead:
                messages.success(request, f"Entry “{entry.entry_id}” changed.")
                return redirect("vocabulary:list")
    return render(
        request,
        "vocabulary/entry_form.html",
        {"form": form, "entry": entry},
        status=form_status(form),
    )


def _back() -> dict[str, str]:
    """Where the 409 page links back to: the words to check."""
    return {"back_url": reverse("vocabulary:list"), "back_text": "Go back to words to check"}


@council_admin_required
@require_POST
def entry_retire(request: HttpRequest, entry_id: int) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    entry = selectors.entry_read(council_id=council_id, entry_pk=entry_id)
    return button_move(
        request,
        lambda: services.entry_retire(actor=Actor.of(request), entry=entry),
        success=lambda _: (
            f"Entry “{entry.entry_id}” retired. It is no longer checked.",
            reverse("vocabulary:list"),
        ),
        refused=lambda reasons: conflict(request, " ".join(reasons), **_back()),
        **_back(),
    )


@council_admin_required
@require_POST
def entry_restore(request: HttpRequest, entry_id: int) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    entry = selectors.entry_read(council_id=council_id, entry_pk=entry_id)

    def restore() -> None:
        try:
            services.entry_restore(actor=Actor.of(request), entry=entry)
        except ValidationError as error:  # the words can no longer be used: a refused move
            raise MoveRefused(error.messages) from error

    return button_move(
        request,
        restore,
        success=lambda _: (
            f"Entry “{entry.entry_id}” restored. It is checked again.",
            reverse("vocabulary:list"),
        ),
        refused=lambda reasons: conflict(request, " ".join(reasons), **_back()),
        **_back(),
    )
