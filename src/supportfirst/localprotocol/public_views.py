"""The public pages of each council's local assessment protocol: the version in force, every
published version, and what changed from the one before. No sign-in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from supportfirst.localprotocol import selectors
from supportfirst.localprotocol.auditing import target_sentences
from supportfirst.localprotocol.sections import NATIONAL_TIMES, TARGETS


@login_not_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "localprotocol/public/index.html",
        {"councils": selectors.councils_with_protocols()},
    )


def _page(request: HttpRequest, council_slug: str, number: int | None) -> HttpResponse:
    council = selectors.council_by_slug(council_slug)
    if council is None:
        return redirect("public_protocol:index")
    page = selectors.public_page(council, number)
    shown = page.shown
    return render(
        request,
        "localprotocol/public/protocol.html",
        {
            "page": page,
            "council": council,
            "version": shown,
            "national_times": NATIONAL_TIMES,
            "targets": [(t, getattr(shown, t.name)) for t in TARGETS] if shown else [],
            "target_sentences": target_sentences(shown) if shown else [],
        },
    )


@login_not_required
@require_safe
def council(request: HttpRequest, council_slug: str) -> HttpResponse:
    return _page(request, council_slug, None)


@login_not_required
@require_safe
def version(request: HttpRequest, council_slug: str, protocol_version: int) -> HttpResponse:
    return _page(request, council_slug, protocol_version)
