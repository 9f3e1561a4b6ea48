"""No page waits for a mail server (docs/security.md, "Messages never hold a decision"): the
public "email me a link", a member of staff inviting a family member, accepting an online
request (which invites the person who asked) and a password reset each put their email on the
task queue, so a mail server that refuses (or never answers) neither stops the page nor shows it
an error."""

from __future__ import annotations

import socket

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.accounts.factories import staff_user
from tests.asking.journey import url
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(sent_at_once):
    """The database queue (nothing is sent during the request; what is queued after commit is
    queued at once, `sent_at_once`) and a mail server that refuses every connection: a page
    that sent its email itself would fail."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=1,
    ):
        yield


def _queued_email_to(address: str) -> bool:
    return any(
        address in (result.args_kwargs.get("kwargs", {}).get("to") or [])
        for result in DBTaskResult.objects.all()
    )


def test_email_me_a_link_is_queued(council, mail_server_down):
    client = Client()
    client.post(url("help_wanted", council), {"help_wanted": "Bedtime help", "then": "save"})
    response = client.post(url("save", council), {"email": "priya@example.test"})
    assert response.status_code == 302
    assert response["Location"] == url("saved", council)
    assert mail.outbox == []
    assert _queued_email_to("priya@example.test")


def test_an_invitation_is_queued(family, practitioner, mail_server_down):
    carer = family.parent_carers.get()
    invite = reverse("staff_asking:invite", kwargs={"family_id": family.pk})
    response = signed_in_client(practitioner).post(
        invite, {"person": f"carer-{carer.pk}", "email": "mum@example.test"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:family", kwargs={"family_id": family.pk})
    assert _queued_email_to("mum@example.test")


def test_a_password_reset_is_queued(council, mail_server_down):
    from supportfirst.councils.models import Role

    staff_user(council, Role.PRACTITIONER, email="tom@example.test")
    response = Client().post(reverse("accounts:password_reset"), {"email": "tom@example.test"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_sent")
    assert _queued_email_to("tom@example.test")
