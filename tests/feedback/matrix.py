"""The survey page takes a stage, not a record id: a family reaches it by an invitation, made
here for the family the matrix asks about (any other family has none, so gets 404)."""

from __future__ import annotations

from django.utils import timezone


def _stage(family) -> str:
    from supportfirst.feedback.models import SurveyInvitation, SurveyStage

    SurveyInvitation.objects.get_or_create(
        family=family, stage=SurveyStage.NEXT_STEP, defaults={"invited_at": timezone.now()}
    )
    return str(SurveyStage.NEXT_STEP)


OBJECT_IDS = {"feedback_stage": _stage}
