"""Reading published criteria (public) and eligibility decisions (staff and families, through
the scoping layer; every read of one family's decision is written to the access log)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from supportfirst.assessments.models import Assessment, AssessmentStatus, Kind
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Council, Role
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.eligibility.models import (
    LIVE_STATUSES,
    NATIONAL,
    CriteriaStatus,
    DecisionStatus,
    EligibilityDecision,
    PublishedCriteria,
)

# ---------------------------------------------------------------------------------------------
# Published criteria (public pages, and the set a decision uses)

PUBLIC_STATUSES = (CriteriaStatus.PUBLISHED, CriteriaStatus.RETIRED)


def _shown_rows(owner: str) -> QuerySet[PublishedCriteria]:
    """What the public may read for an owner: a council's published and retired versions; the
    national model in every version (it is a model, which councils adopt and sign off)."""
    rows = PublishedCriteria.objects.filter(owner=owner)
    if owner != NATIONAL:
        rows = rows.filter(status__in=PUBLIC_STATUSES)
    return rows.order_by("-effective_from", "-pk")


def _current_of(rows: list[PublishedCriteria], owner: str, today: date) -> PublishedCriteria | None:
    """The version in force: the latest published one whose date has come. For the national
    model, the latest one whose date has come whatever its status (or the latest of all)."""
    ordered = sorted(rows, key=lambda r: (r.effective_from, r.pk), reverse=True)
    usable = [
        r
        for r in ordered
        if r.effective_from <= today and (owner == NATIONAL or r.status == CriteriaStatus.PUBLISHED)
    ]
    if usable:
        return usable[0]
    if owner == NATIONAL and ordered:
        return ordered[0]
    return None


def current_criteria(owner: str, today: date | None = None) -> PublishedCriteria | None:
    today = today or timezone.localdate()
    return _current_of(list(_shown_rows(owner)), owner, today)


def criteria_for_council(council: Council, today: date | None = None) -> PublishedCriteria | None:
    """The set an eligibility decision in this council uses: the council's own current criteria,
    or the national model when the council has published none yet."""
    return current_criteria(council.la_code, today) or current_criteria(NATIONAL, today)


@dataclass(frozen=True)
class CouncilCriteria:
    council: Council
    current: PublishedCriteria | None


@dataclass(frozen=True)
class CriteriaIndex:
    councils: list[CouncilCriteria]
    national: PublishedCriteria | None


def criteria_index(today: date | None = None) -> CriteriaIndex:
    """Every council with its current criteria, and the national model. Two queries."""
    today = today or timezone.localdate()
    councils = list(Council.objects.order_by("name"))
    by_owner: dict[str, list[PublishedCriteria]] = {}
    rows = PublishedCriteria.objects.defer("text").order_by("-effective_from", "-pk")
    for row in rows:
        if row.owner == NATIONAL or row.status in PUBLIC_STATUSES:
            by_owner.setdefault(row.owner, []).append(row)
    return CriteriaIndex(
        councils=[
            CouncilCriteria(c, _current_of(by_owner.get(c.la_code, []), c.la_code, today))
            for c in councils
        ],
        national=_current_of(by_owner.get(NATIONAL, []), NATIONAL, today),
    )


@dataclass(frozen=True)
class CriteriaPage:
    """One owner's criteria as the public sees them."""

    council: Council | None
    shown: PublishedCriteria | None
    current: PublishedCriteria | None
    versions: list[PublishedCriteria]

    @property
    def owner_name(self) -> str:
        return self.council.name if self.council else "Support First model criteria"

    @property
    def is_national(self) -> bool:
        return self.council is None

    @property
    def is_current(self) -> bool:
        return self.shown is not None and self.current is not None and self.shown == self.current

    @property
    def other_versions(self) -> list[PublishedCriteria]:
        return [v for v in self.versions if v != self.shown]

    @property
    def previous(self) -> PublishedCriteria | None:
        """The version published before the one shown (by date in force), if any."""
        if self.shown is None or self.shown not in self.versions:
            return None
        later = self.versions.index(self.shown) + 1
        return self.versions[later] if later < len(self.versions) else None


