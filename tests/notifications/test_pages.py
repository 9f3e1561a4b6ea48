"""The family's notification choices and the staff page of what a family was told."""

from __future__ import annotations

from django.utils import timezone

from supportfirst.audit.models import AccessEvent
from supportfirst.notifications import services
from supportfirst.notifications.models import NotificationPreference
from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.lost_updates import second_save


def test_the_family_sees_their_current_choice(parent):
    page = signed_in_client(parent).get("/family/notifications/").content.decode()
    assert "How we contact you" in page
    assert 'value="claire@example.test"' in page


def test_an_empty_form_shows_the_error_summary(parent):
    response = signed_in_client(parent).post("/family/notifications/", {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Select email or text message" in page


def test_text_messages_need_a_uk_mobile_number(parent):
    client = signed_in_client(parent)
    response = client.post(
        "/family/notifications/",
        {"channel": "text", "mobile": "0161 496 0000", "format": "standard"},
    )
    assert response.status_code == 400
    assert "Enter a UK mobile number" in response.content.decode()
    assert 'value="0161 496 0000"' in response.content.decode()


def test_the_family_chooses_text_messages_in_large_print_and_another_language(parent, family):
    response = signed_in_client(parent).post(
        "/family/notifications/",
        {"channel": "text", "mobile": "07700 900 982", "format": "large_print", "language": "Urdu"},
    )
    assert response.status_code == 302
    saved = NotificationPreference.objects.get(family=family)
    assert (saved.channel, saved.mobile, saved.format, saved.language) == (
        "text",
        "07700900982",
        "large_print",
        "Urdu",
    )
    assert saved.updated_by == parent


def test_staff_see_what_the_family_was_told_and_the_read_is_logged(practitioner, family):
    services.notify_family(family, services.PLAN_READY, subject="Your plan", body="Read it.")
    response = signed_in_client(practitioner).get(f"/staff/families/{family.pk}/notifications/")
    page = response.content.decode()
    assert "Your plan" in page
    assert "c***@example.test" in page
    assert "claire@example.test" not in page
    assert AccessEvent.objects.filter(
        record_type="families.family", record_id=str(family.pk), action="view"
    ).exists()


def test_a_second_save_of_the_familys_choices_does_not_overwrite_the_first(parent, family):
    NotificationPreference.objects.create(
        family=family, email="claire@example.test", updated_at=timezone.now()
    )
    page = second_save(
        signed_in_client(parent),
        signed_in_client(family_user(family)),
        "/family/notifications/",
        {"channel": "email", "email": "claire@example.test", "format": "large_print"},
        {"channel": "email", "email": "claire@example.test", "format": "easy_read"},
    )
    assert "Large print" in page
    assert "Easy read" in page
    assert NotificationPreference.objects.get(family=family).format == "large_print"


def _sent(family, subject, **fields):
    from django.utils import timezone

    from supportfirst.notifications.models import Notification

    return Notification.objects.create(
        family=family,
        event="decision_made",
        channel="email",
        sent_at=timezone.now(),
        to="c***@example.test",
        subject=subject,
        **fields,
    )


def test_the_family_sees_whether_each_message_was_delivered(parent, family):
    _sent(family, "Next step for Sam", status="sent")
    _sent(
        family,
        "Your complaint",
        status="failed",
        attempts=4,
        last_error="The email server did not answer in time.",
    )
    _sent(family, "Letter ready", status="queued")
    page = signed_in_client(parent).get("/family/notifications/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Messages we sent you" in text
    assert "Not delivered after 4 tries. The email server did not answer in time." in text
    assert "Waiting to send" in text
    assert "Next step for Sam" in text
    assert AccessEvent.objects.filter(
        family_id=family.pk, record_type="families.family", action="view"
    ).exists()


def test_a_message_for_one_family_member_is_not_in_the_others_list(parent, family):
    from tests.accounts.factories import family_user

    young_person = family_user(family, child=family.children.first())
    _sent(family, "Your own complaint", addressed_to_user=young_person, status="sent")
    page = signed_in_client(parent).get("/family/notifications/")
    assert page.status_code == 200
    assert "Your own complaint" not in page.content.decode()
    assert "We have not sent you any messages through this service yet." in page.content.decode()
