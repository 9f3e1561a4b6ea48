"""The staff's pages for one family's record and one child's: the family with its requests
for help and the latest lines of its access log. Every read is logged by the selectors."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from supportfirst.councils.access import casework_required
from supportfirst.councils.scoping import Scope
from supportfirst.families import selectors
from supportfirst.families.models import Family
from supportfirst.families.selectors import AccessLogLine
from supportfirst.pathway.models import SupportRequest
from supportfirst.pathway.selectors import requests_for_family
from supportfirst.transition.selectors import to_plan_for

ACCESS_LOG_LINES_SHOWN = 10


@dataclass(frozen=True)
class FamilyPage:
    family: Family
    log: list[AccessLogLine]
    requests: QuerySet[SupportRequest]


def family_page_read(*, request: HttpRequest, scope: Scope, family_id: int) -> FamilyPage:
    """One family's record with its requests for help and who looked at it last; logged."""
    family = selectors.family_read(request=request, scope=scope, family_id=family_id)
    return FamilyPage(
        family=family,
        log=selectors.access_log_for_family(
            scope=scope, family_id=family.pk, limit=ACCESS_LOG_LINES_SHOWN
        ),
        requests=requests_for_family(scope=scope, family_id=family.pk),
    )


@casework_required
def staff_family(request: HttpRequest, family_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    page = family_page_read(request=request, scope=scope, family_id=family_id)
    return render(
        request,
        "frontdoor/staff/family.html",
        {
            "family": page.family,
            "log": page.log,
            "requests": page.requests,
            "today": timezone.localdate(),
            # Young people of 14 or older with no plan for adult life yet: the prompt.
            "to_plan_for": to_plan_for(
                scope=scope, worker_id=None, today=timezone.localdate()
            ).filter(family_id=page.family.pk),
        },
    )


@casework_required
def staff_child(request: HttpRequest, child_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    child = selectors.child_read(request=request, scope=scope, child_id=child_id)
    return render(
        request, "frontdoor/staff/child.html", {"child": child, "today": timezone.localdate()}
    )