def criteria_page(slug: str, version: str | None = None, today: date | None = None) -> CriteriaPage:
    """A council's criteria (by the council's slug; "national" is the national model): the
    current version, or the one asked for, with every version the public may read."""
    today = today or timezone.localdate()
    council = None
    owner = NATIONAL
    if slug != NATIONAL:
        council = Council.objects.filter(slug=slug).first()
        if council is None:
            raise Http404("No council has that name here.")
        owner = council.la_code
    versions = list(_shown_rows(owner))
    current = _current_of(versions, owner, today)
    shown = current
    if version is not None:
        shown = next((v for v in versions if v.version == version), None)
        if shown is None:
            raise Http404("There is no such version of these criteria.")
    return CriteriaPage(council, shown, current, versions)


# ---------------------------------------------------------------------------------------------
# Eligibility decisions (staff)

_DECISION_RELATED = (
    "family",
    "family__council",
    "assessment",
    "assessment__child",
    "assessment__parent_carer",
    "assessment__sibling",
    "assessment__request",
    "criteria",
    "made_by",
    "confirmed_by",
    "returned_by",
)


def decide_assessment_read(*, actor: Actor, assessment_id: int) -> Assessment:
    """The child's assessment eligibility is decided on, for staff; logged as a view."""
    queryset = Assessment.objects.select_related(
        "family", "family__council", "child", "request"
    ).prefetch_related("combined_assessments")
    assessment = get_visible_or_404(queryset, actor.scope, pk=assessment_id)
    log_access(actor, family_id=assessment.family_id, record=assessment)
    return assessment


def decisions_of_assessment(*, scope: Scope, assessment: Assessment) -> list[EligibilityDecision]:
    """Every decision made on one assessment, newest first (returned ones too)."""
    return list(
        EligibilityDecision.objects.visible_to(scope)
        .filter(assessment=assessment)
        .select_related("criteria", "made_by", "confirmed_by", "returned_by")
        .order_by("-made_at", "-pk")
    )


def live_decision(decisions: list[EligibilityDecision]) -> EligibilityDecision | None:
    return next((d for d in decisions if d.status in LIVE_STATUSES), None)


def decision_read(*, actor: Actor, decision_id: int) -> EligibilityDecision:
    """One decision, for staff; logged as a view."""
    queryset = EligibilityDecision.objects.select_related(*_DECISION_RELATED)
    decision = get_visible_or_404(queryset, actor.scope, pk=decision_id)
    log_access(actor, family_id=decision.family_id, record=decision)
    return decision


def staff_text_of(decision: EligibilityDecision) -> dict[str, str]:
    """The practitioner's own words in a decision, named by where they are."""
    texts = {"the impact on wellbeing": str(decision.case.get("wellbeing_impact", ""))}
    for line in decision.final_services():
        if line.departed:
            texts[f"the reason about {line.name}"] = line.departure_reason
    for number, need in enumerate(decision.final_needs(), start=1):
        if need.departed:
            texts[f"the reason about need {number}"] = need.departure_reason
    return {place: text for place, text in texts.items() if text.strip()}


@dataclass(frozen=True)
class StaffLists:
    ready: list[Assessment]
    awaiting: list[EligibilityDecision]
    returned: list[EligibilityDecision]
    confirmed: list[EligibilityDecision]


RECENT = 50


def staff_lists(*, scope: Scope) -> StaffLists:
    """Authorised child assessments with no decision yet, decisions waiting for a manager,
    decisions returned, and the most recent confirmed ones. A fixed number of queries."""
    live = EligibilityDecision.objects.filter(status__in=LIVE_STATUSES).values("assessment_id")
    ready = list(
        Assessment.objects.visible_to(scope)
        .filter(
            Q(kind=Kind.CHILD)
            | Q(kind__in=(Kind.PARENT_CARER, Kind.YOUNG_CARER), combined_with__isnull=True),
            status=AssessmentStatus.AUTHORISED,
        )
        .exclude(pk__in=live)
        .select_related("family", "child", "parent_carer", "sibling")
        .order_by("authorised_at", "pk")
    )
    decisions = EligibilityDecision.objects.visible_to(scope).select_related(
        "family",
        "assessment__child",
        "assessment__parent_carer",
        "assessment__sibling",
        "criteria",
        "made_by",
        "confirmed_by",
    )
    awaiting = list(
        decisions.filter(status=DecisionStatus.AWAITING_CONFIRMATION).order_by("made_at", "pk")
    )
    returned_rows = decisions.filter(status=DecisionStatus.RETURNED).exclude(assessment_id__in=live)
    returned = list(returned_rows.order_by("-returned_at", "-pk")[:RECENT])
    confirmed = list(
        decisions.filter(status=DecisionStatus.CONFIRMED).order_by("-confirmed_at", "-pk")[:RECENT]
    )
    return StaffLists(ready, awaiting, returned, confirmed)


