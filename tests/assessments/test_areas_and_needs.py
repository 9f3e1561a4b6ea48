"""Writing an area: the family's account is theirs (added to, never changed); the rest can be
changed while the assessment is in progress."""

from __future__ import annotations

import pytest

from supportfirst.assessments import services
from supportfirst.assessments.models import AreaStatus, FamilyAccount, Need
from supportfirst.assessments.services import AreaInput, NeedInput
from supportfirst.audit.models import AccessEvent
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from tests.assessments.conftest import actor
from tests.assessments.factories import AssessmentFactory, ReadyForFamilyAssessmentFactory

FIRST = "He wakes at 2am most nights and one of us sits with him until 4."


@pytest.fixture
def area(family):
    assessment = AssessmentFactory(request__child=family.children.first())
    return assessment.areas.get(code="sleep")


def test_the_familys_account_is_saved_in_their_words_and_attributed(practitioner, area):
    services.area_save(
        actor=actor(practitioner),
        area=area,
        given=AreaInput(family_account=FIRST, family_account_by="Claire Hughes (Mum)"),
    )
    account = FamilyAccount.objects.get(area=area)
    assert (account.text, account.said_by, account.recorded_by) == (
        FIRST,
        "Claire Hughes (Mum)",
        practitioner,
    )
    assert AccessEvent.objects.filter(record_type="assessments.familyaccount").exists()


def test_the_familys_account_cannot_be_edited_by_staff_once_saved(practitioner, area):
    services.area_save(
        actor=actor(practitioner),
        area=area,
        given=AreaInput(family_account=FIRST, family_account_by="Claire Hughes (Mum)"),
    )
    services.area_save(
        actor=actor(practitioner),
        area=area,
        given=AreaInput(
            family_account="Since the new medicine he sleeps until 3.",
            family_account_by="Dev Hughes (Dad)",
        ),
    )
    accounts = list(FamilyAccount.objects.filter(area=area).order_by("pk"))
    assert [a.text for a in accounts] == [FIRST, "Since the new medicine he sleeps until 3."]
    assert accounts[0].said_by == "Claire Hughes (Mum)"
    # Saving the rest of the area leaves every account as it was.
    services.area_save(
        actor=actor(practitioner), area=area, given=AreaInput(practitioner_analysis="Nights.")
    )
    assert list(FamilyAccount.objects.filter(area=area).order_by("pk")) == accounts
    assert FamilyAccount.objects.get(pk=accounts[0].pk).text == FIRST


def test_the_familys_account_needs_who_said_it(practitioner, area):
    with pytest.raises(MoveRefused, match="Enter who told us"):
        services.area_save(actor=actor(practitioner), area=area, given=AreaInput(FIRST))
    assert not FamilyAccount.objects.exists()


def test_the_rest_of_an_area_can_be_changed_while_in_progress(practitioner, area):
    given = AreaInput(
        child_view="Alfie pointed to the picture of his bed and signed 'sad'.",
        child_view_how=("signs", "pictures"),
        practitioner_analysis="Broken nights leave the whole family exhausted.",
    )
    saved = services.area_save(actor=actor(practitioner), area=area, given=given)
    assert saved.status == AreaStatus.IN_PROGRESS
    assert saved.child_view_how_labels == ["Signs", "Pictures"]
    saved = services.area_save(
        actor=actor(practitioner),
        area=area,
        given=AreaInput(practitioner_analysis="Changed.", completed=True),
        version=saved.version,
    )
    assert (saved.practitioner_analysis, saved.status) == ("Changed.", AreaStatus.COMPLETED)


def test_an_area_is_complete_only_with_an_analysis_or_nothing_to_add(practitioner, area):
    with pytest.raises(MoveRefused, match="Write your analysis, or tick"):
        services.area_save(actor=actor(practitioner), area=area, given=AreaInput(completed=True))
    saved = services.area_save(
        actor=actor(practitioner),
        area=area,
        given=AreaInput(nothing_to_add=True, completed=True),
    )
    assert saved.status == AreaStatus.COMPLETED


def test_a_second_person_saving_the_same_area_does_not_overwrite_the_first(practitioner, area):
    opened_at = area.version
    services.area_save(
        actor=actor(practitioner), area=area, given=AreaInput(practitioner_analysis="First.")
    )
    with pytest.raises(services.AreaChanged):
        services.area_save(
            actor=actor(practitioner),
            area=area,
            given=AreaInput(practitioner_analysis="Second."),
            version=opened_at,
        )
    area.refresh_from_db()
    assert area.practitioner_analysis == "First."


def test_needs_are_added_and_removed_while_in_progress(practitioner, area):
    need = services.need_add(
        actor=actor(practitioner),
        area=area,
        given=NeedInput(
            description="Someone awake with him at night.",
            how_often="every_day",
            only_with_danger=True,
        ),
    )
    assert need.unable_to_achieve("Alfie") == ["doing it puts Alfie or others in danger"]
    services.need_remove(actor=actor(practitioner), need=need)
    assert not Need.objects.exists()


def test_nothing_changes_once_the_family_can_read_it(practitioner, family):
    assessment = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    area = assessment.areas.first()
    with pytest.raises(IllegalMove, match="Make more changes"):
        services.area_save(actor=actor(practitioner), area=area, given=AreaInput())
    with pytest.raises(IllegalMove):
        services.need_add(
            actor=actor(practitioner),
            area=area,
            given=NeedInput(description="x", how_often="every_day"),
        )
