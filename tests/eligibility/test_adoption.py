"""No decision on criteria nobody adopted (issue 13 point 6): a decision needs a version the
council has adopted and the parent carer forum signed off, with the equality impact considered;
the shipped model is a starting point, never adopted; the public pages show the adoption."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from supportfirst.eligibility.adoption import criteria_adopt
from supportfirst.eligibility.models import CriteriaAdoption, PublishedCriteria
from supportfirst.eligibility.publishing import criteria_publish_shipped
from supportfirst.eligibility.selectors import current_criteria
from supportfirst.eligibility.services import eligibility_check
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.rules.criteria import shipped_set_paths
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.families.factories import family_with_everyone

from .factories import YES, authorised_assessment

EQUALITY = "Considered with the forum: needs-led, no diagnosis excluded."


@pytest.fixture
def northmoor(db, on_5_december_2026):
    criteria_publish_shipped()
    return CouncilFactory(name="Northmoor City Council", la_code="958", slug="northmoor")


def _adopt(council, **changes):
    given = {
        "council": council,
        "criteria": current_criteria(council.la_code),
        "council_signatory": "Priti Shah, Assistant Director",
        "forum_signatory": "Rosa Delgado, Northmoor Parent Carer Forum",
        "adopted_on": datetime.date(2026, 12, 1),
        "equality_impact_summary": EQUALITY,
    }
    given.update(changes)
    return criteria_adopt(**given)


def test_rule_no_decision_on_published_criteria_the_council_has_not_adopted(northmoor):
    assessment = authorised_assessment(family_with_everyone(northmoor))
    with pytest.raises(IllegalMove) as refused:
        eligibility_check(assessment=assessment, answers=YES)
    message = str(refused.value)
    assert "has not recorded adopting it" in message
    assert "equality impact" in message
    assert "supportfirst manage criteria_adopt" in message
    _adopt(northmoor)
    assert eligibility_check(assessment=assessment, answers=YES).criteria.owner == "958"


def test_the_decide_page_says_why_and_what_to_do(northmoor):
    from supportfirst.councils.models import Role
    from tests.accounts.factories import staff_user

    assessment = authorised_assessment(family_with_everyone(northmoor))
    worker = staff_user(northmoor, Role.PRACTITIONER)
    page = signed_in_client(worker).get(f"/staff/assessments/{assessment.pk}/eligibility/")
    assert page.status_code == 409
    text = page.content.decode()
    assert "has not recorded adopting it" in text
    assert "Ask a council administrator to record the adoption" in text


def test_rule_an_adoption_records_who_when_and_the_equality_impact(northmoor):
    adoption = _adopt(northmoor)
    assert (adoption.council_signatory, adoption.forum_signatory) == (
        "Priti Shah, Assistant Director",
        "Rosa Delgado, Northmoor Parent Carer Forum",
    )
    assert adoption.equality_impact_considered is True
    assert adoption.equality_impact_summary == EQUALITY
    assert _adopt(northmoor) == adoption  # adopting again keeps the one record
    with pytest.raises(PermissionError):
        adoption.save()


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"council_signatory": " "}, "who adopted the criteria for the council"),
        ({"forum_signatory": ""}, "signed the criteria off for the parent carer forum"),
        ({"equality_impact_summary": ""}, "equality impact was considered"),
    ],
)
def test_rule_an_adoption_needs_each_part(northmoor, changes, said):
    with pytest.raises(MoveRefused) as refused:
        _adopt(northmoor, **changes)
    assert said in str(refused.value)
    assert not CriteriaAdoption.objects.exists()


def test_rule_the_model_criteria_cannot_be_adopted(northmoor):
    model = PublishedCriteria.objects.get(owner="national")
    with pytest.raises(MoveRefused) as refused:
        _adopt(northmoor, criteria=model)
    assert "starting point, not criteria to adopt as they are" in str(refused.value)
    ashvale_row = PublishedCriteria.objects.filter(owner="957", status="published").first()
    with pytest.raises(MoveRefused, match="belong to another council"):
        _adopt(northmoor, criteria=ashvale_row)


def test_the_model_is_renamed_and_marked_as_a_starting_point():
    text = next(p for p in shipped_set_paths() if p.name == "national-model.yaml").read_text(
        encoding="utf-8"
    )
    assert "title: Support First model criteria\n" in text
    assert "status: draft" in text
    assert "starting point for a council to adapt" in text


def test_the_command_records_an_adoption(northmoor, capsys):
    version = current_criteria("958").version
    call_command(
        "criteria_adopt",
        "northmoor",
        version,
        "--council-signatory=Priti Shah, Assistant Director",
        "--forum-signatory=Rosa Delgado, Northmoor Parent Carer Forum",
        "--on=2026-12-01",
        f"--equality-summary={EQUALITY}",
    )
    assert "adopted by Northmoor City Council on 2026-12-01" in capsys.readouterr().out
    with pytest.raises(CommandError, match="equality impact"):
        call_command(
            "criteria_adopt",
            "northmoor",
            version,
            "--council-signatory=A",
            "--forum-signatory=B",
            "--on=2026-12-01",
            "--equality-summary= ",
        )


def test_the_public_page_shows_the_adoption(northmoor):
    page = Client().get("/criteria/northmoor/").content.decode()
    assert "has not recorded adopting these criteria" in page
    _adopt(northmoor)
    page = Client().get("/criteria/northmoor/").content.decode()
    assert "Adopted by Northmoor City Council on 1 December 2026" in page
    assert "Priti Shah, Assistant Director" in page
    assert "Rosa Delgado, Northmoor Parent Carer Forum" in page
    assert "Equality impact considered: yes" in page
    assert EQUALITY in page


def test_the_public_model_page_says_it_is_a_starting_point_never_used(db):
    criteria_publish_shipped()
    page = Client().get("/criteria/national/").content.decode()
    assert "Support First model criteria" in page
    assert "starting point" in page
    assert "No decision is made with these criteria" in page


def test_the_demo_councils_use_their_own_adopted_sets(db, on_5_december_2026):
    from supportfirst.eligibility.demo import adopt_demo_criteria

    criteria_publish_shipped()
    for code, slug in (("957", "ashvale"), ("958", "northmoor")):
        council = CouncilFactory(la_code=code, slug=slug, is_demo=True)
        adopt_demo_criteria(council)
        adoption = CriteriaAdoption.objects.get(criteria=current_criteria(code))
        assert adoption.council == council
        assert adoption.criteria.owner == code
    # Northmoor's 1.2, signed off by both and in force from 4 January 2027, is adopted too, on
    # the day of its later signature; 1.1 stays in force, adopted, until then.
    northmoor = {
        a.criteria.version: a for a in CriteriaAdoption.objects.filter(council__la_code="958")
    }
    assert sorted(northmoor) == ["1.1", "1.2"]
    assert northmoor["1.2"].adopted_on.isoformat() == "2026-12-05"
    assert current_criteria("958", datetime.date(2026, 12, 5)).version == "1.1"
    assert current_criteria("958", datetime.date(2027, 1, 4)).version == "1.2"


def test_migrating_an_existing_demo_database_adopts_the_new_shipped_versions(db):
    from supportfirst.eligibility.apps import _publish_shipped

    council = CouncilFactory(la_code="957", slug="ashvale", is_demo=True)
    real = CouncilFactory(la_code="958", slug="northmoor", is_demo=False)
    _publish_shipped(sender=None)
    assert CriteriaAdoption.objects.get(council=council).criteria == current_criteria("957")
    assert not CriteriaAdoption.objects.filter(council=real).exists()
