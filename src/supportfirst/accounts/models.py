from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who signs in. Their role and council come from their Membership.

    Staff (practitioners, team managers, forum members, council administrators) must use a
    second factor (an authenticator app) every time they sign in.
    """

    full_name = models.CharField(max_length=200, blank=True)
    is_demo_account = models.BooleanField(
        default=False,
        help_text="Made by the demo loader. Only these accounts can print a demo sign-in code.",
    )

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def needs_second_factor(self) -> bool:
        membership = getattr(self, "membership", None)
        return bool(self.is_superuser or (membership is not None and membership.is_staff_role))


class Invitation(models.Model):
    """A council administrator's invitation to a new member of staff: a one-time link, sent by
    email, to set a password and then link an authenticator app. Only a hash of the link's
    secret is kept, so the database alone cannot make a working link. It works once
    (`used_at`) and until `expires_at`."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.user}"


class AccountChange(models.Model):
    """One change to a member of staff's account, in words, with the reason where one is asked
    for (a reset second factor). Each is also an event in the hash-chained access log."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(User, on_delete=models.PROTECT, related_name="account_changes")
    changed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField()
    what = models.CharField(max_length=300)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.person}: {self.what}"
