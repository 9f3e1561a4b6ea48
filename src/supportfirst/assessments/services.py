"""Writing needs assessments: offers and their answers, areas, needs, the parent carer's
decisions, the family's comments, and the moves (ready for the family, authorised).

Every function here is the one way to make its change. Each writes the access log; each move
goes through the workflow (moves.py), which writes a PathwayEvent. The family's account and the
family's comments are never changed once saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from supportfirst.assessments import moves
from supportfirst.assessments.areas import area_codes_for
from supportfirst.assessments.models import (
    Assessment,
    AssessmentArea,
    AssessmentOffer,
    CarerDecisions,
    FamilyAccount,
    FamilyComment,
    Kind,
    Need,
    OfferAnswer,
    OfferKind,
)
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.families.advocacy import (
    AdvocacyAnswer,
    AdvocacyInput,
    advocacy_problems,
    advocacy_values,
)
from supportfirst.families.models import ParentCarer, Sibling
from supportfirst.families.moves import move_family
from supportfirst.kernel.workflow import (
    IllegalMove,
    MoveRefused,
    apply_move,
    check_move,
    record_event,
)
from supportfirst.notifications import family_events
from supportfirst.pathway.models import PathwayEvent, SupportRequest
from supportfirst.wording.services import Reasons, keep_reasons

# How an assessment names itself on the reasons kept for its flagged words.
RECORD_TYPE = "assessments.assessment"


def _event(
    *, actor: Actor, record: Assessment | AssessmentOffer, move: str, to: str, summary: str
) -> PathwayEvent:
    """An event for the request's timeline that is not a change of state (a start, an offer,
    a comment)."""
    return record_event(
        moves.ASSESSMENT if isinstance(record, Assessment) else moves.OFFER,
        record,
        move=move,
        to_status=to,
        actor=actor.user,
        summary=summary,
    )


def _set_stage(assessment: Assessment, move: str) -> None:
    """The family's stage follows the child's assessment."""
    if assessment.kind == Kind.CHILD:
        move_family(assessment.family_id, move)


def _first_child_assessment(request_id: int) -> Assessment | None:
    return Assessment.objects.filter(request_id=request_id, kind=Kind.CHILD).first()


def create_areas(assessment: Assessment) -> list[AssessmentArea]:
    """The assessment's areas of life, in order. Growing up is there from the child's 14th
    birthday on the day the assessment starts."""
    age = assessment.child.age_on(assessment.started_on)
    codes = area_codes_for(assessment.kind, child_age=age)
    return AssessmentArea.objects.bulk_create(
        AssessmentArea(family_id=assessment.family_id, assessment=assessment, code=c, position=i)
        for i, c in enumerate(codes, start=1)
    )


def _start(
    *,
    actor: Actor,
    request: SupportRequest,
    kind: str,
    parent_carer: ParentCarer | None = None,
    sibling: Sibling | None = None,
    combined_with: Assessment | None = None,
) -> Assessment:
    assessment = Assessment.objects.create(
        family_id=request.family_id,
        request=request,
        kind=kind,
        child=request.child,
        parent_carer=parent_carer,
        sibling=sibling,
        combined_with=combined_with,
        started_on=timezone.localdate(),
        started_by=actor.user,
    )
    create_areas(assessment)
    together = f", together with {combined_with.title}" if combined_with else ""
    _event(
        actor=actor,
        record=assessment,
        move="start",
        to=assessment.status,
        summary=f"{assessment.title} started{together}",
    )
    log_access(actor, family_id=request.family_id, record=assessment, action=Action.CREATE)
    return assessment


def _offer(
    *,
    actor: Actor,
    request: SupportRequest,
    parent_carer: ParentCarer | None = None,
    sibling: Sibling | None = None,
) -> AssessmentOffer:
    kind = OfferKind.PARENT_CARER if parent_carer else OfferKind.YOUNG_CARER
    offer = AssessmentOffer.objects.create(
        family_id=request.family_id,
        request=request,
        kind=kind,
        parent_carer=parent_carer,
        sibling=sibling,
        offered_at=timezone.now(),
        offered_by=actor.user,
    )
    what = "a parent carer's" if parent_carer else "a young carer's"
    _event(
        actor=actor,
        record=offer,
        move="offer",
        to=offer.answer,
        summary=f"{offer.person_name} offered {what} needs assessment",
    )
    log_access(actor, family_id=request.family_id, record=offer, action=Action.CREATE)
    return offer


@transaction.atomic
def offer_assessments(*, actor: Actor, request: SupportRequest) -> list[AssessmentOffer]:
    """When a request goes on the support pathway: start the child's needs assessment, and offer
    one to each parent carer (s17ZD) and to each brother or sister who helps to care (s17ZA).
    Safe to call twice: nothing is made twice."""
    if _first_child_assessment(request.pk) is None:
        _start(actor=actor, request=request, kind=Kind.CHILD)
    move_family(request.family_id, "assessment_started")
    offered_carers = set(
        AssessmentOffer.objects.filter(request=request).values_list("parent_carer_id", flat=True)
    )
    offered_siblings = set(
        AssessmentOffer.objects.filter(request=request).values_list("sibling_id", flat=True)
    )
    offers = [
        _offer(actor=actor, request=request, parent_carer=carer)
        for carer in ParentCarer.objects.filter(family_id=request.family_id).order_by("pk")
        if carer.pk not in offered_carers
    ]
    offers += [
        _offer(actor=actor, request=request, sibling=sibling)
        for sibling in Sibling.objects.filter(
            family_id=request.family_id, helps_to_care=True
        ).order_by("pk")
        if sibling.pk not in offered_siblings
    ]
    for offer in offers:
        if _was_asked_for(request, offer):
            _record_asked_for(actor=actor, offer=offer)
    return offers


def _parent_who_asked(request: SupportRequest) -> int | None:
    """The parent carer who asked for help for themselves: the one who made the request (by
    name), or the family's only (or first) parent carer."""
    carers = list(ParentCarer.objects.filter(family_id=request.family_id).order_by("pk"))
    if not carers:
        return None
    named = [c for c in carers if c.full_name.strip().lower() == request.requester_name.lower()]
    return (named or carers)[0].pk


