"""A request that closes takes its planned contacts with it (issue 18, review point 3): after
"information and advice only" (agreed, or a decision not to assess confirmed), no planned visit
is left waiting for the family's view or for a team manager, on any page."""

from __future__ import annotations

import pytest

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.pathway import services
from supportfirst.pathway.models import ContactStatus, PathwayEvent, RequestStatus
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import PlannedContactFactory, SupportRequestFactory, agreed


def actor(user) -> Actor:
    return Actor(user, scope_for(user), "test")


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


@pytest.fixture
def support_request(family):
    child = family.children.first()
    child.first_name = "Alfie"
    child.save()
    return SupportRequestFactory(child=child)


@pytest.fixture
def objected(support_request, practitioner):
    """A home visit the family said no to, waiting for a team manager."""
    return PlannedContactFactory(
        request=support_request, family=support_request.family, planned_by=practitioner
    )


def _close_by_agreement(practitioner, support_request):
    return services.decide_information(
        actor=actor(practitioner),
        request=support_request,
        information_given="The list of holiday clubs with trained staff.",
        agreement=agreed(),
    )


def test_agreed_information_cancels_an_objected_visit_with_a_timeline_entry(
    practitioner, manager, support_request, objected
):
    _close_by_agreement(practitioner, support_request)
    objected.refresh_from_db()
    assert objected.status == ContactStatus.CANCELLED
    assert "has ended with information and advice" in objected.cancelled_reason
    assert "Alfie's needs" in objected.cancelled_reason
    event = PathwayEvent.objects.get(request=support_request, move="cancel")
    assert event.summary == "The planned home visit was cancelled because the request closed"
    # Not waiting for a manager anywhere.
    staff_page = signed_in_client(practitioner).get(f"/staff/requests/{support_request.pk}/")
    assert staff_page.status_code == 200
    assert "needs a team manager" not in staff_page.content.decode()
    team = signed_in_client(manager).get("/staff/team/")
    assert f"/staff/contacts/{objected.pk}/" not in team.content.decode()


def test_the_family_page_shows_it_cancelled_not_pending(practitioner, support_request, objected):
    _close_by_agreement(practitioner, support_request)
    parent = family_user(support_request.family)
    response = signed_in_client(parent).get(f"/family/requests/{support_request.pk}/")
    assert response.status_code == 200
    page = response.content.decode().replace("&#x27;", "'")
    assert "Cancelled: Home visit" in page
    assert "has ended with information and advice" in page
    assert "it will not go ahead unless a team manager decides it must" not in page
    assert "Change your answer" not in page


def test_a_confirmed_decision_not_to_assess_cancels_every_planned_contact(
    practitioner, manager, support_request, objected
):
    agreed_visit = PlannedContactFactory(
        request=support_request,
        family=support_request.family,
        planned_by=practitioner,
        record__family_view="agree",
    )
    services.propose_not_assessing(
        actor=actor(practitioner),
        request=support_request,
        information_given="The holiday club list.",
        reason="Mum asked only for the holiday club list and said the family has the help.",
    )
    # Still planned while the decision waits: the request has not closed yet.
    objected.refresh_from_db()
    assert objected.status == ContactStatus.PLANNED
    services.confirm_not_assessing(
        actor=actor(manager),
        request=support_request,
        confirm=True,
        reason="The family asked only for information today.",
    )
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.INFORMATION_GIVEN
    for contact in (objected, agreed_visit):
        contact.refresh_from_db()
        assert contact.status == ContactStatus.CANCELLED
    assert PathwayEvent.objects.filter(request=support_request, move="cancel").count() == 2


def test_done_contacts_are_left_alone(practitioner, support_request, objected):
    from supportfirst.pathway.models import Contact

    Contact.objects.filter(pk=objected.pk).update(status=ContactStatus.DONE)
    _close_by_agreement(practitioner, support_request)
    objected.refresh_from_db()
    assert objected.status == ContactStatus.DONE
