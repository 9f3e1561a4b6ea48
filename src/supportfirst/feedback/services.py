"""Inviting families to the survey when they reach a stage, and storing answers anonymously."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from django.apps import apps
from django.core.exceptions import FieldError
from django.db import transaction
from django.utils import timezone

from supportfirst.assessments.models import Assessment, AssessmentStatus
from supportfirst.families.models import Family
from supportfirst.feedback.figures import QUESTION_KEYS
from supportfirst.feedback.models import SurveyAnswer, SurveyInvitation, SurveyStage
from supportfirst.pathway.models import NextStepDecision


class AlreadyAnswered(Exception):
    status_code = 409


def _decided(family: Family) -> bool:
    return NextStepDecision.objects.filter(family=family).exists()


def _authorised(family: Family) -> bool:
    return Assessment.objects.filter(family=family, status=AssessmentStatus.AUTHORISED).exists()


PLAN_SHARED = ("shared", "agreed", "disagreed")


def _plan_shared(family: Family) -> bool:
    """A support plan shared with the family (once the plans app has its SupportPlan)."""
    try:
        model = apps.get_model("plans", "SupportPlan")
    except LookupError:
        return False
    try:
        return bool(model._default_manager.filter(family=family, status__in=PLAN_SHARED).exists())
    except FieldError:
        return False


# Each stage, and how to tell whether a family has reached it. A new stage is one more line.
REACHED: dict[str, Callable[[Family], bool]] = {
    SurveyStage.NEXT_STEP: _decided,
    SurveyStage.ASSESSMENT: _authorised,
    SurveyStage.PLAN: _plan_shared,
}


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def invitations_for(family: Family) -> list[SurveyInvitation]:
    """The family's invitations, made for every stage they have reached; oldest first."""
    have = {i.stage: i for i in SurveyInvitation.objects.filter(family=family)}
    missing = [s for s in REACHED if s not in have and REACHED[s](family)]
    if missing:
        now = timezone.now()
        SurveyInvitation.objects.bulk_create(
            [SurveyInvitation(family=family, stage=s, invited_at=now) for s in missing],
            ignore_conflicts=True,
        )
        have = {i.stage: i for i in SurveyInvitation.objects.filter(family=family)}
    order = list(REACHED)
    return sorted(have.values(), key=lambda i: order.index(i.stage) if i.stage in order else 99)


def open_invitations(family: Family) -> list[SurveyInvitation]:
    return [i for i in invitations_for(family) if i.answered_in is None]


def invitation_for(family: Family, stage: str) -> SurveyInvitation | None:
    return next((i for i in invitations_for(family) if i.stage == stage), None)


def store_answer(
    *, council_id: int, stage: str, month: date, answers: Mapping[str, str]
) -> SurveyAnswer:
    """Keep one answer with nothing that links it to a family or a person."""
    return SurveyAnswer.objects.create(
        council_id=council_id,
        stage=stage,
        month=first_of_month(month),
        anything_else=str(answers.get("anything_else", "")).strip(),
        **{key: str(answers.get(key) or "") for key in QUESTION_KEYS},
    )


@transaction.atomic
def survey_answer(*, invitation: SurveyInvitation, answers: Mapping[str, str]) -> None:
    """The family's answer for one stage: the invitation is closed (by month only) and the
    answer stored apart from it. A second answer is refused."""
    locked = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.answered_in is not None:
        raise AlreadyAnswered("You have already answered the survey for this stage.")
    month = first_of_month(timezone.localdate())
    locked.answered_in = month
    locked.save(update_fields=["answered_in"])
    family = Family.objects.only("council_id").get(pk=locked.family_id)
    store_answer(council_id=family.council_id, stage=locked.stage, month=month, answers=answers)
