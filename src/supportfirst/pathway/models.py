"""The support pathway: a request for help, the next-step decision, the rare move to
safeguarding, contacts with their intrusion records, and the event trail of every move.

The life of a request (moves.py declares the moves and their guards):

    awaiting_decision --decide_support------------> support_pathway (the default: one click)
    awaiting_decision --decide_information--------> information_given
    awaiting_decision or support_pathway
                      --propose_safeguarding------> safeguarding_proposed
    safeguarding_proposed --move_to_safeguarding--> moved_to_safeguarding (a team manager who
                                                    did not propose it approves)
    safeguarding_proposed --return_to_decision----> awaiting_decision (declined, no decision yet)
    safeguarding_proposed --return_to_support-----> support_pathway (declined, back where it was)
    moved_to_safeguarding --enquiries_no_further_action--> support_pathway (the section 47
                                                    enquiries found no cause to continue)
    moved_to_safeguarding --enquiries_continue----> moved_to_safeguarding (a child protection
                                                    plan, or child protection procedures go on)

Every record here belongs to one family, and so to one council; all reads go through the
scoping layer (`visible_to`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from supportfirst.families.models import ContactMethod, FamilyRecord, FamilyRecordWithCouncil
from supportfirst.families.records import Correctable, FamilyFacing
from supportfirst.kernel.versioning import Versioned


class WhoAsked(models.TextChoices):
    PARENT = "parent", "A parent or carer"
    YOUNG_PERSON = "young_person", "The young person themselves"
    PROFESSIONAL = "professional", "A professional (for example a teacher, nurse or GP)"
    OTHER = "other", "Someone else"


class RequestStatus(models.TextChoices):
    AWAITING_DECISION = "awaiting_decision", "Waiting for the next-step decision"
    SUPPORT_PATHWAY = "support_pathway", "On the support pathway"
    INFORMATION_GIVEN = "information_given", "Information and advice given"
    SAFEGUARDING_PROPOSED = "safeguarding_proposed", "Move to safeguarding proposed"
    MOVED_TO_SAFEGUARDING = "moved_to_safeguarding", "Moved to safeguarding"
    NOT_ASSESSING_PROPOSED = (
        "not_assessing_proposed",
        "Decision not to assess: waiting for a team manager to confirm",
    )


class SupportRequest(FamilyRecordWithCouncil):
    """A request for help for a disabled child, recorded by staff or sent by the family."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="support_requests"
    )
    child = models.ForeignKey("families.Child", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=24, unique=True)
    received_at = models.DateTimeField()
    who_asked = models.CharField(max_length=20, choices=WhoAsked.choices)
    requester_name = models.CharField(max_length=200)
    requester_organisation = models.CharField(max_length=200, blank=True)
    help_asked_for = models.TextField(help_text="In the words of the person asking.")
    consent_to_contact_others = models.BooleanField(default=False)
    communication_needs = models.TextField(blank=True)
    preferred_contact = models.CharField(
        max_length=10, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    status = models.CharField(
        max_length=30, choices=RequestStatus.choices, default=RequestStatus.AWAITING_DECISION
    )
    next_step_due = models.DateField()
    assessment_due = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    parent_asked_for_own_assessment = models.BooleanField(
        default=False,
        help_text="The parent or carer asked for help for themselves: their parent carer's "
        "needs assessment is requested (s17ZD), not merely offered.",
    )
    young_carer_assessment_asked = models.BooleanField(
        default=False,
        help_text="A young carer, or a parent for them, asked for a young carer's needs "
        "assessment (s17ZA).",
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a request for help",
        many="Requests for help",
        order=40,
        correction=Correctable(
            kind="request",
            label=lambda r: f"Request for help {r.reference} for {r.child.first_name}",
            shown_on=lambda r: ("request", r.pk),
            young_person="child_id",
            related=("child",),
        ),
    )

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "next_step_due"])]

    def __str__(self) -> str:
        return f"Request {self.reference}"


class Pathway(models.TextChoices):
    SUPPORT = "support", "Support pathway: assess needs with the family"
    INFORMATION = "information", "Information and advice only"
    SAFEGUARDING = "safeguarding", "Move to safeguarding"


