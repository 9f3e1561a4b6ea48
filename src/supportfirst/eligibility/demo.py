"""The eligibility part of the demo story: the shipped criteria are published, and each demo
family whose child's assessment is authorised gets a decision made by their practitioner and
confirmed by the team manager, through the same services the pages use. Where a council's
criteria find nothing eligible, the practitioner decides differently for short breaks, with a
recorded professional reason (criteria are not applied mechanically)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from supportfirst.assessments.models import Assessment, AssessmentStatus, Kind
from supportfirst.audit.services import Actor
from supportfirst.councils.models import Council, Membership, Role
from supportfirst.councils.scoping import scope_for
from supportfirst.eligibility import services
from supportfirst.eligibility.adoption import criteria_adopt
from supportfirst.eligibility.models import (
    LIVE_STATUSES,
    CriteriaAdoption,
    CriteriaStatus,
    EligibilityDecision,
    PublishedCriteria,
)
from supportfirst.eligibility.publishing import criteria_publish_shipped
from supportfirst.eligibility.selectors import current_criteria

DEMO_ORDER = 10

SHORT_BREAKS = "short-breaks"


def _actor(user: object) -> Actor:
    return Actor(user, scope_for(user), "demo-loader")  # type: ignore[arg-type]


# How each demo council considered the equality impact of its criteria (invented, like the
# councils: a real council writes its own).
DEMO_EQUALITY_SUMMARY = (
    "An equality impact assessment was considered with the parent carer forum before adoption. "
    "The criteria look at needs, not diagnoses, so no group of disabled children is shut out; "
    "needs that come and go and the needs of parent carers and young carers are counted; and "
    "the published wording was read by families with different impairments and first languages."
)


def adopt_demo_criteria(council: Council) -> None:
    """A demo council adopts its own current published criteria, recording the sign-offs the
    file names for the council and the forum; and each later published version of its own,
    signed off by both but not in force yet (Northmoor's 1.2, from 4 January 2027), on the day
    of the later signature, so decisions go on when it comes into force. Versions are never
    changed: a new one is a new file, adopted in its own right."""
    today = timezone.localdate()
    criteria = current_criteria(council.la_code, today)
    if criteria is not None:
        signed = _signed(criteria)
        if signed is not None:
            _adopt(
                council,
                criteria,
                signed,
                max(criteria.effective_from, date.fromisoformat(signed["council"]["on"])),
            )
    later = PublishedCriteria.objects.filter(
        owner=council.la_code, status=CriteriaStatus.PUBLISHED, effective_from__gt=today
    ).order_by("effective_from", "pk")
    for row in later:
        signed = _signed(row)
        if signed is None:
            continue
        adopted_on = max(date.fromisoformat(s["on"]) for s in signed.values())
        if adopted_on <= today:
            _adopt(council, row, signed, adopted_on)


def _signed(criteria: PublishedCriteria) -> dict[str, dict[str, str]] | None:
    """The file's sign-offs by kind, when both the council and the forum signed."""
    signed = {s.get("kind"): s for s in criteria.sign_off}
    if "council" not in signed or "parent_carer_forum" not in signed:
        return None
    return {kind: signed[kind] for kind in ("council", "parent_carer_forum")}


def _adopt(
    council: Council,
    criteria: PublishedCriteria,
    signed: dict[str, dict[str, str]],
    adopted_on: date,
) -> None:
    if CriteriaAdoption.objects.filter(criteria=criteria).exists():
        return
    criteria_adopt(
        council=council,
        criteria=criteria,
        council_signatory=f"{signed['council']['name']}, {signed['council']['organisation']}",
        forum_signatory=(
            f"{signed['parent_carer_forum']['name']}, "
            f"{signed['parent_carer_forum']['organisation']}"
        ),
        adopted_on=adopted_on,
        equality_impact_summary=DEMO_EQUALITY_SUMMARY,
    )


def load_demo() -> None:
    criteria_publish_shipped()
    for council in Council.objects.filter(is_demo=True).order_by("pk"):
        adopt_demo_criteria(council)
    decided = EligibilityDecision.objects.filter(status__in=LIVE_STATUSES).values("assessment_id")
    for council in Council.objects.filter(is_demo=True).order_by("pk"):
        manager = (
            Membership.objects.filter(council=council, role=Role.TEAM_MANAGER)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if manager is None:
            continue
        assessments = (
            Assessment.objects.filter(
                family__council=council, kind=Kind.CHILD, status=AssessmentStatus.AUTHORISED
            )
            .exclude(pk__in=decided)
            .select_related("family", "family__allocated_worker", "child")
            .order_by("pk")
        )
        for assessment in assessments:
            worker = assessment.family.allocated_worker or assessment.started_by
            _decide(assessment, _actor(worker), _actor(manager.user))


def _decide(assessment: Assessment, worker: Actor, manager: Actor) -> None:
    name = assessment.child.first_name
    answers = services.Answers(
        arises_from_impairment_or_illness=True,
        significant_impact_on_wellbeing=True,
        wellbeing_impact=(
            f"{name} cannot be left alone safely, so the family gets no rest and {name} misses "
            "out on time with other children."
        ),
    )
    checked = services.eligibility_check(assessment=assessment, answers=answers)
    departures = services.Departures()
    if not checked.decision.eligible and any(
        s.service_code == SHORT_BREAKS for s in checked.decision.services
    ):
        departures = services.Departures(
            services={
                SHORT_BREAKS: services.Departure(
                    met=True,
                    reason=(
                        f"Only one area of {name}'s life is affected, but {name} needs someone "
                        "with them all day and no one else at home can give this care safely. "
                        "Without a regular break the family cannot keep going."
                    ),
                )
            }
        )
    decision = services.eligibility_decide(
        actor=worker, assessment=assessment, answers=answers, departures=departures
    )
    if worker.user.pk != manager.user.pk:
        services.eligibility_confirm(actor=manager, decision=decision, tell_family=False)
