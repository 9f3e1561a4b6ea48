"""The access log: an append-only, hash-chained record of every view or change of a family's record.

Rows are only ever added, through `supportfirst.audit.services.append_event`. `save()` and
`delete()` refuse to change an existing row; in production the database role the service runs
as is granted only INSERT and SELECT on the table (docs/operations.md); and
`supportfirst audit verify` proves that nothing was edited, removed or slipped in: each council's
chain is keyed (HMAC) with a key held outside the database (`SUPPORTFIRST_AUDIT_KEY`).
Actor, council and family are stored as plain ids so that no later change elsewhere can alter a row.
"""

from __future__ import annotations

from typing import Any

from django.db import models


class Action(models.TextChoices):
    VIEW = "view", "Looked at"
    CREATE = "create", "Added"
    CHANGE = "change", "Changed"
    DELETE = "delete", "Removed"
    DOWNLOAD = "download", "Downloaded"
    LIST = "list", "Looked at a list of families"


class AccessEvent(models.Model):
    sequence = models.PositiveBigIntegerField()
    occurred_at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    actor_username = models.CharField(max_length=150)
    role = models.CharField(max_length=20)
    council_id = models.BigIntegerField()
    family_id = models.BigIntegerField(null=True)
    record_type = models.CharField(max_length=60)
    record_id = models.CharField(max_length=40)
    action = models.CharField(max_length=10, choices=Action.choices)
    request_id = models.CharField(max_length=64, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["council_id", "sequence"], name="one_event_per_place_in_a_chain"
            )
        ]
        indexes = [models.Index(fields=["family_id", "sequence"])]

    def __str__(self) -> str:
        record = f"{self.record_type} {self.record_id}"
        return f"{self.sequence}: {self.actor_username} {self.action} {record}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The access log is append-only: an event cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The access log is append-only: an event cannot be removed.")


class ChainHead(models.Model):
    """One row per council: its chain's last sequence and hash. Writers in the council lock it
    to keep its chain single; other councils' writers never wait for it."""

    council_id = models.BigIntegerField(unique=True)
    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"council {self.council_id}'s head at {self.sequence}"
