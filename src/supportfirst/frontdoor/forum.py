"""The parent carer forum member's home: anonymous figures only, never a family's record."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from supportfirst.families.selectors import families_by_stage
from supportfirst.pathway.selectors import safeguarding_figures_for_the_forum


def forum_home(request: HttpRequest) -> HttpResponse:
    """Families at each stage of the pathway in the council, and moves to safeguarding with
    what became of them per team and month; small figures are not shown."""
    scope = request.scope  # type: ignore[attr-defined]
    return render(
        request,
        "frontdoor/staff/forum_home.html",
        {
            "figures": families_by_stage(scope=scope),
            "safeguarding": safeguarding_figures_for_the_forum(scope=scope),
        },
    )
