"""Each kind of letter: the record it is about, how to find that record, and what its template
is given. Templates live in templates/letters/kinds/<kind>.html (standard and large print) and
templates/letters/kinds/easy_read/<kind>.html (easy read: its own shorter text)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from supportfirst.kernel.workflow import MoveRefused
from supportfirst.letters.models import LetterKind

Context = dict[str, Any]

# The next stage of a complaint after each stage's answer (Children Act 1989 Representations
# Procedure (England) Regulations 2006).
NEXT_COMPLAINT_STAGE = {
    1: "If you are not happy with this answer, you can ask for an investigation with an "
    "independent person who does not work for the council (stage 2). Ask us within 20 working "
    "days of getting this letter.",
    2: "If you are not happy with this answer, you can ask for a review panel (stage 3). "
    "Three independent people will look at your complaint. Ask us within 20 working days of "
    "getting this letter.",
    3: "This is the last stage of our complaints process.",
}


@dataclass(frozen=True)
class KindSpec:
    kind: str
    source_label: str
    build: Callable[[Any], Context]
    needs_personal_paragraph: str = ""

    @property
    def label(self) -> str:
        return str(LetterKind(self.kind).label)

    def source_model(self) -> Any:
        """The source's model; LookupError when its app has no such model yet."""
        app_label, model_name = self.source_label.split(".")
        return apps.get_model(app_label, model_name)


def _request_acknowledgement(request: Any) -> Context:
    return {"req": request, "child": request.child}


def _next_step_decision(decision: Any) -> Context:
    if decision.pathway == "safeguarding":
        raise MoveRefused(
            [
                "A letter about a move to safeguarding is not written here. The child "
                "protection process has its own letters."
            ]
        )
    if decision.basis == "not_assessing" and decision.confirmed_by_id is None:
        raise MoveRefused(
            ["A team manager must confirm the decision not to assess before the letter is written."]
        )
    return {"decision": decision, "req": decision.request, "child": decision.request.child}


def _eligibility_decision(decision: Any) -> Context:
    if decision.status != "confirmed":
        raise MoveRefused(["The decision must be confirmed by a team manager before the letter."])
    # Imported here: letters sits above eligibility, and kinds is read at start-up.
    from supportfirst.eligibility.selectors import separate_carer_notes

    needs = decision.final_needs()
    services = decision.final_services()
    return {
        "decision": decision,
        "assessment": decision.assessment,
        "child": decision.assessment.child,
        "criteria": decision.criteria,
        "needs": needs,
        "met_needs": [n for n in needs if n.met],
        "unmet_needs": [n for n in needs if not n.met],
        "services": services,
        "met_services": [s for s in services if s.met],
        # Help for someone whose needs were not in this decision is not refused: it is said
        # truly in `carer_notes` (decided separately, being assessed, or how to ask).
        "unmet_services": [s for s in services if not s.met and getattr(s, "assessed", True)],
        "carer_notes": separate_carer_notes(decision),
        # Whose needs: the child's, or a carer's own after their separate assessment (s17ZF,
        # s17ZC), whose letter says so.
        "about_carer": bool(getattr(decision, "about_carer", False)),
        "subject_name": getattr(decision, "subject_name", decision.assessment.child.first_name),
        "decided_under": getattr(decision, "decided_under", ""),
    }


def _support_plan(plan: Any) -> Context:
    if plan.status == "draft":
        raise MoveRefused(["Share the plan with the family before writing the letter about it."])
    return {
        "plan": plan,
        "child": plan.child,
        "outcomes": list(plan.outcomes.order_by("recorded_at", "pk")),
        "planned_services": list(plan.services.order_by("start_on", "pk")),
    }


def _plan_review(review: Any) -> Context:
    plan = review.plan
    return {
        "review": review,
        "plan": plan,
        "child": plan.child,
        "planned_services": list(plan.services.order_by("start_on", "pk")),
    }


def _stage_answer(complaint: Any) -> Any:
    """The council's recorded answer at the complaint's current stage, where the complaint
    keeps one (the complaints app's stage rows: `response` and `outcome`)."""
    stages = getattr(complaint, "stages", None)
    if stages is None or not hasattr(stages, "filter"):
        return None
    return stages.filter(stage=complaint.stage).first()


def _complaint(complaint: Any) -> Context:
    stage = int(complaint.stage)
    answer: Any = _stage_answer(complaint)
    outcome = ""
    if answer is not None and answer.outcome:
        outcome = str(answer.get_outcome_display())
    return {
        "complaint": complaint,
        "child": None,
        "stage": stage,
        "stage_label": complaint.get_stage_display(),
        "next_stage": NEXT_COMPLAINT_STAGE.get(stage, NEXT_COMPLAINT_STAGE[3]),
        "answer": getattr(answer, "response", "") if answer is not None else "",
        "outcome": outcome,
    }


SPECS: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            LetterKind.REQUEST_ACKNOWLEDGEMENT, "pathway.supportrequest", _request_acknowledgement
        ),
        KindSpec(LetterKind.NEXT_STEP_DECISION, "pathway.nextstepdecision", _next_step_decision),
        KindSpec(
            LetterKind.ELIGIBILITY_DECISION,
            "eligibility.eligibilitydecision",
            _eligibility_decision,
        ),
        KindSpec(LetterKind.SUPPORT_PLAN, "plans.supportplan", _support_plan),
        KindSpec(LetterKind.PLAN_REVIEW, "plans.planreview", _plan_review),
        KindSpec(LetterKind.COMPLAINT_ACKNOWLEDGEMENT, "complaints.complaint", _complaint),
        KindSpec(
            LetterKind.COMPLAINT_RESPONSE,
            "complaints.complaint",
            _complaint,
            needs_personal_paragraph=(
                "Write our answer to the complaint in the personal paragraph: no answer is "
                "recorded on the complaint."
            ),
        ),
    )
}


def spec_for(kind: str) -> KindSpec:
    try:
        return SPECS[kind]
    except KeyError as exc:
        raise MoveRefused(["Choose a kind of letter."]) from exc
