"""Eligibility decisions: the needs of an authorised child's assessment made into a `Case`,
the council's current published criteria run on it, the practitioner's departures (each with a
professional reason) recorded beside the criteria's result, and a team manager's confirmation.

Every change goes through here; views only parse and render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from supportfirst.assessments.models import Assessment, AssessmentStatus, Kind, Need
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.eligibility.models import (
    LIVE_STATUSES,
    CriteriaAdoption,
    DecisionStatus,
    EligibilityDecision,
    PublishedCriteria,
)
from supportfirst.eligibility.moves import DECISION
from supportfirst.eligibility.selectors import current_criteria
from supportfirst.kernel.workflow import (
    IllegalMove,
    MoveRefused,
    apply_move,
    record_event,
)
from supportfirst.notifications.services import (
    DECISION_MADE,
    NOT_TOLD,
    Told,
    tell_family,
)
from supportfirst.rules.criteria import AssessedNeed, CarerGates, Case, Decision, evaluate
from supportfirst.wording.services import Reasons, keep_reasons


@dataclass(frozen=True)
class Answers:
    """The gate questions the criteria ask that the needs themselves do not answer: the two
    about the child (not asked when a carer's own assessment is decided on its own), and each
    assessed carer's own three (their answers, never the child's)."""

    arises_from_impairment_or_illness: bool
    significant_impact_on_wellbeing: bool
    wellbeing_impact: str
    parent_carer: CarerGates | None = None
    young_carer: CarerGates | None = None


@dataclass(frozen=True)
class Departure:
    """The practitioner decides differently from the criteria for one need or service."""

    met: bool
    reason: str


@dataclass(frozen=True)
class Departures:
    services: dict[str, Departure] = field(default_factory=dict)
    needs: dict[str, Departure] = field(default_factory=dict)

    def to_dict(self) -> dict[str, dict[str, dict[str, Any]]]:
        return {
            "services": {k: {"met": d.met, "reason": d.reason} for k, d in self.services.items()},
            "needs": {k: {"met": d.met, "reason": d.reason} for k, d in self.needs.items()},
        }


@dataclass(frozen=True)
class Checked:
    """The criteria run on an assessment, before anything is saved."""

    criteria: PublishedCriteria
    case: Case
    decision: Decision
    needs: dict[str, Need]


NEED_PREFIX = "need-"


def need_key(need: Need) -> str:
    return f"{NEED_PREFIX}{need.pk}"


CARER_KINDS = (Kind.PARENT_CARER, Kind.YOUNG_CARER)


def is_separate_carer_assessment(assessment: Assessment) -> bool:
    """A parent carer's or young carer's own assessment, not done together with the child's:
    its eligibility is decided on its own, through the same published criteria."""
    return assessment.kind in CARER_KINDS and assessment.combined_with_id is None


def carers_in(assessment: Assessment) -> list[tuple[str, str]]:
    """(person, name) of each carer whose own needs are in this decision, one per person kind
    (two brothers and sisters assessed together share the young carer's answers)."""
    if assessment.kind in CARER_KINDS:
        return [(str(assessment.kind), assessment.subject_name)]
    names: dict[str, list[str]] = {}
    for combined in assessment.combined_assessments.all():
        if combined.kind in CARER_KINDS:
            names.setdefault(str(combined.kind), []).append(combined.subject_name)
    return [(person, " and ".join(found)) for person, found in names.items()]


def needs_of(assessment: Assessment) -> list[tuple[str, Need]]:
    """The needs found in the child's assessment, then in any parent carer's or young carer's
    assessment done together with it (combined), each with the person it is about. For a
    carer's own assessment done separately, its own needs."""
    if assessment.kind in CARER_KINDS:
        person_of = {assessment.pk: str(assessment.kind)}
    else:
        person_of = {assessment.pk: "child"}
    for combined in assessment.combined_assessments.all():
        if combined.kind in (Kind.PARENT_CARER, Kind.YOUNG_CARER):
            person_of[combined.pk] = str(combined.kind)
    needs = (
        Need.objects.filter(area__assessment_id__in=list(person_of))
        .select_related("area")
        .order_by("area__assessment_id", "area__position", "recorded_at", "pk")
    )
    return [(person_of[need.area.assessment_id], need) for need in needs]


def case_for(assessment: Assessment, answers: Answers, today: date | None = None) -> Case:
    today = today or timezone.localdate()
    return Case(
        needs=tuple(
            AssessedNeed(
                id=need_key(need),
                person=person,
                area=need.area.code,
                description=need.description,
                cannot_without_help=need.cannot_without_help,
                only_with_pain_distress_or_anxiety=need.only_with_pain_distress_or_anxiety,
                only_with_danger=need.only_with_danger,
                takes_much_longer=need.takes_much_longer,
                how_often=need.how_often,
                more_than_same_age=need.more_than_same_age if person == "child" else None,
                fluctuates=need.fluctuates,
            )
            for person, need in needs_of(assessment)
        ),
        arises_from_impairment_or_illness=answers.arises_from_impairment_or_illness,
        significant_impact_on_wellbeing=answers.significant_impact_on_wellbeing,
        wellbeing_impact=answers.wellbeing_impact.strip(),
        child_age=assessment.child.age_on(today),
        parent_carer=answers.parent_carer,
        young_carer=answers.young_carer,
        child_assessed=assessment.kind == Kind.CHILD,
    )


def decidable_criteria(assessment: Assessment) -> PublishedCriteria:
    """The criteria to decide with, or IllegalMove when eligibility cannot be decided now."""
    if assessment.kind != Kind.CHILD and not is_separate_carer_assessment(assessment):
        raise IllegalMove(
            "This assessment was done together with the child's: its needs are decided with "
            "the child's needs assessment."
        )
    if assessment.status != AssessmentStatus.AUTHORISED:
        raise IllegalMove(
            "Eligibility can be decided once a team manager has authorised the assessment."
        )
    council = assessment.family.council
    criteria = current_criteria(council.la_code)
    if criteria is None:
        raise IllegalMove(
            f"{council.name} has no eligibility criteria of its own published here, so no "
            "eligibility decision can be made yet. The Support First model criteria are a "
            "starting point, not criteria anyone has adopted. Ask a council administrator to "
            "adapt them with the parent carer forum, publish the council's own criteria "
            "(supportfirst manage criteria_publish) and record their adoption "
            "(supportfirst manage criteria_adopt)."
        )
    if not CriteriaAdoption.objects.filter(criteria=criteria).exists():
        raise IllegalMove(
            f"“{criteria.title}”, version {criteria.version}, is published but {council.name} "
            "has not recorded adopting it, so no eligibility decision can be made with it yet. "
            "A decision needs criteria the council has adopted and the parent carer forum has "
            "signed off, with the equality impact considered. Ask a council administrator to "
            "record the adoption: who adopted it for the council, who signed it off for the "
            "forum, when, and a summary of the equality impact (supportfirst manage "
            "criteria_adopt)."
        )
    return criteria


def eligibility_check(*, assessment: Assessment, answers: Answers) -> Checked:
    """Run the council's current criteria on the assessment's needs. Saves nothing."""
    criteria = decidable_criteria(assessment)
    case = case_for(assessment, answers)
    needs = {need_key(need): need for _person, need in needs_of(assessment)}
    return Checked(criteria, case, evaluate(criteria.criteria_set, case), needs)


def _departure_problems(checked: Checked, departures: Departures) -> list[str]:
    problems = []
    services = {s.service_code: s for s in checked.decision.services}
    needs = {n.need_id: n for n in checked.decision.needs}
    for code, departure in departures.services.items():
        if code not in services:
            problems.append("A service you decided about is not in these criteria. Check again.")
        elif not departure.reason.strip():
            problems.append(
                f"Give your professional reason for deciding differently about "
                f"{services[code].service_name}."
            )
    for need_id, departure in departures.needs.items():
        if need_id not in needs:
            problems.append("A need you decided about is no longer in the assessment. Check again.")
        elif not departure.reason.strip():
            problems.append("Give your professional reason for deciding differently about a need.")
    return problems


def answer_problems(assessment: Assessment, answers: Answers) -> list[str]:
    """What is missing from the gate answers: the child's description of the impact (when the
    child's needs are in the decision) and each assessed carer's own answers."""
    problems = []
    if assessment.is_child and not answers.wellbeing_impact.strip():
        problems.append("Describe the impact on wellbeing, or why there is none.")
    for person, name in carers_in(assessment):
        gates = answers.parent_carer if person == Kind.PARENT_CARER else answers.young_carer
        if gates is None:
            problems.append(f"Answer the questions about {name}'s own wellbeing.")
        elif not gates.wellbeing_impact.strip():
            problems.append(f"Describe the impact on {name}'s own wellbeing, or why there is none.")
    return problems


def eligibility_decide(
    *,
    actor: Actor,
    assessment: Assessment,
    answers: Answers,
    departures: Departures,
    criteria_id: int | None = None,
) -> EligibilityDecision:
    """The practitioner's decision, sent to a team manager to confirm. `criteria_id` is the
    version the practitioner saw: if a newer one has been published since, they check again."""
    problems = answer_problems(assessment, answers)
    if problems:
        raise MoveRefused(problems)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        checked = eligibility_check(assessment=locked, answers=answers)
        if criteria_id is not None and checked.criteria.pk != criteria_id:
            raise MoveRefused(
                [
                    f"New criteria were published while you were deciding (version "
                    f"{checked.criteria.version}). Check the result again before you send it."
                ]
            )
        live = EligibilityDecision.objects.filter(assessment=locked, status__in=LIVE_STATUSES)
        if live.exists():
            raise IllegalMove("There is already a decision for this assessment.")
        problems = _departure_problems(checked, departures)
        if problems:
            raise MoveRefused(problems)
        cleaned = Departures(
            services={
                code: Departure(d.met, d.reason.strip())
                for code, d in departures.services.items()
                if d.met != checked.decision.service(code).met
            },
            needs={
                key: Departure(d.met, d.reason.strip())
                for key, d in departures.needs.items()
                if d.met != checked.decision.need(key).met
            },
        )
        decision = EligibilityDecision.objects.create(
            family_id=locked.family_id,
            assessment=locked,
            criteria=checked.criteria,
            case=checked.case.to_dict(),
            result=checked.decision.to_dict(),
            departures=cleaned.to_dict(),
            status=DecisionStatus.AWAITING_CONFIRMATION,
            made_by=actor.user,
            made_at=timezone.now(),
        )
        departed = " with recorded departures" if cleaned.services or cleaned.needs else ""
        record_event(
            DECISION,
            decision,
            move="decide",
            to_status=DecisionStatus.AWAITING_CONFIRMATION,
            actor=actor.user,
            summary=(
                f"Eligibility decided using {checked.criteria.title}, version "
                f"{checked.criteria.version}{departed}: waiting for a manager to confirm"
            ),
        )
        log_access(actor, family_id=decision.family_id, record=decision, action=Action.CREATE)
    return decision


def family_tell(decision: EligibilityDecision) -> Told:
    """Tell the family a decision is confirmed, by the one route for telling families."""
    child = decision.assessment.child.first_name
    path = reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk})
    met = [line.name for line in decision.final_services() if line.met]
    if met:
        outcome = f"{child} is eligible for: {', '.join(met)}."
    else:
        outcome = f"The council has decided that {child}'s needs do not meet its criteria now."
    return tell_family(
        decision.family,
        DECISION_MADE,
        subject=f"The decision about support for {child}",
        body=(
            f"{outcome}\n\nYou can read each reason, the law it is made under, what would "
            f"change it, and how to ask for a review or complain, when you sign in: {path}\n"
        ),
    )


