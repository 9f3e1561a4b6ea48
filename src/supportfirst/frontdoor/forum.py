"""The parent carer forum member's home: anonymous figures only, never a family's record."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from supportfirst.families.selectors import families_by_stage


def forum_home(request: HttpRequest) -> HttpResponse:
    """Families at each stage of the pathway in the council; small figures are not shown."""
    figures = families_by_stage(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "frontdoor/staff/forum_home.html", {"figures": figures})
