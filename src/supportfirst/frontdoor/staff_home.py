"""The staff's home page, one address for every staff role: a practitioner's or manager's
families, the forum member's figures, the council administrator's people, or the data team's
returns."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from supportfirst.audit.services import log_list_view
from supportfirst.councils.access import staff_required
from supportfirst.councils.models import Role
from supportfirst.families import selectors
from supportfirst.frontdoor.council_admin import council_admin_home
from supportfirst.frontdoor.forum import forum_home

PAGE_SIZE = 50


@staff_required
def staff_home(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    if scope.role == Role.FORUM_MEMBER:
        return forum_home(request)
    if scope.role == Role.COUNCIL_ADMIN:
        return council_admin_home(request)
    if scope.role == Role.COMPLAINTS_MANAGER:
        return redirect("complaints:list")
    if scope.role == Role.DATA_TEAM:
        return redirect("returns:home")
    mine = request.GET.get("show") != "all"
    families = selectors.families_list(scope=scope, allocated_to=scope.user_id if mine else None)
    page = Paginator(families, PAGE_SIZE).get_page(request.GET.get("page"))
    log_list_view(request, list_name="families" if not mine else "my families", page=page.number)
    return render(
        request,
        "frontdoor/staff/home.html",
        {"page": page, "mine": mine, "today": timezone.localdate()},
    )