# ---------------------------------------------------------------------------------------------
# Eligibility decisions (families: confirmed ones only; a young person reads only their own)


def family_visible(scope: Scope) -> QuerySet[EligibilityDecision]:
    rows = EligibilityDecision.objects.visible_to(scope).filter(status=DecisionStatus.CONFIRMED)
    if scope.role == Role.YOUNG_PERSON:
        rows = rows.filter(assessment__child_id=scope.child_id)
    return rows


def family_decisions(*, scope: Scope) -> list[EligibilityDecision]:
    return list(
        family_visible(scope)
        .select_related(
            "assessment__child", "assessment__parent_carer", "assessment__sibling", "criteria"
        )
        .order_by("-confirmed_at", "-pk")
    )


def family_decision_read(*, actor: Actor, decision_id: int) -> EligibilityDecision:
    queryset = family_visible(actor.scope).select_related(*_DECISION_RELATED)
    try:
        decision = queryset.get(pk=decision_id)
    except EligibilityDecision.DoesNotExist as exc:
        raise Http404("No such decision.") from exc
    log_access(actor, family_id=decision.family_id, record=decision)
    return decision


# ---------------------------------------------------------------------------------------------
# Carers' own decisions, seen from the child's decision (for letters and pages)

_CARER_WORDS = {
    Kind.PARENT_CARER: ("as a parent carer", "17ZF", "a parent carer's assessment", "17ZD"),
    Kind.YOUNG_CARER: ("as a young carer", "17ZC", "a young carer's assessment", "17ZA"),
}


def separate_carer_notes(decision: EligibilityDecision) -> list[str]:
    """What is true about each carer whose own needs were not in this decision: decided
    separately (with the date), being assessed separately, or not assessed (and how to ask).
    Never says a carer was not assessed when they were."""
    people = {
        getattr(line, "for_whom", "child")
        for line in decision.final_services()
        if not getattr(line, "assessed", True)
    }
    notes = []
    for person in (Kind.PARENT_CARER, Kind.YOUNG_CARER):
        if person not in people:
            continue
        as_whom, decided_in, assessment_name, assessed_in = _CARER_WORDS[person]
        theirs = list(
            Assessment.objects.filter(request_id=decision.assessment.request_id, kind=person)
            .select_related("parent_carer", "sibling")
            .order_by("pk")
        )
        if not theirs:
            notes.append(
                f"We have not assessed anyone's own needs {as_whom} with this request. You can "
                f"ask for {assessment_name} at any time, and we must do it (Children Act 1989, "
                f"section {assessed_in}). The only exception is when we have assessed the same "
                "person before and nothing has changed since."
            )
            continue
        decided = {
            d.assessment_id: d
            for d in EligibilityDecision.objects.filter(
                assessment__in=theirs, status=DecisionStatus.CONFIRMED
            )
        }
        for assessment in theirs:
            name = assessment.subject_name
            found = decided.get(assessment.pk)
            if found is not None and found.confirmed_at is not None:
                notes.append(
                    f"We assessed {name}'s own needs {as_whom} separately, and made a separate "
                    f"decision about them on {found.confirmed_at:%-d %B %Y} (Children Act "
                    f"1989, section {decided_in})."
                )
            else:
                notes.append(
                    f"{name}'s own needs {as_whom} are being assessed separately. We will "
                    f"write about our decision on them (Children Act 1989, section "
                    f"{decided_in})."
                )
    return notes


def adoptable_criteria(*, scope: Scope) -> list[PublishedCriteria]:
    """The council's own published versions that the parent carer forum signed off and the
    council has not adopted yet, newest first: what a manager can adopt on a page."""
    council = Council.objects.get(pk=scope.council_id)
    rows = PublishedCriteria.objects.filter(
        owner=council.la_code, status=CriteriaStatus.PUBLISHED, adoption__isnull=True
    ).order_by("-effective_from", "-pk")
    return [row for row in rows if row.sign_off_forum]


def adoptable_read(*, scope: Scope, criteria_id: int) -> PublishedCriteria:
    """One version the manager's council can adopt now, or 404 (another council's, not signed
    off by the forum, or adopted already)."""
    for row in adoptable_criteria(scope=scope):
        if row.pk == criteria_id:
            return row
    raise Http404("No criteria to adopt here.")
