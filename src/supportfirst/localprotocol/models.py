"""A council's local assessment protocol: numbered versions, each with the same sections.

A version is a draft until it is published, then it never changes:

- draft: started by a team manager or head of service from the version in force (or empty);
  managers edit its sections and its working-day targets; parent carer forum members comment
  on each section and the council answers each comment. Someone for the council and someone
  for the forum sign it off (name, role, date). Any change to the words or the targets after
  a sign-off clears both sign-offs: what was signed is what is published.
- published: a manager publishes it with a date it comes into force, only with both sign-offs
  and every comment answered. From that date it is the council's protocol, its public page
  is the council's, and its working-day targets are the council's targets.

A council has at most one draft at a time. Every move is kept as a `ProtocolEvent`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supportfirst.kernel.versioning import Versioned
from supportfirst.localprotocol.sections import SECTION_MAX, SECTIONS


class ProtocolStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


def _days(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, null=True, blank=True)


class ProtocolVersion(Versioned):
    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="protocol_versions"
    )
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=10, choices=ProtocolStatus.choices, default=ProtocolStatus.DRAFT
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    decision_working_days = _days(
        "Working days from authorising a child's assessment to the eligibility decision"
    )
    plan_working_days = _days("Working days from the eligibility decision to sharing the plan")
    service_start_working_days = _days("Working days from an agreed plan to a service starting")
    council_signed_name = models.CharField(max_length=120, blank=True)
    council_signed_role = models.CharField(max_length=120, blank=True)
    council_signed_on = models.DateField(null=True, blank=True)
    forum_signed_name = models.CharField(max_length=120, blank=True)
    forum_signed_role = models.CharField(max_length=120, blank=True)
    forum_signed_on = models.DateField(null=True, blank=True)
    in_force_from = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "number"], name="protocol_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["council"],
                condition=models.Q(status="draft"),
                name="protocol_one_draft_per_council",
            ),
        ]

    def __str__(self) -> str:
        return f"Version {self.number} of {self.council}'s local assessment protocol"

    @property
    def is_draft(self) -> bool:
        return self.status == ProtocolStatus.DRAFT

    @property
    def council_signed(self) -> bool:
        return self.council_signed_on is not None

    @property
    def forum_signed(self) -> bool:
        return self.forum_signed_on is not None

    def targets(self) -> dict[str, int | None]:
        return {
            "decision_working_days": self.decision_working_days,
            "plan_working_days": self.plan_working_days,
            "service_start_working_days": self.service_start_working_days,
        }


class ProtocolSection(Versioned):
    version = models.ForeignKey(ProtocolVersion, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=40, choices=[(s.key, s.title) for s in SECTIONS])
    position = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True, max_length=SECTION_MAX)
    changed_at = models.DateTimeField(null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="protocol_section_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_key_display()} ({self.version})"


class SectionComment(Versioned):
    """A forum member's comment on a section of a draft, and the council's answer."""

    section = models.ForeignKey(ProtocolSection, on_delete=models.CASCADE, related_name="comments")
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
        return f"Comment on {self.section}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


class ProtocolEvent(models.Model):
    """Append-only: one row for each move on a version (who, when, from, to, what)."""

    version = models.ForeignKey(ProtocolVersion, on_delete=models.PROTECT, related_name="events")
    move = models.CharField(max_length=40)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.summary} ({self.version})"
