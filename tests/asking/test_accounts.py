"""Family accounts: staff invite a parent carer or a young person aged 16 or over; accepting
an online request invites the person who asked; the link sets a password."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from supportfirst.accounts.models import User
from supportfirst.asking import services
from supportfirst.asking.models import FamilyInvitation, OnlineStatus, YoungPersonSharing
from supportfirst.councils.models import Role
from tests.accounts.factories import PASSWORD, family_user
from tests.asking.factories import OnlineRequestFactory
from tests.conftest import signed_in_client
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportRequestFactory

# Emails go on the task queue after commit; here they are queued (and sent) at once.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sent_at_once")]


def _link() -> str:
    return re.search(r"http://testserver(/ask/account/[^/]+/)", mail.outbox[-1].body).group(1)


def _sixteen_year_old(family):
    today = timezone.localdate()
    return ChildFactory(family=family, first_name="Sam", date_of_birth=date(today.year - 17, 1, 1))


def test_staff_invite_a_parent_carer_who_sets_a_password(family, practitioner):
    carer = family.parent_carers.get()
    staff = signed_in_client(practitioner)
    invite = reverse("staff_asking:invite", kwargs={"family_id": family.pk})
    assert carer.full_name in staff.get(invite).content.decode()
    response = staff.post(invite, {"person": f"carer-{carer.pk}", "email": "Mum@Example.test"})
    assert response["Location"] == reverse("staff:family", kwargs={"family_id": family.pk})
    link = _link()
    invitation = FamilyInvitation.objects.get()
    assert invitation.token_hash == services.token_hash(link.rstrip("/").rsplit("/", 1)[1])
    page = Client().get(link)
    assert "mum@example.test" in page.content.decode()
    response = Client().post(link, {"password": PASSWORD, "password_again": PASSWORD})
    assert response["Location"] == reverse("accounts:sign_in")
    user = User.objects.get(username="mum@example.test")
    assert user.check_password(PASSWORD)
    assert (user.membership.role, user.membership.family) == (Role.FAMILY_MEMBER, family)
    assert user.membership.child is None
    assert Client().get(link)["Location"] == reverse("asking:link_not_working")


def test_the_sign_in_page_after_setting_up_an_account_has_the_username_filled_in(
    family, practitioner
):
    services.invitation_send(
        actor=_actor(practitioner),
        family=family,
        full_name="Claire Hughes",
        email="claire@example.test",
        link_for=lambda path: f"http://testserver{path}",
    )
    browser = Client()
    made = browser.post(_link(), {"password": PASSWORD, "password_again": PASSWORD})
    assert made["Location"] == reverse("accounts:sign_in")
    page = browser.get(made["Location"]).content.decode()
    assert "Your account is ready. Sign in with the username claire@example.test" in page
    assert 'name="username" value="claire@example.test"' in page
    assert 'name="username" value=' not in Client().get(made["Location"]).content.decode()


def test_the_password_validators_apply(family, practitioner):
    services.invitation_send(
        actor=_actor(practitioner),
        family=family,
        full_name="Claire Hughes",
        email="claire@example.test",
        link_for=lambda path: f"http://testserver{path}",
    )
    link = _link()
    response = Client().post(link, {"password": "password", "password_again": "password"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "This password is too short. It must contain at least 12 characters." in page
    assert "This password is too common." in page
    response = Client().post(link, {"password": PASSWORD, "password_again": PASSWORD + "x"})
    assert "The passwords do not match" in response.content.decode()
    assert not User.objects.filter(username="claire@example.test").exists()


def _actor(user):
    from supportfirst.audit.services import Actor
    from supportfirst.councils.scoping import scope_for

    return Actor(user, scope_for(user))


def test_a_young_person_aged_16_or_over_gets_their_own_account(family, practitioner):
    young = _sixteen_year_old(family)
    staff = signed_in_client(practitioner)
    invite = reverse("staff_asking:invite", kwargs={"family_id": family.pk})
    assert "Sam" in staff.get(invite).content.decode()
    staff.post(invite, {"person": f"child-{young.pk}", "email": "sam@example.test"})
    Client().post(_link(), {"password": PASSWORD, "password_again": PASSWORD})
    membership = User.objects.get(username="sam@example.test").membership
    assert (membership.role, membership.child) == (Role.YOUNG_PERSON, young)
    sharing = YoungPersonSharing.objects.get(child=young)
    assert sharing.share_own_views_with_parents is False


def test_a_child_under_16_cannot_be_invited(family, practitioner):
    younger = family.children.get()  # born 2015: under 16
    staff = signed_in_client(practitioner)
    invite = reverse("staff_asking:invite", kwargs={"family_id": family.pk})
    assert f"child-{younger.pk}" not in staff.get(invite).content.decode()
    response = staff.post(invite, {"person": f"child-{younger.pk}", "email": "x@example.test"})
    assert response.status_code == 400
    with pytest.raises(services.Refused, match="under 16"):
        services.invitation_send(
            actor=_actor(practitioner),
            family=family,
            full_name="Child",
            email="x@example.test",
            child=younger,
            link_for=str,
        )
    assert not FamilyInvitation.objects.exists()


def test_the_invite_page_checks_what_was_typed(family, practitioner):
    staff = signed_in_client(practitioner)
    invite = reverse("staff_asking:invite", kwargs={"family_id": family.pk})
    response = staff.post(invite, {"email": "not an email"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Select who you are inviting" in page
    assert "not an email" in page


def test_an_expired_invitation_does_not_work(family, practitioner):
    invitation = services.invitation_send(
        actor=_actor(practitioner),
        family=family,
        full_name="Claire",
        email="claire@example.test",
        link_for=lambda path: path,
    )
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    invitation.save()
    assert Client().get(_link_from_body())["Location"] == reverse("asking:link_not_working")


def _link_from_body() -> str:
    return re.search(r"(/ask/account/[^/]+/)", mail.outbox[-1].body).group(1)


def test_an_email_already_used_by_an_account_is_refused_plainly(family, practitioner, parent):
    services.invitation_send(
        actor=_actor(practitioner),
        family=family,
        full_name="Claire",
        email=parent.username,
        link_for=lambda path: path,
    )
    response = Client().post(_link_from_body(), {"password": PASSWORD, "password_again": PASSWORD})
    assert response.status_code == 400
    assert "already an account" in response.content.decode()


def test_accepting_an_online_request_invites_the_person_who_asked(family, practitioner):
    online = OnlineRequestFactory(
        support_request=SupportRequestFactory(child=family.children.get()),
        requester_email="asker@example.test",
    )
    staff = signed_in_client(practitioner)
    page_url = reverse("staff_asking:online_request", kwargs={"online_request_id": online.pk})
    page = staff.get(page_url).content.decode()
    assert "Accept and invite" in page
    assert online.good_week in page
    accept = reverse("staff_asking:online_request_accept", kwargs={"online_request_id": online.pk})
    assert staff.post(accept)["Location"] == page_url
    online.refresh_from_db()
    assert (online.status, online.accepted_by) == (OnlineStatus.ACCEPTED, practitioner)
    assert mail.outbox[-1].to == ["asker@example.test"]
    assert FamilyInvitation.objects.get().family == family
    again = staff.post(accept)
    assert again.status_code == 409
    assert len(mail.outbox) == 1


def test_no_email_address_means_no_invitation(family, practitioner):
    online = OnlineRequestFactory(
        support_request=SupportRequestFactory(child=family.children.get()), requester_email=""
    )
    accept = reverse("staff_asking:online_request_accept", kwargs={"online_request_id": online.pk})
    response = signed_in_client(practitioner).post(accept)
    assert response.status_code == 409
    assert "did not give an email address" in response.content.decode()
    online.refresh_from_db()
    assert online.status == OnlineStatus.WAITING


def test_the_staff_list_of_online_requests_stays_flat(
    council, practitioner, django_assert_max_num_queries
):
    staff = signed_in_client(practitioner)
    first = [
        OnlineRequestFactory(support_request__child__family__council=council) for _ in range(3)
    ]
    with django_assert_max_num_queries(12) as few:
        response = staff.get(reverse("staff_asking:online_requests"))
    assert response.status_code == 200
    assert first[0].support_request.reference in response.content.decode()
    for _ in range(10):
        OnlineRequestFactory(support_request__child__family__council=council)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff.get(reverse("staff_asking:online_requests"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("govuk-table__row") == 14
    assert first[0].support_request.reference in page


def test_staff_see_only_their_own_councils_online_requests(council, other_council, practitioner):
    OnlineRequestFactory(
        support_request__child__family__council=other_council, requester_name="Elsewhere"
    )
    page = signed_in_client(practitioner).get(reverse("staff_asking:online_requests"))
    assert "Elsewhere" not in page.content.decode()


def test_families_cannot_use_the_staff_pages(family):
    parent = family_user(family)
    response = signed_in_client(parent).get(reverse("staff_asking:online_requests"))
    assert response.status_code == 403
