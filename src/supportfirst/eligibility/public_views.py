"""Public pages: every council's published eligibility criteria, and the national model, in
plain English. No sign-in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from supportfirst.eligibility import selectors
from supportfirst.rules.criteria.areas import area_name
from supportfirst.rules.criteria.changes import set_changes


@login_not_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "eligibility/public/index.html", {"index": selectors.criteria_index()})


def _page(request: HttpRequest, slug: str, version: str | None) -> HttpResponse:
    page = selectors.criteria_page(slug, version)
    context: dict[str, object] = {
        "page": page,
        "criteria": page.shown,
        "set": None,
        "area_name": area_name,
    }
    if page.shown is not None:
        context["set"] = page.shown.criteria_set
        previous = page.previous
        if previous is not None:
            context["changes"] = set_changes(previous.criteria_set, page.shown.criteria_set)
    return render(request, "eligibility/public/criteria.html", context)


@login_not_required
@require_safe
def criteria(request: HttpRequest, criteria_slug: str) -> HttpResponse:
    return _page(request, criteria_slug, None)


@login_not_required
@require_safe
def criteria_version(
    request: HttpRequest, criteria_slug: str, criteria_version: str
) -> HttpResponse:
    return _page(request, criteria_slug, criteria_version)