def _was_asked_for(request: SupportRequest, offer: AssessmentOffer) -> bool:
    """Whether the request itself asked for this person's assessment: a parent asking for help
    for themselves (s17ZD), or a young carer's assessment asked for by them or a parent
    (s17ZA)."""
    if offer.kind == OfferKind.PARENT_CARER:
        return request.parent_asked_for_own_assessment and (
            offer.parent_carer_id == _parent_who_asked(request)
        )
    return request.young_carer_assessment_asked


def _record_asked_for(*, actor: Actor, offer: AssessmentOffer) -> None:
    """The person asked for their assessment: record it as requested and start it, since a
    request must be met."""
    apply_move(
        moves.OFFER,
        offer,
        "requested",
        actor=actor.user,
        summary=f"{offer.person_name} asked for the assessment when asking for help: it has "
        "started",
    )
    offer.answered_at = timezone.now()
    offer.recorded_by = actor.user if actor.user.is_authenticated else None
    offer.assessment = _start(
        actor=actor,
        request=offer.request,
        kind=offer.assessment_kind,
        parent_carer=offer.parent_carer,
        sibling=offer.sibling,
    )
    offer.save(update_fields=["answered_at", "recorded_by", "assessment"])


@transaction.atomic
def offer_answer(*, actor: Actor, offer: AssessmentOffer, answer: str) -> Assessment | None:
    """Record a person's answer to an offer. Accepting makes their assessment; combining makes
    it done together with the child's; declining records the answer only."""
    name = moves.MOVE_FOR_ANSWER.get(OfferAnswer(answer))
    if name is None:
        raise MoveRefused(["Select their answer."])
    summaries = {
        "accept": f"{offer.person_name} accepted the offer of an assessment",
        "combine": f"{offer.person_name} accepted the offer of an assessment, "
        "to be done together with the child's",
        "decline": f"{offer.person_name} declined the offer of an assessment for now",
    }
    apply_move(moves.OFFER, offer, name, actor=actor.user, summary=summaries[name])
    offer.answered_at = timezone.now()
    offer.recorded_by = actor.user
    if name != "decline" and offer.assessment_id is None:
        combined_with = _first_child_assessment(offer.request_id) if name == "combine" else None
        offer.assessment = _start(
            actor=actor,
            request=offer.request,
            kind=offer.assessment_kind,
            parent_carer=offer.parent_carer,
            sibling=offer.sibling,
            combined_with=combined_with,
        )
    offer.save(update_fields=["answered_at", "recorded_by", "assessment"])
    log_access(actor, family_id=offer.family_id, record=offer, action=Action.CHANGE)
    return offer.assessment


def _lock_in_progress(assessment: Assessment) -> Assessment:
    """The assessment, locked for this transaction; IllegalMove unless it is in progress."""
    locked: Assessment = check_move(moves.ASSESSMENT, assessment, "edit", actor=None)
    return locked


class AreaChanged(MoveRefused):
    """Someone else saved the area since the page was opened: nothing is overwritten."""

    def __init__(self, current: AssessmentArea) -> None:
        super().__init__(
            [
                "Someone else saved this area while you were writing. Your text is still here, "
                "and what they saved is shown above it: check both, then save again."
            ]
        )
        self.current = current


