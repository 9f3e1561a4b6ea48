"""How a family likes to be told things, and a record of every message sent to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    TEXT = "text", "Text message"


class MessageStatus(models.TextChoices):
    """A message is queued when its change is saved, then sent by a worker; one that cannot be
    sent is tried again after 1, 5 and 30 minutes, then recorded as not delivered."""

    QUEUED = "queued", "Waiting to send"
    SENT = "sent", "Sent"
    FAILED = "failed", "Not delivered"


class Format(models.TextChoices):
    STANDARD = "standard", "Standard"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy read"


class NotificationPreference(FamilyRecord):
    """The family's choice of channel and accessible format (one per family)."""

    family = models.OneToOneField(
        "families.Family", on_delete=models.CASCADE, related_name="notification_preference"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    email = models.EmailField(blank=True)
    mobile = models.CharField(max_length=20, blank=True)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.STANDARD)
    language = models.CharField(
        max_length=60, blank=True, help_text="Another language, noted for staff."
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField()
    revision = models.PositiveIntegerField(default=0, editable=False)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the notification preference", many="Notification preferences")

    def __str__(self) -> str:
        return f"{self.get_channel_display()}, {self.get_format_display().lower()}"


class Notification(FamilyRecord):
    """One message to a family: what they were told, when, how, where (masked), and whether it
    was delivered (`status`, with the plain reason when a try failed)."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    sent_at = models.DateTimeField()
    to = models.CharField(max_length=120, help_text="Masked: only enough to recognise it.")
    subject = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.STANDARD)
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Tries so far.")
    last_error = models.CharField(
        max_length=200, blank=True, help_text="Why the last try failed, in plain English."
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    addressed_to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=(
            "Sent to this one family member only (a young person's message about their own "
            "complaint, kept from their parents by their choice); empty: sent to the family."
        ),
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the notification", many="Notifications")

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["family", "-sent_at"])]

    def __str__(self) -> str:
        return self.subject

    @property
    def failed(self) -> bool:
        """Given up on: every try failed (`last_error` says why)."""
        return self.status == MessageStatus.FAILED

    @property
    def outcome(self) -> str:
        """What happened to the message, in words for staff and the family."""
        if self.status == MessageStatus.FAILED:
            return f"Not delivered after {self.attempts} tries. {self.last_error}".strip()
        if self.status == MessageStatus.QUEUED and self.attempts:
            return f"Not sent yet: we will try again. {self.last_error}".strip()
        return self.get_status_display()