class InformationBasis(models.TextChoices):
    """Why "information and advice only" is lawful for this request: never a quiet refusal."""

    FAMILY_AGREED = "family_agreed", "The family agreed that information and advice is enough"
    NOT_ASSESSING = (
        "not_assessing",
        "A reasoned decision not to assess, for a team manager to confirm",
    )


class NextStepDecision(FamilyRecord):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    request = models.OneToOneField(
        SupportRequest, on_delete=models.CASCADE, related_name="next_step_decision"
    )
    pathway = models.CharField(max_length=20, choices=Pathway.choices)
    information_given = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    basis = models.CharField(max_length=20, choices=InformationBasis.choices, blank=True)
    agreed_by = models.CharField(max_length=200, blank=True)
    agreed_on = models.DateField(null=True, blank=True)
    agreed_how = models.CharField(max_length=200, blank=True)
    not_assessing_reason = models.TextField(blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirm_reason = models.TextField(blank=True)

    # Not stored: what was prepared when a decision not to assess was confirmed (the draft
    # letter, `pathway.hooks.WHEN_NOT_ASSESSING_IS_CONFIRMED`), for the page to open next.
    prepared: list[Any]

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a next-step decision",
        many="Decisions about the next step",
        order=50,
        correction=Correctable(
            kind="decision",
            label=lambda d: f"Next-step decision on request {d.request.reference}",
            shown_on=lambda d: ("request", d.request_id),
            young_person="request__child_id",
            related=("request",),
        ),
    )

    def __str__(self) -> str:
        return f"{self.get_pathway_display()} for {self.request}"


class MoveStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for a team manager"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Not approved"


class EnquiryOutcome(models.TextChoices):
    """What the section 47 enquiries found, recorded after a move was approved."""

    NO_FURTHER_ACTION = (
        "no_further_action",
        "No further action: return to the support pathway",
    )
    CHILD_PROTECTION = (
        "child_protection",
        "Child protection plan, or continue under child protection procedures",
    )