@dataclass(frozen=True)
class AreaInput:
    """What the practitioner wrote on an area's page."""

    family_account: str = ""
    family_account_by: str = ""
    child_view: str = ""
    child_view_how: tuple[str, ...] = ()
    child_view_through_whom: str = ""
    practitioner_analysis: str = ""
    nothing_to_add: bool = False
    completed: bool = False


@transaction.atomic
def area_save(
    *, actor: Actor, area: AssessmentArea, given: AreaInput, version: int | None = None
) -> AssessmentArea:
    """Save an area. The family's account is added as a new, attributed entry and never
    changes; the rest can be changed while the assessment is in progress."""
    _lock_in_progress(area.assessment)
    current = AssessmentArea.objects.select_for_update().get(pk=area.pk)
    if version is not None and version != current.version:
        raise AreaChanged(current)
    problems = []
    account = given.family_account.strip()
    if account and not given.family_account_by.strip():
        problems.append("Enter who told us, for example “Claire Hughes (Mum)”.")
    if given.completed and not (given.practitioner_analysis.strip() or given.nothing_to_add):
        problems.append(
            "Write your analysis, or tick that you have nothing to add, before marking this "
            "area as complete."
        )
    if problems:
        raise MoveRefused(problems)
    now = timezone.now()
    if account:
        entry = FamilyAccount.objects.create(
            family_id=area.family_id,
            area=current,
            text=account,
            said_by=given.family_account_by.strip(),
            recorded_by=actor.user,
            recorded_at=now,
        )
        log_access(actor, family_id=area.family_id, record=entry, action=Action.CREATE)
    is_child = current.assessment.kind == Kind.CHILD
    current.child_view = given.child_view if is_child else ""
    current.child_view_how = list(given.child_view_how) if is_child else []
    current.child_view_through_whom = given.child_view_through_whom if is_child else ""
    current.practitioner_analysis = given.practitioner_analysis
    current.nothing_to_add = given.nothing_to_add
    current.completed = given.completed
    current.version += 1
    current.updated_by = actor.user
    current.updated_at = now
    current.save()
    log_access(actor, family_id=area.family_id, record=current, action=Action.CHANGE)
    return current


@dataclass(frozen=True)
class NeedInput:
    description: str
    how_often: str
    cannot_without_help: bool = False
    only_with_pain_distress_or_anxiety: bool = False
    only_with_danger: bool = False
    takes_much_longer: bool = False
    # The age comparator, for a child's need; None for a carer's.
    more_than_same_age: bool | None = None
    # Some days are much harder than others: the flags are how it is on the hard days.
    fluctuates: bool = False


@transaction.atomic
def need_add(*, actor: Actor, area: AssessmentArea, given: NeedInput) -> Need:
    _lock_in_progress(area.assessment)
    if not given.description.strip():
        raise MoveRefused(["Describe the need."])
    need = Need.objects.create(
        family_id=area.family_id,
        area=area,
        description=given.description.strip(),
        how_often=given.how_often,
        cannot_without_help=given.cannot_without_help,
        only_with_pain_distress_or_anxiety=given.only_with_pain_distress_or_anxiety,
        only_with_danger=given.only_with_danger,
        takes_much_longer=given.takes_much_longer,
        more_than_same_age=given.more_than_same_age,
        fluctuates=given.fluctuates,
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
    log_access(actor, family_id=area.family_id, record=need, action=Action.CREATE)
    return need


@transaction.atomic
def need_remove(*, actor: Actor, need: Need) -> AssessmentArea:
    """Take a need off an assessment that is still in progress."""
    area = need.area
    _lock_in_progress(area.assessment)
    log_access(actor, family_id=need.family_id, record=need, action=Action.DELETE)
    need.delete()
    return area


@dataclass(frozen=True)
class DecisionsInput:
    carer_has_needs: bool
    carer_has_needs_reason: str
    child_has_needs: bool
    child_has_needs_reason: str
    services_could_meet: bool
    services_could_meet_reason: str
    council_will_provide: bool
    council_will_provide_reason: str


@transaction.atomic
def carer_decisions_save(
    *, actor: Actor, assessment: Assessment, given: DecisionsInput
) -> CarerDecisions:
    """The four decisions at the end of a parent carer's assessment, each with its reason."""
    if assessment.kind != Kind.PARENT_CARER:
        raise IllegalMove("Only a parent carer's assessment ends with these four decisions.")
    _lock_in_progress(assessment)
    values = {name: getattr(given, name) for name in DecisionsInput.__dataclass_fields__}
    missing = [q for q in CarerDecisions.QUESTIONS if not str(values[f"{q}_reason"]).strip()]
    if missing:
        raise MoveRefused(["Write the reason for each decision."])
    decisions, created = CarerDecisions.objects.update_or_create(
        assessment=assessment,
        defaults={
            **values,
            "family_id": assessment.family_id,
            "decided_by": actor.user,
            "decided_at": timezone.now(),
        },
    )
    log_access(
        actor,
        family_id=assessment.family_id,
        record=decisions,
        action=Action.CREATE if created else Action.CHANGE,
    )
    return decisions


@transaction.atomic
def advocacy_save(*, actor: Actor, assessment: Assessment, given: AdvocacyInput) -> Assessment:
    """The offer of an independent advocate to the child or young person assessed, and their
    answer; it can change until the assessment is authorised."""
    if not assessment.advocacy_applies:
        raise IllegalMove("Advocacy is recorded on a child's or a young carer's assessment.")
    locked: Assessment = check_move(
        moves.ASSESSMENT, assessment, "record_advocacy", actor=actor.user
    )
    problems = advocacy_problems(given, today=timezone.localdate())
    if problems:
        raise MoveRefused(problems)
    values = advocacy_values(given, user=actor.user)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*values])
    _event(
        actor=actor,
        record=locked,
        move="record_advocacy",
        to=locked.status,
        summary=f"Advocacy for {locked.subject_name}: "
        f"{AdvocacyAnswer(given.answer).label.split(':')[0].lower()}",
    )
    log_access(actor, family_id=assessment.family_id, record=locked, action=Action.CHANGE)
    return locked


