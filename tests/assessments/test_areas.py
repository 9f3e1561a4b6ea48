"""The areas of life each kind of assessment covers."""

from __future__ import annotations

import datetime
import html

import pytest

from supportfirst.assessments.areas import (
    AREA_HINTS,
    CHILD_AREAS,
    PARENT_CARER_AREAS,
    YOUNG_CARER_AREAS,
    AreaCode,
    Kind,
    area_codes_for,
)
from tests.assessments.factories import AssessmentFactory
from tests.families.factories import ChildFactory

CHILD_LABELS = [
    "Communication",
    "Health and medication",
    "Sleep",
    "Personal care",
    "Eating and drinking",
    "Moving about and mobility",
    "Behaviour, emotions and sensory needs",
    "Learning, school and EHC plan",
    "Play, friends and leisure",
    "Keeping safe",
    "Home, equipment and adaptations",
    "Family life, brothers and sisters",
    "Travel and transport",
    "Growing up and moving to adult services",
]
PARENT_CARER_LABELS = [
    "Health, emotional wellbeing and sleep",
    "Work, education and training",
    "Leisure and time for yourself",
    "Relationships",
    "Other people you care for",
    "Money",
    "What you would like to change",
]


def _labels(codes) -> list[str]:
    return [str(AreaCode(c).label) for c in codes]


def test_the_childs_areas_are_the_agreed_ones_in_order():
    assert _labels(CHILD_AREAS) == CHILD_LABELS


def test_the_parent_carers_areas_follow_section_17zd():
    assert _labels(PARENT_CARER_AREAS) == PARENT_CARER_LABELS


def test_a_young_carer_has_areas_of_their_own():
    assert _labels(YOUNG_CARER_AREAS) == [
        "What you do to help",
        "School and friends",
        "Time for yourself",
        "Your feelings",
        "What would help",
    ]


def test_there_is_no_parenting_capacity_area_anywhere():
    for code, label in AreaCode.choices:
        words = f"{code} {label} {AREA_HINTS.get(code, '')}".lower()
        assert "parenting capacity" not in words
        assert "capacity" not in words


@pytest.mark.parametrize(("age", "shown"), [(13, False), (14, True), (17, True)])
def test_growing_up_is_an_area_from_14(age, shown):
    codes = area_codes_for(Kind.CHILD, child_age=age)
    assert (AreaCode.GROWING_UP in codes) is shown
    assert len(codes) == 14 if shown else 13


@pytest.mark.parametrize(("born_days_before_14", "shown"), [(0, True), (-1, False)])
def test_growing_up_depends_on_age_on_the_day_the_assessment_starts(db, born_days_before_14, shown):
    started = datetime.date(2026, 3, 10)
    fourteenth_birthday = started - datetime.timedelta(days=born_days_before_14)
    child = ChildFactory(date_of_birth=fourteenth_birthday.replace(year=2012))
    assessment = AssessmentFactory(request__child=child, started_on=started)
    codes = set(assessment.areas.values_list("code", flat=True))
    assert (AreaCode.GROWING_UP in codes) is shown


def test_an_assessment_is_made_with_its_areas_in_order(db):
    assessment = AssessmentFactory(request__child__date_of_birth=datetime.date(2018, 1, 1))
    assert [a.label for a in assessment.areas.order_by("position")] == CHILD_LABELS[:-1]
    assert all(area.status == "not_started" for area in assessment.areas.all())


# The prompts a practitioner writes to: an adult's own life for a parent carer.
CHILD_CARE_PROMPTS = (
    "cannot wash or dress without an adult helping",
    "what gets in the way for",
    "and the family want",
    "much longer than normal",
)


def test_the_parent_carers_own_assessment_asks_about_an_adults_own_life(
    council, family, practitioner
):
    from tests.assessments.factories import assessments_for
    from tests.conftest import signed_in_client

    made = assessments_for(family)
    area = made.carer.areas.order_by("position").first()
    page = signed_in_client(practitioner).get(f"/staff/assessments/areas/{area.pk}/")
    assert page.status_code == 200
    text = html.unescape(page.content.decode()).lower()
    carer = made.carer.subject_name.lower()
    assert f"how caring affects {carer}'s own life" in text
    assert f"what {carer} needs for their own life" in text
    assert "given up work" in text or "give up work" in text
    for prompt in CHILD_CARE_PROMPTS:
        assert prompt not in text, prompt


def test_the_childs_assessment_keeps_its_own_prompts(council, family, practitioner):
    from tests.assessments.factories import assessments_for
    from tests.conftest import signed_in_client

    made = assessments_for(family)
    area = made.child.areas.order_by("position").first()
    made.child.status = "in_progress"
    made.child.save()
    text = signed_in_client(practitioner).get(f"/staff/assessments/areas/{area.pk}/")
    page = text.content.decode()
    assert "cannot wash or dress without an adult helping" in page


@pytest.mark.parametrize("kind", [Kind.PARENT_CARER, Kind.YOUNG_CARER])
def test_no_carers_prompt_is_a_child_care_prompt(kind):
    from supportfirst.assessments.areas import prompts_for

    prompts = prompts_for(kind, "Claire")
    words = " ".join(prompts.__dict__.values()).lower()
    for prompt in CHILD_CARE_PROMPTS:
        assert prompt not in words, prompt
