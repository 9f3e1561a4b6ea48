"""Demo: anonymous survey answers in Ashvale, enough that the figures after the next-step
decision and after the assessment show, while the support plan's stay hidden (fewer than 5).

Families who have a demo account keep their invitations open, so that the survey can be tried;
the others answer through the same service the page uses. Answers from earlier months (families
whose requests were before the demo's) are stored the same way, without any family.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from supportfirst.councils.models import Council, Membership
from supportfirst.feedback.models import SurveyAnswer, SurveyStage
from supportfirst.feedback.services import invitations_for, store_answer, survey_answer

DEMO_ORDER = 50

# listened, respected, blamed, proportionate, understood, own words
PATTERNS = (
    ("5", "5", "1", "3", "5", "Priya rang when she said she would and listened to us."),
    ("4", "4", "1", "3", "4", ""),
    ("4", "5", "2", "3", "4", "We were asked the same questions twice."),
    ("2", "3", "3", "2", "3", "The visit felt like an inspection of our home."),
    ("5", "4", "1", "3", "5", ""),
    ("3", "4", "2", "3", "2", "The letter was hard to follow."),
    ("4", "4", "1", "3", "4", "Quick, and nobody made us feel we had done something wrong."),
)
EARLIER = {SurveyStage.NEXT_STEP: 6, SurveyStage.ASSESSMENT: 5, SurveyStage.PLAN: 2}


def _answers(n: int) -> dict[str, str]:
    listened, respected, blamed, proportionate, understood, words = PATTERNS[n % len(PATTERNS)]
    return {
        "listened": listened,
        "respected": respected,
        "blamed": blamed,
        "proportionate": proportionate,
        "understood": understood,
        "anything_else": words,
    }


def load_demo() -> None:
    council = Council.objects.filter(is_demo=True, la_code="957").first()
    if council is None or SurveyAnswer.objects.filter(council=council).exists():
        return
    with_accounts = set(
        Membership.objects.filter(council=council, family__isnull=False).values_list(
            "family_id", flat=True
        )
    )
    n = 0
    for family in council.families.order_by("reference"):
        for invitation in invitations_for(family):
            if family.pk in with_accounts or invitation.answered_in is not None:
                continue
            survey_answer(invitation=invitation, answers=_answers(n))
            n += 1
    today = timezone.localdate()
    for stage, count in EARLIER.items():
        for months_back in range(count):
            store_answer(
                council_id=council.pk,
                stage=stage,
                month=today.replace(day=1) - timedelta(days=28 * (months_back + 1)),
                answers=_answers(n),
            )
            n += 1
