"""The JSON API, version 1. Thin: authenticate, call the same services the pages use, answer."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from supportfirst.api.auth import api_view, problem
from supportfirst.api.body import json_fields
from supportfirst.api.openapi import DOCUMENT
from supportfirst.audit.services import Actor
from supportfirst.councils.models import CASEWORK_ROLES
from supportfirst.kernel.formsupport import FREE_TEXT_MAX, ONE_LINE_MAX
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.pathway import moves, selectors, services
from supportfirst.pathway.models import SupportRequest
from supportfirst.rules import workdays


def request_json(support_request: SupportRequest) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "id": support_request.pk,
        "reference": support_request.reference,
        "family_reference": support_request.family.reference,
        "child": {
            "first_name": support_request.child.first_name,
            "last_name": support_request.child.last_name,
        },
        "received_at": support_request.received_at.isoformat(),
        "who_asked": support_request.who_asked,
        "help_asked_for": support_request.help_asked_for,
        "status": support_request.status,
        "status_label": support_request.get_status_display(),
        "next_step_due": support_request.next_step_due.isoformat(),
        "next_step_working_days_left": workdays.working_days_left(
            support_request.next_step_due, today
        ),
        "assessment_due": support_request.assessment_due.isoformat(),
        "moves_allowed": [
            m.name for m in moves.REQUEST.moves_from(support_request.status) if m.name in API_MOVES
        ],
    }


@api_view({"GET"}, CASEWORK_ROLES)
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    support_request = selectors.request_read(actor=Actor.of(request), request_id=request_id)
    return JsonResponse(request_json(support_request))


API_MOVES = {"decide_support", "decide_information"}
# The fields a move takes, each with the most characters it may have (the page's limits).
MOVE_FIELDS = {
    "move": 40,
    "information_given": FREE_TEXT_MAX,
    "agreed_by": ONE_LINE_MAX,
    "agreed_on": 10,
    "agreed_how": ONE_LINE_MAX,
}


def _agreement(body: dict[str, str]) -> services.FamilyAgreement | None:
    """The family's agreement to information and advice only: who, when (YYYY-MM-DD), how.
    Missing or unreadable, the move is refused with what is missing."""
    try:
        on = date.fromisoformat(body.get("agreed_on", ""))
    except ValueError:
        return None
    agreed_by, how = body.get("agreed_by", ""), body.get("agreed_how", "")
    return services.FamilyAgreement(agreed_by, on, how) if agreed_by and how else None


@api_view({"POST"}, CASEWORK_ROLES, moves=True)
def request_move(request: HttpRequest, request_id: int) -> HttpResponse:
    """Make a move on a request: {"move": "decide_support"} or
    {"move": "decide_information", "information_given": "...", "agreed_by": "...",
    "agreed_on": "YYYY-MM-DD", "agreed_how": "..."} (the family's recorded agreement: a decision
    not to assess is made on the staff pages, where a team manager confirms it)."""
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    body = json_fields(request, MOVE_FIELDS)
    if body.get("move") not in API_MOVES:
        return problem(400, "Unknown move", f"move must be one of: {', '.join(sorted(API_MOVES))}.")
    try:
        if body["move"] == "decide_support":
            services.decide_support(actor=actor, request=support_request)
        else:
            services.decide_information(
                actor=actor,
                request=support_request,
                information_given=body.get("information_given", ""),
                agreement=_agreement(body),
            )
    except IllegalMove as error:
        return problem(409, "That move cannot be made now", str(error))
    except MoveRefused as error:
        return problem(422, "Something is missing", " ".join(error.messages), errors=error.messages)
    support_request.refresh_from_db()
    return JsonResponse(request_json(support_request))


@login_not_required
@require_safe
def openapi(request: HttpRequest) -> HttpResponse:
    return JsonResponse(DOCUMENT)
