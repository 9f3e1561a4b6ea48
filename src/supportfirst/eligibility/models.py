"""Published eligibility criteria, and the eligibility decisions made with them.

A `PublishedCriteria` row is one version of one criteria set, exactly as it was published: the
file's whole text and its digest are kept, and the row is never changed once stored. A newer
version is a new row. The plain-Python `supportfirst.rules.criteria` package reads the text.

An `EligibilityDecision` applies one published version to the needs found in an authorised
child's assessment. It keeps the case the criteria were run on and the criteria's whole
result as JSON, so a later version of the criteria never changes an old decision. The
practitioner may decide differently from the criteria for any need or service, only with a
recorded professional reason; a team manager confirms the decision (not their own) or returns
it with a reason. The life of a decision:

    awaiting_confirmation --confirm--> confirmed   (a team manager who did not make it)
    awaiting_confirmation --return--> returned     (with a reason; the practitioner decides again)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import models

from supportfirst.councils.models import Council
from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing
from supportfirst.kernel.due import clock_due, stored_changes, with_stored
from supportfirst.kernel.versioning import Versioned
from supportfirst.rules.criteria import CriteriaSet, Decision, LegalBasis, load_text
from supportfirst.rules.criteria.areas import area_name

NATIONAL = "national"
DECIDED_UNDER = {
    "parent_carer": "Children Act 1989, section 17ZF",
    "young_carer": "Children Act 1989, section 17ZC",
}


class CriteriaStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class SignOffKind(models.TextChoices):
    COUNCIL = "council", "Council"
    PARENT_CARER_FORUM = "parent_carer_forum", "Parent carer forum"


@lru_cache(maxsize=64)
def _parsed(digest: str, text: str, source: str) -> CriteriaSet:
    """A stored text parsed once per process (the digest keys it: the text never changes)."""
    return load_text(text, source)


class PublishedCriteria(models.Model):
    """One version of one criteria set, as published. Immutable once stored."""

    set_id = models.CharField(max_length=80)
    owner = models.CharField(
        max_length=10, help_text='"national", or the three-digit LA code of the council.'
    )
    version = models.CharField(max_length=40)
    effective_from = models.DateField()
    status = models.CharField(max_length=12, choices=CriteriaStatus.choices)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    sign_off = models.JSONField(
        default=list,
        blank=True,
        help_text="Who signed it off: a list of {name, organisation, kind, on (ISO date)}.",
    )
    text = models.TextField(help_text="The criteria file's whole text, as published.")
    digest = models.CharField(max_length=64, help_text="SHA-256 of the text, in hex.")
    source = models.CharField(max_length=300, blank=True, help_text="The file it came from.")
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["owner", "-effective_from", "-pk"]
        verbose_name_plural = "published criteria"
        constraints = [
            models.UniqueConstraint(fields=["set_id", "version"], name="one_row_per_set_version")
        ]
        indexes = [models.Index(fields=["owner", "status", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.title}, version {self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("Published criteria never change: publish a new version instead.")
        super().save(*args, **kwargs)

    @property
    def is_national(self) -> bool:
        return self.owner == NATIONAL

    @property
    def criteria_set(self) -> CriteriaSet:
        """The set, read from the stored text (parsed once per process)."""
        return _parsed(self.digest, self.text, self.source or f"{self.set_id} {self.version}")

    @property
    def sign_off_council(self) -> list[dict[str, str]]:
        return [s for s in self.sign_off if s.get("kind") == SignOffKind.COUNCIL]

    @property
    def sign_off_forum(self) -> list[dict[str, str]]:
        return [s for s in self.sign_off if s.get("kind") == SignOffKind.PARENT_CARER_FORUM]


class CriteriaAdoption(models.Model):
    """A council's adoption of one published version of its own criteria for eligibility
    decisions: signed for the council and for the local parent carer forum, on a date, with the
    equality impact considered (Equality Act 2010, section 149) and summarised. A decision can
    only be made with an adopted version (issue 13 point 6): the Support First model criteria
    are never adopted as they are. Never changed once stored."""

    criteria = models.OneToOneField(
        PublishedCriteria, on_delete=models.PROTECT, related_name="adoption"
    )
    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="criteria_adoptions"
    )
    council_signatory = models.CharField(
        max_length=200, help_text="Who adopted it for the council: name and role."
    )
    forum_signatory = models.CharField(
        max_length=200, help_text="Who signed it off for the parent carer forum: name and forum."
    )
    adopted_on = models.DateField()
    equality_impact_considered = models.BooleanField()
    equality_impact_summary = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-adopted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(equality_impact_considered=True),
                name="adoption_considered_equality_impact",
            )
        ]

    def __str__(self) -> str:
        return f"{self.criteria} adopted by {self.council} on {self.adopted_on}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("An adoption record never changes: adopt a new version instead.")
        super().save(*args, **kwargs)


class DecisionStatus(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", "Waiting for a manager to confirm"
    CONFIRMED = "confirmed", "Confirmed"
    RETURNED = "returned", "Returned to the practitioner"


LIVE_STATUSES = (DecisionStatus.AWAITING_CONFIRMATION, DecisionStatus.CONFIRMED)


@dataclass(frozen=True)
class ServiceLine:
    """One service in a decision, with the practitioner's departure (if any) applied."""

    code: str
    name: str
    met: bool
    legal_basis_citations: list[str]
    duty_or_power: str
    reason: str
    departed: bool
    departure_reason: str
    criteria_met: bool = False
    what_would_change: str = ""
    plain_english: str = ""
    for_whom: str = "child"
    # False when nobody this service is for was assessed in this case: shown as
    # "Not in this decision", not refused.
    assessed: bool = True


