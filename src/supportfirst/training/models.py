"""Who completed the council's co-produced training, and the council's rule on who may be
allocated to an assessment.

The training is written and delivered with parent carers (DOMAIN.md section 2, point 6): each
record names who delivered it, with the parent carers among them by name and role, and when it
must be renewed. A council that turns on `TrainingRule.trained_only` allows only practitioners
whose training is in date to be a family's worker on the support pathway; a request that asks for
a young carer's assessment needs a practitioner whose young carers' training is in date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Course(models.TextChoices):
    ASSESSMENT = "assessment", "Assessing with families (the council's co-produced training)"
    YOUNG_CARERS = "young_carers", "Young carers' needs assessments"


class TrainingRecord(models.Model):
    """One person's completion of one course."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="training_records"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_records"
    )
    course = models.CharField(max_length=20, choices=Course.choices)
    completed_on = models.DateField()
    renew_by = models.DateField(help_text="The training is out of date after this day.")
    delivered_by = models.CharField(
        max_length=300, help_text="Who from the council delivered it, by name and role."
    )
    parent_carers = models.CharField(
        max_length=300, help_text="The parent carers who delivered it with them, by name and role."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-completed_on", "-pk"]
        indexes = [models.Index(fields=["council", "course", "renew_by"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(renew_by__gt=models.F("completed_on")),
                name="training_renewal_after_completion",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_course_display()} on {self.completed_on:%d %B %Y}"

    def in_date_on(self, day: object) -> bool:
        return bool(self.completed_on <= day <= self.renew_by)  # type: ignore[operator]


class TrainingRule(models.Model):
    """The council's rule: whether only trained, in-date practitioners may be allocated."""

    council = models.OneToOneField(
        "councils.Council", on_delete=models.CASCADE, related_name="training_rule"
    )
    trained_only = models.BooleanField(
        default=False,
        help_text="Only practitioners whose training is in date can be a family's worker on the "
        "support pathway; a young carer's assessment needs the young carers' training too.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        return f"Training rule for {self.council}"
