"""The access log: every read of a family's record is written, and tampering is caught."""

from __future__ import annotations

import pytest
from django.db import connection

from supportfirst.audit import chain
from supportfirst.audit.models import AccessEvent, ChainHead
from supportfirst.audit.services import hashable_fields, verify_log
from supportfirst.cli import main
from tests.conftest import signed_in_client


def _read_family_three_times(practitioner, family):
    client = signed_in_client(practitioner)
    for _ in range(3):
        assert client.get(f"/staff/families/{family.pk}/").status_code == 200


def test_reading_a_family_record_writes_an_event(practitioner, family):
    client = signed_in_client(practitioner)
    response = client.get(f"/staff/families/{family.pk}/", HTTP_X_REQUEST_ID="trace-12345678")
    assert response.status_code == 200
    event = AccessEvent.objects.get()
    assert (event.actor_id, event.role, event.council_id, event.family_id) == (
        practitioner.pk,
        "practitioner",
        family.council_id,
        family.pk,
    )
    assert (event.record_type, event.record_id, event.action) == (
        "families.family",
        str(family.pk),
        "view",
    )
    # The id the client sent is not stored as if the service made it: the service's own is.
    assert event.request_id != "trace-12345678"
    assert event.request_id == response["X-Request-ID"]
    assert len(event.request_id) == 32


def test_a_proxys_request_id_is_kept_only_when_the_operator_says_the_proxy_makes_it(
    practitioner, family, settings
):
    settings.REQUEST_ID_FROM_PROXY = True
    client = signed_in_client(practitioner)
    response = client.get(f"/staff/families/{family.pk}/", HTTP_X_REQUEST_ID="nginx-12345678")
    assert response["X-Request-ID"] == "nginx-12345678"
    assert AccessEvent.objects.get().request_id == "nginx-12345678"


def test_a_refused_read_writes_nothing(practitioner, other_council):
    from tests.families.factories import family_with_everyone

    elsewhere = family_with_everyone(other_council)
    assert signed_in_client(practitioner).get(f"/staff/families/{elsewhere.pk}/").status_code == 404
    assert not AccessEvent.objects.exists()


def test_the_family_sees_who_looked(practitioner, family, parent):
    _read_family_three_times(practitioner, family)
    page = signed_in_client(parent).get("/family/who-has-looked/").content.decode()
    assert page.count(str(practitioner)) == 3


def test_an_intact_chain_verifies(practitioner, family):
    _read_family_three_times(practitioner, family)
    verdict = verify_log()
    assert verdict.ok
    assert verdict.events_checked == 3
    assert verdict.head_hash == ChainHead.objects.get().hash


def test_events_cannot_be_changed_or_removed_through_the_application(practitioner, family):
    _read_family_three_times(practitioner, family)
    event = AccessEvent.objects.first()
    event.action = "change"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_verify_catches_an_edited_row(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("UPDATE audit_accessevent SET actor_username = %s WHERE sequence = 2", ["someone-else"])
    verdict = verify_log()
    assert not verdict.ok
    assert verdict.broken_at == 2
    assert "changed" in verdict.problem


def test_verify_catches_a_deleted_row(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("DELETE FROM audit_accessevent WHERE sequence = %s", [2])
    verdict = verify_log()
    assert not verdict.ok
    assert verdict.broken_at == 2
    assert "missing" in verdict.problem


def test_verify_catches_a_deleted_last_row(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("DELETE FROM audit_accessevent WHERE sequence = %s", [3])
    verdict = verify_log()
    assert not verdict.ok
    assert "removed from the end" in verdict.problem


def test_verify_catches_an_inserted_row(practitioner, family):
    _read_family_three_times(practitioner, family)
    second = AccessEvent.objects.get(sequence=2)
    # Slip a forged event in as number 2, moving the real ones along.
    _raw("UPDATE audit_accessevent SET sequence = sequence + 100 WHERE sequence >= %s", [2])
    _raw("UPDATE audit_accessevent SET sequence = sequence - 99 WHERE sequence >= %s", [100])
    forged = {
        "sequence": 2,
        "occurred_at": second.occurred_at,
        "actor_id": second.actor_id,
        "actor_username": "forger",
        "role": second.role,
        "council_id": second.council_id,
        "family_id": second.family_id,
        "record_type": second.record_type,
        "record_id": second.record_id,
        "action": "view",
        "request_id": "",
    }
    # The forger even computes a correct hash for their row; the next link still breaks.
    digest = chain.event_hash(hashable_fields(forged), second.previous_hash)
    AccessEvent.objects.create(**forged, previous_hash=second.previous_hash, hash=digest)
    verdict = verify_log()
    assert not verdict.ok
    assert verdict.broken_at == 3
    assert "does not follow on" in verdict.problem


def test_the_cli_reports_the_first_broken_link(practitioner, family, capsys, monkeypatch):
    monkeypatch.setenv("SUPPORTFIRST_TESTING", "1")
    _read_family_three_times(practitioner, family)
    assert main(["audit", "verify"]) == 0
    assert "intact: 3 events" in capsys.readouterr().out
    _raw("UPDATE audit_accessevent SET record_id = %s WHERE sequence = 3", ["999"])
    assert main(["audit", "verify"]) == 1
    assert "broken at event 3" in capsys.readouterr().out


def test_a_safeguarding_proposal_the_family_was_not_told_about_is_not_in_their_log(
    practitioner, family, parent
):
    from tests.pathway.factories import ProposedMoveFactory, SupportRequestFactory

    request = SupportRequestFactory(child=family.children.first())
    secret = ProposedMoveFactory(request=request, proposed_by=practitioner, family_told=False)
    told = ProposedMoveFactory(
        request=request, proposed_by=practitioner, family_told=True, reason_not_told=""
    )
    client = signed_in_client(practitioner)
    for move in (secret, told):
        from supportfirst.audit.services import append_event

        append_event(
            actor_id=practitioner.pk,
            actor_username=practitioner.username,
            role="practitioner",
            council_id=family.council_id,
            family_id=family.pk,
            record_type="pathway.safeguardingmove",
            record_id=str(move.pk),
            action="view",
            request_id="",
        )
    page = signed_in_client(parent).get("/family/who-has-looked/").content.decode()
    assert page.count("a proposed move to safeguarding") == 1
    staff_page = client.get(f"/staff/families/{family.pk}/").content.decode()
    assert staff_page.count("a proposed move to safeguarding") == 2
