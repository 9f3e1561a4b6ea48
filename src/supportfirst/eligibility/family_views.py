"""The family's pages: confirmed eligibility decisions, each need and service with its reason,
the law, what would change it, and how to ask for a review or complain."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.eligibility import selectors

# Help for the child first, then for parent carers, then for brothers and sisters.
_WHOM = {"child": 0, "parent_carer": 1, "young_carer": 2}


@family_required
@require_safe
def decision_list(request: HttpRequest) -> HttpResponse:
    decisions = selectors.family_decisions(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "eligibility/family/list.html", {"decisions": decisions})


@family_required
@require_safe
def decision_detail(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = selectors.family_decision_read(actor=Actor.of(request), decision_id=decision_id)
    context = {
        "decision": decision,
        "services": sorted(decision.final_services(), key=lambda line: _WHOM.get(line.for_whom, 3)),
        "needs": decision.final_needs(),
        "council": decision.family.council,
    }
    return render(request, "eligibility/family/decision.html", context)