@dataclass(frozen=True)
class NeedLine:
    """One assessed need in a decision, with the practitioner's departure (if any) applied."""

    need_id: str
    description: str
    area_name: str
    met: bool
    reason: str
    what_would_change: str
    departed: bool = False
    departure_reason: str = ""
    criteria_met: bool = False
    person: str = "child"
    criterion_id: str = ""


class EligibilityDecision(FamilyRecord):
    """The criteria applied to the needs in an authorised child's assessment."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="eligibility_decisions"
    )
    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.PROTECT, related_name="eligibility_decisions"
    )
    criteria = models.ForeignKey(
        PublishedCriteria, on_delete=models.PROTECT, related_name="decisions"
    )
    case = models.JSONField(help_text="The case the criteria were run on (Case.to_dict()).")
    result = models.JSONField(help_text="The criteria's whole result (Decision.to_dict()).")
    departures = models.JSONField(
        default=dict,
        blank=True,
        help_text='{"services": {code: {"met", "reason"}}, "needs": {need id: {"met", "reason"}}}',
    )
    status = models.CharField(
        max_length=30, choices=DecisionStatus.choices, default=DecisionStatus.AWAITING_CONFIRMATION
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    plan_due = models.DateField(
        "support plan due by",
        null=True,
        blank=True,
        editable=False,
        help_text="The council's working days from confirming; set when the clock starts.",
    )
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.TextField(blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the eligibility decision", many="Eligibility decisions")

    class Meta:
        ordering = ["-made_at", "-pk"]
        indexes = [models.Index(fields=["status", "family"])]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment"],
                condition=models.Q(status__in=["awaiting_confirmation", "confirmed"]),
                name="one_live_decision_per_assessment",
            )
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The support plan's clock starts when the decision is confirmed: its due date is
        # stored then (and whenever the council changes its target, `due.py`).
        fields = kwargs.get("update_fields")
        if stored_changes(fields, {"confirmed_at"}):
            days = (
                Council.objects.filter(families=self.family_id)
                .values_list("plan_working_days", flat=True)
                .first()
            )
            self.plan_due = clock_due(self.confirmed_at, days or 0)
            kwargs["update_fields"] = with_stored(fields, when={"confirmed_at"}, stored="plan_due")
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"Eligibility decision for {self.assessment}"

    @property
    def request(self) -> Any:
        """The request for help this decision belongs to (its timeline records the moves)."""
        return self.assessment.request

    @property
    def decided_under(self) -> str:
        """The law the decision about a carer's own needs is made under (LAW.md): section
        17ZF after a parent carer's assessment, 17ZC after a young carer's; "" for a child's."""
        return DECIDED_UNDER.get(str(self.assessment.kind), "")

    @property
    def about_carer(self) -> bool:
        return bool(self.decided_under)

    @property
    def subject_name(self) -> str:
        """Whose needs the decision is about: the child, or the carer assessed on their own."""
        return str(self.assessment.subject_name)

    @property
    def decision(self) -> Decision:
        """The criteria's own result, as stored when the decision was made."""
        return Decision.from_dict(self.result)

    @property
    def is_awaiting_confirmation(self) -> bool:
        return self.status == DecisionStatus.AWAITING_CONFIRMATION

    @property
    def is_confirmed(self) -> bool:
        return self.status == DecisionStatus.CONFIRMED

    def _departure(self, kind: str, key: str) -> dict[str, Any] | None:
        found = (self.departures or {}).get(kind, {}).get(key)
        return found if isinstance(found, dict) else None

    def final_services(self) -> list[ServiceLine]:
        """Each service: the criteria's result, with the practitioner's departures applied."""
        lines = []
        for outcome in self.result.get("services", []):
            code = outcome["service_code"]
            departure = self._departure("services", code)
            met = bool(departure["met"]) if departure else bool(outcome["met"])
            citations = [_citation(basis) for basis in outcome.get("legal_basis", [])]
            lines.append(
                ServiceLine(
                    code=code,
                    name=outcome["service_name"],
                    met=met,
                    legal_basis_citations=citations,
                    duty_or_power=outcome["duty_or_power"],
                    reason=outcome["reason"],
                    departed=departure is not None,
                    departure_reason=departure["reason"] if departure else "",
                    criteria_met=bool(outcome["met"]),
                    what_would_change=outcome.get("what_would_change", ""),
                    plain_english=_service_text(self.criteria, code),
                    for_whom=_service_for_whom(self.criteria, code),
                    assessed=departure is not None or bool(outcome.get("assessed", True)),
                )
            )
        return lines

    def final_needs(self) -> list[NeedLine]:
        """Each assessed need: the criteria's result, with the practitioner's departures."""
        described = {need["id"]: need for need in self.case.get("needs", [])}
        lines = []
        for outcome in self.result.get("needs", []):
            need_id = outcome["need_id"]
            need = described.get(need_id, {})
            departure = self._departure("needs", need_id)
            met = bool(departure["met"]) if departure else bool(outcome["met"])
            lines.append(
                NeedLine(
                    need_id=need_id,
                    description=str(need.get("description", "")),
                    area_name=area_name(str(need.get("area", ""))),
                    met=met,
                    reason=outcome["reason"],
                    what_would_change=outcome.get("what_would_change", ""),
                    departed=departure is not None,
                    departure_reason=departure["reason"] if departure else "",
                    criteria_met=bool(outcome["met"]),
                    person=str(need.get("person", "child")),
                    criterion_id=str(outcome.get("criterion_id", "")),
                )
            )
        return lines

    @property
    def eligible(self) -> bool:
        """Eligible for something: a need or a service is met once departures are applied."""
        return any(line.met for line in self.final_needs()) or any(
            line.met for line in self.final_services()
        )

    @property
    def departed_anywhere(self) -> bool:
        return bool((self.departures or {}).get("services") or (self.departures or {}).get("needs"))


