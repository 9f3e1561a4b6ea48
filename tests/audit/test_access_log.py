"""The access log: every read of a family's record is written, and tampering is caught."""

from __future__ import annotations

import pytest
from django.db import connection

from supportfirst.audit import chain
from supportfirst.audit.models import AccessEvent, ChainHead
from supportfirst.audit.services import chain_key, hashable_fields, read_witness
from supportfirst.cli import main
from supportfirst.families.selectors import verify_access_log
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
    verdict = verify_access_log()
    assert verdict.ok, verdict.problems
    assert verdict.events_checked == 3
    head = ChainHead.objects.get(council_id=family.council_id)
    assert verdict.councils[family.council_id].head_hash == head.hash
    assert head.sequence == 3


def test_events_cannot_be_changed_or_removed_through_the_application(practitioner, family):
    _read_family_three_times(practitioner, family)
    event = AccessEvent.objects.first()
    event.action = "change"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _only_problem(verdict) -> str:
    assert not verdict.ok
    (problem,) = verdict.problems
    return problem


def test_verify_catches_an_edited_row(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("UPDATE audit_accessevent SET actor_username = %s WHERE sequence = 2", ["someone-else"])
    verdict = verify_access_log()
    assert verdict.councils[family.council_id].broken_at == 2
    assert "event 2 was changed after it was written" in _only_problem(verdict)


def test_verify_catches_a_deleted_row(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("DELETE FROM audit_accessevent WHERE sequence = %s", [2])
    verdict = verify_access_log()
    assert verdict.councils[family.council_id].broken_at == 2
    assert "event 2 is missing" in _only_problem(verdict)


def test_verify_catches_a_deleted_last_row(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("DELETE FROM audit_accessevent WHERE sequence = %s", [3])
    assert "removed from the end" in _only_problem(verify_access_log())


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
    # Even with the key and a correct hash for their own row, the next link still breaks.
    digest = chain.event_hash(hashable_fields(forged), second.previous_hash, chain_key())
    AccessEvent.objects.create(**forged, previous_hash=second.previous_hash, hash=digest)
    verdict = verify_access_log()
    assert verdict.councils[family.council_id].broken_at == 3
    assert "does not follow on" in _only_problem(verdict)


def _rewrite_chain(council_id, key: bytes) -> None:
    """What an attacker with full write access to the database does: recompute every hash after
    a change (with the key given) and move the head along."""
    previous = chain.GENESIS
    for event in AccessEvent.objects.filter(council_id=council_id).order_by("sequence"):
        fields = {name: getattr(event, name) for name in chain.FIELDS}
        digest = chain.event_hash(hashable_fields(fields), previous, key)
        AccessEvent.objects.filter(pk=event.pk).update(previous_hash=previous, hash=digest)
        previous = digest
    count = AccessEvent.objects.filter(council_id=council_id).count()
    ChainHead.objects.filter(council_id=council_id).update(sequence=count, hash=previous)


def test_a_chain_recomputed_without_the_key_fails(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("UPDATE audit_accessevent SET actor_username = %s WHERE sequence = 2", ["someone-else"])
    _rewrite_chain(family.council_id, b"a key the attacker guessed")
    assert "event 1 was changed after it was written" in _only_problem(verify_access_log())


def test_the_witness_catches_a_rewrite_even_with_the_key(practitioner, family, tmp_path):
    witness = tmp_path / "witness.json"
    _read_family_three_times(practitioner, family)
    assert verify_access_log(witness=witness).ok
    assert read_witness(witness) == {
        family.council_id: (3, ChainHead.objects.get(council_id=family.council_id).hash)
    }
    _raw("UPDATE audit_accessevent SET actor_username = %s WHERE sequence = 2", ["someone-else"])
    _rewrite_chain(family.council_id, chain_key())
    assert verify_access_log().ok  # the chain alone cannot tell
    problem = _only_problem(verify_access_log(witness=witness))
    assert f"council {family.council_id}'s event 3 is not the one seen at the last check" in problem


def test_the_witness_catches_a_cut_back_log(practitioner, family, tmp_path):
    witness = tmp_path / "witness.json"
    _read_family_three_times(practitioner, family)
    assert verify_access_log(witness=witness).ok
    _raw("DELETE FROM audit_accessevent WHERE sequence = %s", [3])
    _rewrite_chain(family.council_id, chain_key())
    problem = _only_problem(verify_access_log(witness=witness))
    assert "had 3 events at the last check and now has 2" in problem


def test_the_witness_is_written_only_after_a_good_check(practitioner, family, tmp_path):
    witness = tmp_path / "witness.json"
    _read_family_three_times(practitioner, family)
    _raw("UPDATE audit_accessevent SET record_id = %s WHERE sequence = 3", ["999"])
    assert not verify_access_log(witness=witness).ok
    assert not witness.exists()


def test_an_empty_log_with_families_fails(practitioner, family):
    _read_family_three_times(practitioner, family)
    _raw("DELETE FROM audit_accessevent")
    _raw("DELETE FROM audit_chainhead")
    problem = _only_problem(verify_access_log())
    assert f"council {family.council_id} holds 1 families but its log is empty" in problem


def test_a_family_no_event_mentions_fails(practitioner, family):
    from tests.families.factories import family_with_everyone

    _read_family_three_times(practitioner, family)
    family_with_everyone(family.council)
    problems = verify_access_log().problems
    assert any("holds 1 families that no event mentions" in p for p in problems)
    assert any("is older than its newest family record" in p for p in problems)


def test_a_log_with_no_families_and_no_events_is_fine(db):
    verdict = verify_access_log()
    assert verdict.ok
    assert verdict.events_checked == 0


def test_each_council_has_its_own_chain(practitioner, family, other_council):
    from tests.accounts.factories import staff_user
    from tests.families.factories import family_with_everyone

    _read_family_three_times(practitioner, family)
    elsewhere = family_with_everyone(other_council)
    worker = staff_user(other_council)
    assert signed_in_client(worker).get(f"/staff/families/{elsewhere.pk}/").status_code == 200
    mine = list(
        AccessEvent.objects.filter(council_id=family.council_id).values_list("sequence", flat=True)
    )
    theirs = list(
        AccessEvent.objects.filter(council_id=other_council.pk).values_list("sequence", flat=True)
    )
    assert mine == [1, 2, 3]
    assert theirs == [1]
    assert ChainHead.objects.get(council_id=other_council.pk).sequence == 1
    assert ChainHead.objects.get(council_id=family.council_id).sequence == 3
    # Breaking one council's chain names that council only.
    _raw(
        "UPDATE audit_accessevent SET record_id = %s WHERE council_id = %s", ["9", other_council.pk]
    )
    problem = _only_problem(verify_access_log())
    assert problem.startswith(f"council {other_council.pk}'s log is broken at event 1")


def test_the_cli_reports_every_problem(
    practitioner, family, capsys, monkeypatch, settings, tmp_path
):
    monkeypatch.setenv("SUPPORTFIRST_TESTING", "1")
    settings.AUDIT_WITNESS_FILE = tmp_path / "witness.json"
    _read_family_three_times(practitioner, family)
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "intact: 3 events checked" in out
    assert f"Council {family.council_id}: 3 events, last hash " in out
    assert settings.AUDIT_WITNESS_FILE.exists()
    _raw("UPDATE audit_accessevent SET record_id = %s WHERE sequence = 3", ["999"])
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "The access log is broken: 1 problem found." in out
    assert f"- Council {family.council_id}'s log is broken at event 3" in out


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


def _old_style_log(events):
    """Write events as the log before the keyed chains did: one SHA-256 chain for everyone."""
    import hashlib
    import json

    previous = chain.GENESIS
    for number, fields in enumerate(events, start=1):
        body = {**fields, "sequence": number}
        canonical = {**hashable_fields(body), "previous_hash": previous}
        digest = hashlib.sha256(
            json.dumps(canonical, sort_keys=True, separators=(",", ":"), default=str).encode()
        ).hexdigest()
        AccessEvent.objects.create(**body, previous_hash=previous, hash=digest)
        previous = digest
    ChainHead.objects.all().delete()
    ChainHead.objects.create(council_id=0, sequence=len(events), hash=previous)


def _event(council, family, username):
    from django.utils import timezone

    return {
        "occurred_at": timezone.now(),
        "actor_id": None,
        "actor_username": username,
        "role": "practitioner",
        "council_id": council.pk,
        "family_id": family.pk,
        "record_type": "families.family",
        "record_id": str(family.pk),
        "action": "view",
        "request_id": "",
    }


def _upgrade():
    import importlib

    from django.apps import apps

    name = "supportfirst.audit.migrations.0003_keyed_chain_per_council"
    migration = importlib.import_module(name)
    migration.sign_each_council(apps, None)


def test_the_upgrade_signs_each_councils_events_as_its_own_chain(family, other_council):
    from tests.families.factories import family_with_everyone

    elsewhere = family_with_everyone(other_council)
    _old_style_log(
        [
            _event(family.council, family, "a"),
            _event(other_council, elsewhere, "b"),
            _event(family.council, family, "c"),
        ]
    )
    _upgrade()
    assert verify_access_log().ok
    ours = AccessEvent.objects.filter(council_id=family.council_id).order_by("sequence")
    assert [(e.sequence, e.actor_username) for e in ours] == [(1, "a"), (2, "c")]
    assert ChainHead.objects.get(council_id=other_council.pk).sequence == 1
    assert not ChainHead.objects.filter(council_id=0).exists()


def test_the_upgrade_refuses_a_broken_old_log_and_changes_nothing(family):
    _old_style_log([_event(family.council, family, "a"), _event(family.council, family, "b")])
    _raw("UPDATE audit_accessevent SET actor_username = %s WHERE sequence = 2", ["someone-else"])
    before = list(AccessEvent.objects.values_list("sequence", "hash"))
    with pytest.raises(RuntimeError, match="broken at event 2: it cannot be upgraded"):
        _upgrade()
    assert list(AccessEvent.objects.values_list("sequence", "hash")) == before


@pytest.mark.parametrize(
    ("url", "list_name"),
    [
        ("/staff/my-work/", "my work:1"),
        ("/staff/", "my families:1"),
        ("/staff/?show=all", "families:1"),
        ("/staff/corrections/", "correction requests:1"),
    ],
)
def test_lists_that_show_families_are_logged_as_list_views(practitioner, family, url, list_name):
    assert signed_in_client(practitioner).get(url).status_code == 200
    event = AccessEvent.objects.get()
    assert (event.action, event.record_type, event.record_id, event.family_id) == (
        "list",
        "list",
        list_name,
        None,
    )
    assert event.actor_id == practitioner.pk
    assert verify_access_log().councils[family.council_id].ok  # on the council's own chain


def test_the_team_and_complaints_lists_are_logged(council, family):
    from supportfirst.councils.models import Role
    from tests.accounts.factories import staff_user

    manager = staff_user(council, Role.TEAM_MANAGER)
    client = signed_in_client(manager)
    assert client.get("/staff/team/").status_code == 200
    assert client.get("/staff/complaints/").status_code == 200
    assert list(AccessEvent.objects.values_list("record_id", flat=True)) == [
        "team:1",
        "complaints:1",
    ]


def test_the_cli_says_when_there_was_no_earlier_check_to_compare_with(
    practitioner, family, capsys, monkeypatch, settings, tmp_path
):
    monkeypatch.setenv("SUPPORTFIRST_TESTING", "1")
    settings.AUDIT_WITNESS_FILE = tmp_path / "witness.json"
    _read_family_three_times(practitioner, family)
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert f"No earlier check was found in {settings.AUDIT_WITNESS_FILE}" in out
    assert main(["audit", "verify"]) == 0
    assert "No earlier check" not in capsys.readouterr().out
    # Deleting the witness file is how someone would hide a cut-back log: the next check says so.
    settings.AUDIT_WITNESS_FILE.unlink()
    assert main(["audit", "verify"]) == 0
    assert "No earlier check was found" in capsys.readouterr().out


def test_a_damaged_witness_file_is_a_problem_not_a_crash(practitioner, family, tmp_path):
    witness = tmp_path / "witness.json"
    _read_family_three_times(practitioner, family)
    witness.write_text("{not json", encoding="utf-8")
    verdict = verify_access_log(witness=witness)
    assert not verdict.ok
    assert "the witness file" in _only_problem(verdict)
    assert witness.read_text(encoding="utf-8") == "{not json"
