"""Staff pages and family pages for families' records. Separate views per audience."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from supportfirst.accounts.selectors import people_in_council
from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required, family_required, staff_required
from supportfirst.councils.models import Role
from supportfirst.families import family_record, selectors
from supportfirst.pathway.selectors import requests_for_family

PAGE_SIZE = 50


@staff_required
def staff_home(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    if scope.role == Role.FORUM_MEMBER:
        figures = selectors.families_by_stage(scope=scope)
        return render(request, "families/staff/forum_home.html", {"figures": figures})
    if scope.role == Role.COUNCIL_ADMIN:
        people = people_in_council(council_id=scope.council_id)
        return render(request, "families/staff/admin_home.html", {"people": people})
    mine = request.GET.get("show") != "all"
    families = selectors.families_list(scope=scope, allocated_to=scope.user_id if mine else None)
    page = Paginator(families, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "families/staff/home.html",
        {"page": page, "mine": mine, "today": timezone.localdate()},
    )


@casework_required
def staff_family(request: HttpRequest, family_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    family = selectors.family_read(request=request, scope=scope, family_id=family_id)
    log = selectors.access_log_for_family(scope=scope, family_id=family.pk, limit=10)
    requests = requests_for_family(scope=scope, family_id=family.pk)
    return render(
        request,
        "families/staff/family.html",
        {"family": family, "log": log, "requests": requests, "today": timezone.localdate()},
    )


@casework_required
def staff_child(request: HttpRequest, child_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    child = selectors.child_read(request=request, scope=scope, child_id=child_id)
    return render(
        request, "families/staff/child.html", {"child": child, "today": timezone.localdate()}
    )


@family_required
def family_home(request: HttpRequest) -> HttpResponse:
    family, worker, requests = family_record.family_home_read(actor=Actor.of(request))
    return render(
        request,
        "families/family/home.html",
        {
            "family": family,
            "worker": worker,
            "requests": requests,
            "today": timezone.localdate(),
        },
    )


@family_required
def family_child(request: HttpRequest, child_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    child = selectors.child_read(request=request, scope=scope, child_id=child_id)
    return render(
        request, "families/family/child.html", {"child": child, "today": timezone.localdate()}
    )


@family_required
def family_access_log(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    log = selectors.access_log_for_family(scope=scope, family_id=scope.family_id, limit=200)
    return render(request, "families/family/access_log.html", {"log": log})