def eligibility_confirm(
    *,
    actor: Actor,
    decision: EligibilityDecision,
    tell_family: bool = True,
    reasons: Reasons | None = None,
) -> Told:
    """A team manager (not the one who made it) confirms the decision, with the reasons given
    for keeping flagged words, and the family is told once it is saved; returns what they were
    told (the demo loader passes tell_family=False, so that loading sends no email)."""
    with transaction.atomic():
        apply_move(
            DECISION,
            decision,
            "confirm",
            actor=actor.user,
            summary="Eligibility decision confirmed by a team manager",
        )
        decision.confirmed_by = actor.user
        decision.confirmed_at = timezone.now()
        decision.save(update_fields=["confirmed_by", "confirmed_at"])
        log_access(actor, family_id=decision.family_id, record=decision, action=Action.CHANGE)
        keep_reasons(reasons, decision, actor=actor)
    return family_tell(decision) if tell_family else NOT_TOLD


def eligibility_return(
    *, actor: Actor, decision: EligibilityDecision, reason: str
) -> EligibilityDecision:
    """A team manager returns the decision to the practitioner, saying why."""
    reason = reason.strip()
    with transaction.atomic():
        apply_move(
            DECISION,
            decision,
            "return",
            actor=actor.user,
            reason=reason,
            context={"reason": reason},
            summary="Eligibility decision returned to the practitioner to look at again",
        )
        decision.returned_by = actor.user
        decision.returned_at = timezone.now()
        decision.return_reason = reason
        decision.save(update_fields=["returned_by", "returned_at", "return_reason"])
        log_access(actor, family_id=decision.family_id, record=decision, action=Action.CHANGE)
    return decision
