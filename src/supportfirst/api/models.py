"""API tokens: how another council system (a case management system, a data warehouse) calls
the JSON API. A token acts as one staff account, with that account's council and role, so the
API sees exactly what that person would see, and no more than its scope allows: read only, or
read and move requests on. Every token expires. Only a hash of the token is stored."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

DEFAULT_DAYS = 90
LONGEST_DAYS = 365


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def default_expiry() -> datetime:
    return timezone.now() + timedelta(days=DEFAULT_DAYS)


class Scope(models.TextChoices):
    READ = "read", "Read only"
    MOVE = "read_and_move", "Read, and move requests on"


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=120, help_text="Which system uses it.")
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="The first characters, to recognise it.")
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.READ)
    expires_at = models.DateTimeField(default=default_expiry)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The council administrator who made it (empty: made from the command line).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "Revoked"
        if self.expires_at <= timezone.now():
            return "Expired"
        return "Active"

    @property
    def can_move(self) -> bool:
        return self.scope == Scope.MOVE