def _citation(basis: dict[str, str]) -> str:
    return LegalBasis.from_dict(basis).citation


def _service_text(criteria: PublishedCriteria, code: str) -> str:
    try:
        return criteria.criteria_set.service(code).plain_english
    except KeyError:
        return ""


def _service_for_whom(criteria: PublishedCriteria, code: str) -> str:
    try:
        return criteria.criteria_set.service(code).for_whom
    except KeyError:
        return "child"


class ShortBreaksStatement(models.Model):
    """The parts of a council's short breaks services statement only the council can write
    (Breaks for Carers of Disabled Children Regulations 2011, regulation 5). The range of breaks
    and the eligibility criteria on the public page come from the council's criteria; these are
    the council's own words, kept by its council administrator."""

    council = models.OneToOneField(
        "councils.Council", on_delete=models.CASCADE, related_name="short_breaks_statement"
    )
    range_words = models.TextField(
        blank=True, help_text="The short breaks on offer in the area, in the council's words."
    )
    carers_needs_words = models.TextField(
        blank=True, help_text="How the range of breaks meets the needs of carers in the area."
    )
    carers_views_words = models.TextField(
        blank=True, help_text="How the statement was reviewed, and what carers told the council."
    )
    reviewed_on = models.DateField(null=True, blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        return f"Short breaks services statement for {self.council}"


class CriteriaDraftStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class CriteriaDraft(Versioned):
    """A council's next version of its eligibility criteria, drafted in the browser with its
    parent carer forum (issue 15 point 2).

    A team manager or the head of service starts it from the council's criteria in force (or
    from the Support First model when the council has none) and changes its criteria, their
    gate questions, its services and its worked examples in forms: the criteria file is made
    from `data` and checked by the same loader as a file published from the command line.
    Forum members comment on each criterion and service; the council answers each comment.
    Someone for the council and someone for the forum sign it off (name, role, date); any
    change afterwards clears both sign-offs. Published with a date in force, it becomes a
    `PublishedCriteria` row through the same service as `manage criteria_publish`.

    `data` holds the file's parts: title, summary, criteria, services and examples, each as
    the file writes them. A council has at most one draft at a time."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="criteria_drafts"
    )
    set_id = models.CharField(max_length=80)
    version = models.CharField(max_length=40)
    status = models.CharField(
        max_length=10, choices=CriteriaDraftStatus.choices, default=CriteriaDraftStatus.DRAFT
    )
    based_on = models.ForeignKey(
        PublishedCriteria, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(default=dict)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(null=True, blank=True)
    council_signed_name = models.CharField(max_length=120, blank=True)
    council_signed_role = models.CharField(max_length=120, blank=True)
    council_signed_on = models.DateField(null=True, blank=True)
    forum_signed_name = models.CharField(max_length=120, blank=True)
    forum_signed_role = models.CharField(max_length=120, blank=True)
    forum_signed_on = models.DateField(null=True, blank=True)
    in_force_from = models.DateField(null=True, blank=True)
    published = models.OneToOneField(
        PublishedCriteria, on_delete=models.PROTECT, null=True, blank=True, related_name="draft"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["council"],
                condition=models.Q(status="draft"),
                name="criteria_one_draft_per_council",
            ),
        ]

    def __str__(self) -> str:
        return f"Version {self.version} of {self.council}'s eligibility criteria"

    @property
    def is_draft(self) -> bool:
        return self.status == CriteriaDraftStatus.DRAFT

    @property
    def council_signed(self) -> bool:
        return self.council_signed_on is not None

    @property
    def forum_signed(self) -> bool:
        return self.forum_signed_on is not None

    @property
    def number(self) -> str:
        """The version, as the shared sign-off summary calls it."""
        return self.version


class CriteriaPart(models.TextChoices):
    CRITERION = "criterion", "Criterion"
    SERVICE = "service", "Service"


class CriteriaComment(Versioned):
    """A forum member's comment on one criterion or service of a draft, and the council's
    answer. `key` is the criterion's id or the service's code."""

    draft = models.ForeignKey(CriteriaDraft, on_delete=models.CASCADE, related_name="comments")
    part = models.CharField(max_length=10, choices=CriteriaPart.choices)
    key = models.CharField(max_length=80)
    text = models.TextField(max_length=5000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True, max_length=5000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.part} {self.key} ({self.draft})"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


class CriteriaDraftEvent(models.Model):
    """Append-only: one row for each move on a draft (who, when, from, to, what)."""

    draft = models.ForeignKey(CriteriaDraft, on_delete=models.PROTECT, related_name="events")
    move = models.CharField(max_length=40)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.summary} ({self.draft})"
