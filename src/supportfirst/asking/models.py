"""Asking for help online, and family accounts.

A family's answers build up in an OnlineRequestDraft (no account needed: the draft belongs to
the browser session, or to an emailed link whose token is stored only as a hash). Sending it
records a SupportRequest through the same service staff use, and an OnlineRequest that keeps
the answers the request itself has no place for.

    waiting --accept (staff)--> accepted (the person who asked is invited to an account)

A FamilyInvitation is an emailed link to set a password and get a family Membership. A young
person's YoungPersonSharing says whether their parents see their own views; it exists only
once the young person has an account, so before that nothing changes.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing

LINK_DAYS = 28
MOST_LINKS_PER_DRAFT = 5


class OnlineRequestDraft(models.Model):
    """Answers so far, before they are sent. Not a family record yet: there is no family."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="online_request_drafts"
    )
    answers = models.JSONField(default=dict, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    link_email = models.EmailField(blank=True)
    link_expires_at = models.DateTimeField(null=True, blank=True)
    links_sent = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Draft request {self.pk} for {self.council}"

    def link_is_live(self) -> bool:
        return bool(
            self.token_hash
            and self.submitted_at is None
            and self.link_expires_at
            and self.link_expires_at > timezone.now()
        )


class OnlineStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for staff to accept"
    ACCEPTED = "accepted", "Accepted"


class OnlineRequest(FamilyRecord):
    """A request for help sent online: the family's answers beside the SupportRequest."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="online_requests"
    )
    support_request = models.OneToOneField(
        "pathway.SupportRequest", on_delete=models.CASCADE, related_name="online_request"
    )
    requester_name = models.CharField(max_length=200)
    requester_relationship = models.CharField(max_length=60)
    requester_email = models.EmailField(blank=True)
    requester_phone = models.CharField(max_length=40, blank=True)
    child_age_given = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Set when the family gave an age, not a date of birth."
    )
    day_to_day = models.TextField(blank=True)
    good_week = models.TextField(blank=True)
    parent_carer_help = models.CharField(max_length=10, blank=True)
    parent_carer_help_details = models.TextField(blank=True)
    siblings = models.JSONField(default=list, blank=True)
    formats = models.JSONField(default=list, blank=True)
    communication_needs = models.TextField(blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=OnlineStatus.choices, default=OnlineStatus.WAITING
    )
    submitted_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the online request", many="Online requests")

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"Online request {self.support_request.reference}"

    @property
    def format_labels(self) -> list[str]:
        return [str(Format(f).label) for f in self.formats if f in Format.values]

    @property
    def parent_carer_help_label(self) -> str:
        return dict(HELP_FOR_YOU).get(self.parent_carer_help, "")


class Format(models.TextChoices):
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy read"


HELP_FOR_YOU = [("yes", "Yes"), ("no", "No"), ("not_sure", "I'm not sure")]


def _expiry() -> Any:
    return timezone.now() + timedelta(days=LINK_DAYS)


class FamilyInvitation(FamilyRecord):
    """An emailed link to make a family account: for a parent carer or a young person (16+)."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="invitations"
    )
    child = models.ForeignKey(
        "families.Child",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="For a young person: their own record.",
    )
    full_name = models.CharField(max_length=200)
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the family invitation", many="Family invitations")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.full_name}"

    @property
    def is_young_person(self) -> bool:
        return self.child_id is not None

    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class YoungPersonSharing(FamilyRecord):
    """A young person's choice: do their parents see the young person's own views?"""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    child = models.OneToOneField(
        "families.Child", on_delete=models.CASCADE, related_name="young_person_sharing"
    )
    share_own_views_with_parents = models.BooleanField(default=False)
    chosen_at = models.DateTimeField(null=True, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="whether a young person's own views are shared",
        many="Young person sharings",
        # Named by its path, as every rule that is not in the models' own module.
        hold_back="supportfirst.asking.holdback.own_views_kept",
    )

    def __str__(self) -> str:
        shown = "shared" if self.share_own_views_with_parents else "not shared"
        return f"{self.child}'s own views: {shown}"
