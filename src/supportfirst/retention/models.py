"""How long a council keeps each kind of record, and what the daily retention task removed.

Each council sets a period per kind (`RetentionPeriod`; a kind with no row uses its default,
`Kind.default_months`). The daily task (`retention/tasks.py`) removes what is past its period,
never anything about a family with an open case, and records each run (`RetentionRun`) and an
access log event per family it touched.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Kind(models.TextChoices):
    MESSAGES = "messages", "Messages sent to families"
    FAMILY_RECORDS = "family_records", "A family's whole record, once every case is closed"

    @property
    def default_months(self) -> int:
        return DEFAULT_MONTHS[self]

    @property
    def counted_from(self) -> str:
        return COUNTED_FROM[self]


# Messages: two years after they were sent. A family's whole record: 25 years after the
# youngest child's 18th birthday, the period many councils keep children's social care records.
DEFAULT_MONTHS = {Kind.MESSAGES: 24, Kind.FAMILY_RECORDS: 25 * 12}
COUNTED_FROM = {
    Kind.MESSAGES: "from the day the message was sent",
    Kind.FAMILY_RECORDS: "from the youngest child's 18th birthday",
}
# The shortest and longest a council may choose, in months.
SHORTEST_MONTHS = {Kind.MESSAGES: 6, Kind.FAMILY_RECORDS: 6 * 12}
LONGEST_MONTHS = 75 * 12


class RetentionPeriod(models.Model):
    """A council's own period for one kind of record (otherwise the kind's default)."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="retention_periods"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    months = models.PositiveIntegerField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "kind"], name="one_period_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.months} months"


class RetentionRun(models.Model):
    """What one run of the retention task removed for one council and kind."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="retention_runs"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    ran_at = models.DateTimeField()
    months = models.PositiveIntegerField()
    removed = models.PositiveIntegerField()
    kept_open = models.PositiveIntegerField(
        help_text="Past the period but kept: the family has an open case."
    )

    class Meta:
        ordering = ["-ran_at", "kind"]
        indexes = [models.Index(fields=["council", "-ran_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.removed} removed"
