"""The family's own pages: their home, a child's page, their requests for help and who has
looked at their record. Never the staff views reused; every read is logged by the selectors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.families import selectors
from supportfirst.frontdoor import family_record
from supportfirst.frontdoor.staff_work import next_for_family


@family_required
def family_home(request: HttpRequest) -> HttpResponse:
    family, worker, requests = family_record.family_home_read(actor=Actor.of(request))
    today = timezone.localdate()
    scope = request.scope  # type: ignore[attr-defined]
    return render(
        request,
        "frontdoor/family/home.html",
        {
            "family": family,
            "worker": worker,
            "requests": requests,
            "next_steps": next_for_family(scope=scope, today=today),
            "today": today,
        },
    )


@family_required
def family_child(request: HttpRequest, child_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    child = selectors.child_read(request=request, scope=scope, child_id=child_id)
    return render(
        request, "frontdoor/family/child.html", {"child": child, "today": timezone.localdate()}
    )


@family_required
def family_access_log(request: HttpRequest) -> HttpResponse:
    log = family_record.family_access_log(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "frontdoor/family/access_log.html", {"log": log})


@family_required
def request_list(request: HttpRequest) -> HttpResponse:
    requests = family_record.family_requests(actor=Actor.of(request))
    return render(
        request,
        "frontdoor/family/requests.html",
        {"requests": requests, "today": timezone.localdate()},
    )


@family_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    page = family_record.family_request_read(actor=Actor.of(request), request_id=request_id)
    return render(
        request,
        "frontdoor/family/request.html",
        {"page": page, "req": page.request, "item": page.item, "today": timezone.localdate()},
    )
