"""The council administrator's home: the staff accounts in the council and their roles."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from supportfirst.accounts.selectors import people_in_council


def council_admin_home(request: HttpRequest) -> HttpResponse:
    """Everyone with a staff account in the council, with their role and team."""
    people = people_in_council(council_id=request.scope.council_id)  # type: ignore[attr-defined]
    return render(request, "frontdoor/staff/admin_home.html", {"people": people})
