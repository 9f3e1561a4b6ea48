"""A return written from the command line is in the council's access log."""

from __future__ import annotations

from supportfirst.audit.models import AccessEvent, Action


def assert_logged_from_command_line(council, record_id: str) -> None:
    (event,) = AccessEvent.objects.filter(council_id=council.pk, record_id=record_id)
    assert event.action == Action.DOWNLOAD
    assert event.actor_id is None
    assert event.actor_username.startswith("command line (")
    assert "uid " in event.actor_username
    assert event.family_id is None
