"""The family's pages for their requests for help: what was asked, the decision and its
reasons, the dates, every contact and intrusion record, and what happened, in order.
Never the staff views reused; every read is logged by the selectors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.families import family_record


@family_required
def request_list(request: HttpRequest) -> HttpResponse:
    requests = family_record.family_requests(actor=Actor.of(request))
    return render(
        request,
        "families/family/requests.html",
        {"requests": requests, "today": timezone.localdate()},
    )


@family_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    page = family_record.family_request_read(actor=Actor.of(request), request_id=request_id)
    return render(
        request,
        "families/family/request.html",
        {"page": page, "req": page.request, "item": page.item, "today": timezone.localdate()},
    )
