"""The "how did it feel" survey: who has been asked (and so may not answer twice), and the
answers, kept with no link to the family or the person who answered.

An answer holds the council, the stage and the month only: no family, no user, no exact time,
and a random id, so that the order answers were saved in does not match them to invitations.
An invitation says only that a family answered in a month, not what they said.
"""

from __future__ import annotations

import uuid

from django.db import models

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing
from supportfirst.feedback.figures import QUESTIONS


class SurveyStage(models.TextChoices):
    NEXT_STEP = "next-step", "After the decision about the next step"
    ASSESSMENT = "assessment", "After the needs assessment"
    PLAN = "plan", "After the support plan"


class SurveyInvitation(FamilyRecord):
    """A family's invitation to answer the survey after one stage; answered once at most."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="survey_invitations"
    )
    stage = models.CharField(max_length=20, choices=SurveyStage.choices)
    invited_at = models.DateTimeField()
    answered_in = models.DateField(
        null=True, blank=True, help_text="The first day of the month the family answered in."
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="the survey invitation", many="Surveys you were invited to answer", order=180
    )

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["family", "stage"], name="one_invitation_per_stage")
        ]

    def __str__(self) -> str:
        return f"Survey {self.get_stage_display().lower()}"


def _choices(key: str) -> list[tuple[str, str]]:
    question = next(q for q in QUESTIONS if q.key == key)
    return [(o.value, o.label) for o in question.options]


class SurveyAnswer(models.Model):
    """One anonymous answer. Deliberately no family, user or time of day."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(max_length=20, choices=SurveyStage.choices)
    month = models.DateField(help_text="The first day of the month it was answered in.")
    listened = models.CharField(max_length=1, choices=_choices("listened"), blank=True)
    respected = models.CharField(max_length=1, choices=_choices("respected"), blank=True)
    blamed = models.CharField(max_length=1, choices=_choices("blamed"), blank=True)
    proportionate = models.CharField(max_length=1, choices=_choices("proportionate"), blank=True)
    understood = models.CharField(max_length=1, choices=_choices("understood"), blank=True)
    anything_else = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["council", "stage"])]

    def __str__(self) -> str:
        return f"Answer for {self.get_stage_display().lower()}, {self.month:%B %Y}"