@transaction.atomic
def mark_ready(
    *, actor: Actor, assessment: Assessment, reasons: Reasons | None = None
) -> Assessment:
    """The draft is ready for the family to read and comment on; the reasons given for keeping
    flagged words are stored with it (the team manager reads them before authorising)."""
    apply_move(
        moves.ASSESSMENT,
        assessment,
        "mark_ready",
        actor=actor.user,
        summary=f"{assessment.title} is ready for the family to read",
    )
    _set_stage(assessment, "family_reading")
    log_access(actor, family_id=assessment.family_id, record=assessment, action=Action.CHANGE)
    keep_reasons(reasons, assessment, actor=actor)
    family_events.assessment_ready(assessment)
    return assessment


@transaction.atomic
def reopen(*, actor: Actor, assessment: Assessment) -> Assessment:
    """Back to in progress so the practitioner can make more changes (the family's comments
    stay)."""
    apply_move(
        moves.ASSESSMENT,
        assessment,
        "reopen",
        actor=actor.user,
        summary=f"{assessment.title} is being changed before it is authorised",
    )
    _set_stage(assessment, "assessment_started")
    log_access(actor, family_id=assessment.family_id, record=assessment, action=Action.CHANGE)
    return assessment


@transaction.atomic
def authorise(
    *,
    actor: Actor,
    assessment: Assessment,
    late_reason: str = "",
    today: date | None = None,
    reasons: Reasons | None = None,
) -> Assessment:
    """A team manager authorises the assessment; later than 45 working days after the request
    needs a recorded reason (and flagged words kept need theirs, stored with it)."""
    today = today or timezone.localdate()
    reason = late_reason.strip() if today > assessment.request.assessment_due else ""
    apply_move(
        moves.ASSESSMENT,
        assessment,
        "authorise",
        actor=actor.user,
        reason=reason,
        context={"today": today, "late_reason": late_reason},
        summary=f"{assessment.title} authorised" + (", late, with a reason" if reason else ""),
    )
    assessment.authorised_by = actor.user
    assessment.authorised_at = timezone.now()
    assessment.late_reason = reason
    assessment.save(update_fields=["authorised_by", "authorised_at", "late_reason"])
    _set_stage(assessment, "planning")
    log_access(actor, family_id=assessment.family_id, record=assessment, action=Action.CHANGE)
    keep_reasons(reasons, assessment, actor=actor)
    return assessment


@transaction.atomic
def family_comment_add(
    *, actor: Actor, assessment: Assessment, text: str, area: AssessmentArea | None = None
) -> FamilyComment:
    """A family member's comment on the draft, kept apart from the staff text. Only a member of
    this family, and only once the draft is ready for them."""
    scope = actor.scope
    if not scope.is_family or scope.family_id != assessment.family_id:
        raise PermissionDenied("Only the family can comment on their assessment.")
    if area is not None and area.assessment_id != assessment.pk:
        raise PermissionDenied("That area is not part of this assessment.")
    locked: Assessment = check_move(
        moves.ASSESSMENT, assessment, "family_comment", actor=actor.user, context={"text": text}
    )
    comment = FamilyComment.objects.create(
        family_id=assessment.family_id,
        assessment=assessment,
        area=area,
        author=actor.user,
        text=text.strip(),
        created_at=timezone.now(),
    )
    about = f" about “{area.label}”" if area is not None else ""
    _event(
        actor=actor,
        record=locked,
        move="family_comment",
        to=locked.status,
        summary=f"The family commented on {locked.title}{about}",
    )
    log_access(actor, family_id=assessment.family_id, record=comment, action=Action.CREATE)
    return comment
