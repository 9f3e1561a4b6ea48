"""Reading the survey: a family's own invitation, and the council's anonymous figures."""

from __future__ import annotations

from django.http import Http404

from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.families.models import Family
from supportfirst.feedback import figures, services
from supportfirst.feedback.models import SurveyAnswer, SurveyInvitation, SurveyStage


def family_invitation(*, scope: Scope, stage: str) -> SurveyInvitation:
    """The signed-in family's invitation for a stage they have reached, or 404."""
    if stage not in SurveyStage.values:
        raise Http404("No such survey.")
    family = get_visible_or_404(Family.objects.all(), scope, pk=scope.family_id)
    invitation = services.invitation_for(family, stage)
    if invitation is None:
        raise Http404("No such survey.")
    return invitation


def council_figures(*, scope: Scope) -> list[figures.StageFigures]:
    """Each stage's figures for the scope's council: one query, whatever the number of answers."""
    columns = ("stage", *figures.QUESTION_KEYS, "anything_else")
    rows = SurveyAnswer.objects.filter(council_id=scope.council_id).values(*columns)
    by_stage: dict[str, list[dict[str, str]]] = {s: [] for s in SurveyStage.values}
    for row in rows:
        by_stage.setdefault(row["stage"], []).append(row)
    labels = dict(SurveyStage.choices)
    return [
        figures.stage_figures(stage, str(labels.get(stage, stage)), answers)
        for stage, answers in by_stage.items()
    ]
