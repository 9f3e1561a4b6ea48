"""Trained assessors (issue 15, point 5): managers record who completed the council's
co-produced training (who delivered it, with parent carers by name and role, and when it must be
renewed); a council rule allows only trained, in-date practitioners to be a family's worker on
the support pathway, and a young carer's assessment needs the young carers' training."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from supportfirst.audit.models import AccessEvent
from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.pathway import allocation
from supportfirst.pathway.models import RequestStatus
from supportfirst.training.models import Course, TrainingRecord, TrainingRule
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.lost_updates import second_save
from tests.pathway.factories import SupportRequestFactory

TODAY = datetime.date.today


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")


@pytest.fixture
def trained(council, manager):
    person = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    _train(person, manager, Course.ASSESSMENT)
    return person


@pytest.fixture
def untrained(council):
    return staff_user(council, Role.PRACTITIONER, full_name="Lee Brown")


@pytest.fixture
def rule_on(council):
    return TrainingRule.objects.create(council=council, trained_only=True)


@pytest.fixture
def support_request(council):
    family = family_with_everyone(council, allocated_worker=None, name="Osei family")
    return SupportRequestFactory(child=family.children.get(), status=RequestStatus.SUPPORT_PATHWAY)


def _train(person, manager, course, *, completed=None, renew=None):
    today = timezone.localdate()
    return TrainingRecord.objects.create(
        council=person.membership.council,
        person=person,
        course=course,
        completed_on=completed or today - datetime.timedelta(days=30),
        renew_by=renew or today + datetime.timedelta(days=700),
        delivered_by="Priya Shah, practice lead",
        parent_carers="Dawn Clarke, parent carer forum trainer",
        recorded_by=manager,
        recorded_at=timezone.now(),
    )


def _actor(user):
    return Actor(user, scope_for(user))


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_manager_records_training_and_sees_it_listed(manager, untrained):
    today = timezone.localdate()
    client = signed_in_client(manager)
    response = client.post(
        "/staff/training/",
        {
            "person": untrained.pk,
            "course": Course.ASSESSMENT,
            **_date("completed_on", today),
            **_date("renew_by", today.replace(year=today.year + 2)),
            "delivered_by": "Priya Shah, practice lead",
            "parent_carers": "Dawn Clarke and Tom Reid, Ashvale Parent Carer Forum",
        },
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get(person=untrained)
    assert record.recorded_by == manager
    assert record.parent_carers == "Dawn Clarke and Tom Reid, Ashvale Parent Carer Forum"
    assert AccessEvent.objects.filter(record_type="training.trainingrecord").exists()
    page = client.get("/staff/training/").content.decode()
    assert "Dawn Clarke and Tom Reid, Ashvale Parent Carer Forum" in page
    assert "In date" in page


def test_a_renewal_before_completion_is_explained_and_what_was_typed_kept(manager, untrained):
    today = timezone.localdate()
    response = signed_in_client(manager).post(
        "/staff/training/",
        {
            "person": untrained.pk,
            "course": Course.ASSESSMENT,
            **_date("completed_on", today),
            **_date("renew_by", today - datetime.timedelta(days=3)),
            "delivered_by": "Priya Shah, practice lead",
            "parent_carers": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The renewal date must be after the date they completed it" in page
    assert "Enter the parent carers who delivered the training" in page
    assert 'value="Priya Shah, practice lead"' in page
    assert not TrainingRecord.objects.exists()


def test_only_managers_and_the_administrator_use_the_training_page(council, untrained):
    assert signed_in_client(untrained).get("/staff/training/").status_code == 403
    forum = staff_user(council, Role.FORUM_MEMBER)
    assert signed_in_client(forum).get("/staff/training/").status_code == 403
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    assert signed_in_client(admin).get("/staff/training/").status_code == 200


def test_another_councils_training_is_never_listed(manager, other_council):
    elsewhere = staff_user(other_council, Role.PRACTITIONER, full_name="Robin Elsewhere")
    other_manager = staff_user(other_council, Role.TEAM_MANAGER)
    _train(elsewhere, other_manager, Course.ASSESSMENT)
    page = signed_in_client(manager).get("/staff/training/").content.decode()
    assert "Robin Elsewhere" not in page


def test_the_rule_is_set_on_the_page(council, manager):
    response = signed_in_client(manager).post(
        "/staff/training/", {"trained_only": "yes", "rule": "Save the rule"}
    )
    assert response.status_code == 302
    assert TrainingRule.objects.get(council=council).trained_only is True


def test_a_second_save_of_the_rule_does_not_overwrite_the_first(council, manager):
    TrainingRule.objects.create(council=council)
    page = second_save(
        signed_in_client(manager),
        signed_in_client(staff_user(council, Role.TEAM_MANAGER)),
        "/staff/training/",
        {"trained_only": "yes", "rule": "Save the rule"},
        {"trained_only": "no", "rule": "Save the rule"},
    )
    assert "Someone else saved this" in page
    assert TrainingRule.objects.get(council=council).trained_only is True


def test_without_the_rule_anyone_can_be_allocated(manager, untrained, support_request):
    allocation.allocate_worker(actor=_actor(manager), request=support_request, worker=untrained)
    support_request.family.refresh_from_db()
    assert support_request.family.allocated_worker == untrained


def test_with_the_rule_an_untrained_worker_is_refused_with_a_clear_message(
    manager, untrained, trained, support_request, rule_on
):
    with pytest.raises(MoveRefused, match=r"training .* is in date"):
        allocation.allocate_worker(actor=_actor(manager), request=support_request, worker=untrained)
    response = signed_in_client(manager).post(
        f"/staff/requests/{support_request.pk}/worker/", {"worker": untrained.pk}
    )
    assert response.status_code == 400
    assert "Select a person from the list" in response.content.decode()
    allocation.allocate_worker(actor=_actor(manager), request=support_request, worker=trained)
    support_request.family.refresh_from_db()
    assert support_request.family.allocated_worker == trained


def test_with_the_rule_the_drop_down_lists_only_trained_staff(
    manager, untrained, trained, support_request, rule_on
):
    page = signed_in_client(manager).get(f"/staff/requests/{support_request.pk}/worker/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Sam Patel" in text
    assert "Lee Brown" not in text
    assert "Only they are on the list." in text


def test_out_of_date_training_does_not_count(manager, untrained, support_request, rule_on):
    today = timezone.localdate()
    _train(
        untrained,
        manager,
        Course.ASSESSMENT,
        completed=today - datetime.timedelta(days=800),
        renew=today - datetime.timedelta(days=1),
    )
    with pytest.raises(MoveRefused, match="training"):
        allocation.allocate_worker(actor=_actor(manager), request=support_request, worker=untrained)


def test_a_practitioner_without_training_cannot_take_a_request(untrained, support_request, rule_on):
    with pytest.raises(MoveRefused, match="training"):
        allocation.take_request(actor=_actor(untrained), request=support_request)


def test_a_young_carers_assessment_needs_the_young_carers_training(
    manager, trained, support_request, rule_on
):
    support_request.young_carer_assessment_asked = True
    support_request.save()
    with pytest.raises(MoveRefused, match="young carer"):
        allocation.allocate_worker(actor=_actor(manager), request=support_request, worker=trained)
    page = signed_in_client(manager).get(f"/staff/requests/{support_request.pk}/worker/")
    assert "Sam Patel" not in page.content.decode()
    _train(trained, manager, Course.YOUNG_CARERS)
    allocation.allocate_worker(actor=_actor(manager), request=support_request, worker=trained)
    support_request.family.refresh_from_db()
    assert support_request.family.allocated_worker == trained


def test_the_rule_does_not_hold_up_a_move_to_safeguarding(manager, untrained, council, rule_on):
    family = family_with_everyone(council, allocated_worker=None)
    moved = SupportRequestFactory(
        child=family.children.get(), status=RequestStatus.MOVED_TO_SAFEGUARDING
    )
    allocation.allocate_worker(actor=_actor(manager), request=moved, worker=untrained)
    family.refresh_from_db()
    assert family.allocated_worker == untrained


def test_the_demo_records_training_with_parent_carers(db):
    from supportfirst import demo

    assert demo.load_if_empty() is True
    record = TrainingRecord.objects.select_related("council").first()
    assert record is not None
    assert record.council.is_demo
    assert "parent carer forum trainer" in record.parent_carers
    assert not TrainingRule.objects.filter(trained_only=True).exists()
