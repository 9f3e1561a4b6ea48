"""Email through GOV.UK Notify uses Notify's official client with the configured template."""

from django.core.mail import EmailMessage
from django.test import override_settings

from supportfirst.notify import NotifyEmailBackend

FAKE_KEY = (
    "test_key-"
    + "11111111-1111-1111-1111-111111111111"
    + "-"
    + "22222222-2222-2222-2222-222222222222"
)


@override_settings(NOTIFY_API_KEY=FAKE_KEY, NOTIFY_EMAIL_TEMPLATE_ID="template-123")
def test_each_recipient_gets_one_notify_email(monkeypatch):
    sent = []
    backend = NotifyEmailBackend()
    monkeypatch.setattr(
        backend.client, "send_email_notification", lambda **kwargs: sent.append(kwargs)
    )
    message = EmailMessage("Your request", "We got it.", to=["a@example.test", "b@example.test"])
    assert backend.send_messages([message]) == 2
    assert sent[0] == {
        "email_address": "a@example.test",
        "template_id": "template-123",
        "personalisation": {"subject": "Your request", "body": "We got it."},
    }
    assert sent[1]["email_address"] == "b@example.test"