class SafeguardingMove(FamilyRecord):
    """The rare exception: a move to the child protection process, on written evidence."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(
        SupportRequest, on_delete=models.CASCADE, related_name="safeguarding_moves"
    )
    what_happened = models.TextField(help_text="What was seen or said, as facts.")
    seen_or_said_by = models.CharField(max_length=200)
    when_it_happened = models.CharField(max_length=200)
    immediate_danger = models.BooleanField(
        default=False,
        help_text="Recorded through the immediate danger route: every manager was told at once.",
    )
    who_at_risk = models.CharField(max_length=200, blank=True)
    family_told = models.BooleanField(null=True)
    family_told_at = models.DateTimeField(null=True, blank=True)
    reason_not_told = models.TextField(blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=MoveStatus.choices, default=MoveStatus.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    manager_reason = models.TextField(blank=True)
    team = models.ForeignKey("councils.Team", on_delete=models.PROTECT, null=True, related_name="+")
    outcome = models.CharField(max_length=20, choices=EnquiryOutcome.choices, blank=True)
    outcome_reason = models.TextField(blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome_at = models.DateTimeField(null=True, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a proposed move to safeguarding",
        many="Proposed moves to safeguarding",
        order=60,
        # Named by its path: the rule reads pathway.visibility, which imports these models.
        hold_back="supportfirst.pathway.holdback.untold_proposals",
    )

    class Meta:
        ordering = ["-proposed_at"]
        indexes = [models.Index(fields=["status", "proposed_at"])]

    def __str__(self) -> str:
        return f"Safeguarding move for {self.request}"


class ContactKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    CALL = "call", "Phone call"
    VIDEO = "video", "Video call"
    HOME_VISIT = "home_visit", "Home visit"


class Intrusion(models.TextChoices):
    """Things that intrude on family life: each needs an intrusion record first."""

    HOME_VISIT = "home_visit", "Visiting the family at home"
    ROOMS = "rooms", "Looking at particular rooms"
    CHILD_ALONE = "child_alone", "Speaking with the child without a parent there"
    THIRD_PARTY = "third_party", "Asking someone else (school, GP, health visitor) about the family"
    SHARING = "sharing", "Sharing information about the family"


class FamilyView(models.TextChoices):
    AGREE = "agree", "The family agreed"
    OBJECT = "object", "The family objected"
    WAITING = "waiting", "The family has not answered yet"


class ContactStatus(models.TextChoices):
    """A contact is planned first (with notice to the family), then done or cancelled. A
    contact recorded after the fact is done from the start."""

    PLANNED = "planned", "Planned"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class Contact(FamilyRecord, Versioned):
    """A meeting, call, video call or visit. The family's choice of time, place and way is the
    default; anything intrusive needs its intrusion record, saved with it."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="contacts")
    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=12, choices=ContactKind.choices)
    status = models.CharField(
        max_length=10, choices=ContactStatus.choices, default=ContactStatus.DONE
    )
    # When it happened (done), or when it is planned for (planned, cancelled).
    happened_at = models.DateTimeField()
    what_for = models.TextField(blank=True, help_text="What it is for, in words for the family.")
    planned_for = models.DateTimeField(null=True, blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    planned_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.TextField(blank=True)
    # A team manager's approval to go ahead although the family objected, with the reason the
    # family reads.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_reason = models.TextField(blank=True)
    place = models.CharField(max_length=200, blank=True)
    family_chose_time_and_place = models.BooleanField(default=True)
    notice_given = models.CharField(max_length=200, blank=True)
    intrusions = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a record of a contact with you",
        many="Meetings, calls and visits",
        order=70,
        correction=Correctable(
            kind="contact",
            label=lambda c: f"{c.get_kind_display()} on {c.happened_at:%-d %B %Y}",
            shown_on=lambda c: ("request", c.request_id),
            young_person="request__child_id",
        ),
    )

    class Meta:
        ordering = ["-happened_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.happened_at:%d %B %Y}"

    @property
    def intrusion_labels(self) -> list[str]:
        return [str(Intrusion(i).label) for i in self.intrusions]

    @property
    def was_planned(self) -> bool:
        return self.planned_for is not None

    @property
    def family_objected(self) -> bool:
        record = getattr(self, "intrusion_record", None)
        return record is not None and record.family_view == FamilyView.OBJECT


class IntrusionRecord(FamilyRecord):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, related_name="intrusion_record"
    )
    purpose = models.TextField()
    why_necessary = models.TextField()
    less_intrusive_option = models.TextField()
    less_intrusive_answer = models.TextField(
        blank=True, help_text="What the family said when the less intrusive option was offered."
    )
    why_not_enough = models.TextField()
    family_view = models.CharField(max_length=10, choices=FamilyView.choices)
    family_words = models.TextField(help_text="The family's view in their own words.")
    words_by_family = models.BooleanField(
        default=False,
        help_text="The family wrote `family_words` themselves (their answer on their request "
        "page): only then are they shown to the family in quotation marks. Otherwise they are "
        "a worker's note of what the family said, labelled so.",
    )
    notice_given = models.CharField(max_length=200)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="the reasons for a visit or other step into family life",
        many="Reasons recorded for visits and other steps into family life",
        order=80,
        correction=Correctable(
            kind="intrusion",
            label=lambda i: (
                f"Why we needed the {i.contact.get_kind_display().lower()} "
                f"on {timezone.localtime(i.contact.happened_at):%-d %B %Y}"
            ),
            shown_on=lambda i: ("request", i.contact.request_id),
            young_person="contact__request__child_id",
            related=("contact",),
        ),
    )

    def __str__(self) -> str:
        return f"Intrusion record for {self.contact}"


class PathwayEvent(FamilyRecord):
    """One row per move of any pathway record: who, when, from, to, why. Append-only."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="events")
    record_type = models.CharField(max_length=40)
    record_id = models.BigIntegerField()
    move = models.CharField(max_length=40)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    reason = models.TextField(blank=True)
    summary = models.CharField(max_length=300)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="the pathway event", many="Timeline of what happened", order=90
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.summary

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The timeline is append-only: an event cannot be changed.")
        super().save(*args, **kwargs)
