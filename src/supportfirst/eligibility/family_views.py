"""The family's pages: confirmed eligibility decisions, each need and service with its reason,
the law, what would change it, and how to ask for a review or complain."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from supportfirst.assessments.models import Kind
from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.councils.models import Role
from supportfirst.eligibility import selectors
from supportfirst.eligibility.models import EligibilityDecision
from supportfirst.eligibility.reader import Reader, reword_line

# Help for the child first, then for parent carers, then for brothers and sisters.
_WHOM = {"child": 0, "parent_carer": 1, "young_carer": 2}


def _reader(request: HttpRequest, decision: EligibilityDecision) -> Reader:
    """Who reads the decision: a young person is not addressed as their own parent."""
    membership = getattr(request.user, "membership", None)
    young_carers = tuple(
        combined.sibling.first_name
        for combined in decision.assessment.combined_assessments.select_related("sibling")
        if combined.kind == Kind.YOUNG_CARER and combined.sibling is not None
    )
    return Reader(
        young_person=membership is not None and membership.role == Role.YOUNG_PERSON,
        child_name=decision.assessment.child.first_name,
        young_carer_names=young_carers,
    )


@family_required
@require_safe
def decision_list(request: HttpRequest) -> HttpResponse:
    decisions = selectors.family_decisions(scope=request.scope)  # type: ignore[attr-defined]
    return render(request, "eligibility/family/list.html", {"decisions": decisions})


@family_required
@require_safe
def decision_detail(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = selectors.family_decision_read(actor=Actor.of(request), decision_id=decision_id)
    reader = _reader(request, decision)
    services = [
        reword_line(line, reader, line.for_whom, line.assessed)
        for line in decision.final_services()
    ]
    context = {
        "decision": decision,
        "services": sorted(services, key=lambda line: _WHOM.get(line.for_whom, 3)),
        "needs": [reword_line(line, reader, line.person) for line in decision.final_needs()],
        "council": decision.family.council,
        "young_person": reader.young_person,
    }
    return render(request, "eligibility/family/decision.html", context)
