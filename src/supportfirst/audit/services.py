"""Writing and checking the access log."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from supportfirst.audit import chain
from supportfirst.audit.models import AccessEvent, Action, ChainHead
from supportfirst.councils.scoping import Scope, scope_for

logger = logging.getLogger("supportfirst.audit")


@dataclass(frozen=True)
class Actor:
    """Who is acting, in which role and council, and in which web request."""

    user: Any
    scope: Scope
    request_id: str = ""

    @classmethod
    def of(cls, request: HttpRequest) -> Actor:
        scope = getattr(request, "scope", None) or scope_for(request.user)  # type: ignore[arg-type]
        return cls(request.user, scope, getattr(request, "request_id", ""))


def log_access(
    actor: Actor, *, family_id: int | None, record: models.Model, action: Action = Action.VIEW
) -> AccessEvent:
    """Append one event for a view or change of a family's record."""
    return append_event(
        actor_id=actor.scope.user_id,
        actor_username=actor.user.get_username(),
        role=actor.scope.role,
        council_id=actor.scope.council_id,
        family_id=family_id,
        record_type=record._meta.label_lower,
        record_id=str(record.pk),
        action=action,
        request_id=actor.request_id,
    )


def log_list_view(request: HttpRequest, *, list_name: str, page: int | str = 1) -> AccessEvent:
    """Append one event for a look at a list that shows families (My work, the Team page, the
    families list, complaints, correction requests): who, when, which list and page. It names no
    family, so it is not on any family's "who has looked" page; the council's log has it."""
    actor = Actor.of(request)
    return append_event(
        actor_id=actor.scope.user_id,
        actor_username=actor.user.get_username(),
        role=actor.scope.role,
        council_id=actor.scope.council_id,
        family_id=None,
        record_type="list",
        record_id=f"{list_name}:{page}"[:40],
        action=Action.LIST,
        request_id=actor.request_id,
    )


def record_access(
    *,
    request: HttpRequest,
    scope: Scope,
    family_id: int | None,
    record: models.Model,
    action: Action = Action.VIEW,
) -> AccessEvent:
    """Append one event for a view or change of a family's record by the signed-in person."""
    actor = Actor(request.user, scope, getattr(request, "request_id", ""))
    return log_access(actor, family_id=family_id, record=record, action=action)


def chain_key() -> bytes:
    """The access log's HMAC key, from the environment (settings.AUDIT_KEY), never the database."""
    return str(settings.AUDIT_KEY).encode("utf-8")


@transaction.atomic
def append_event(**fields: Any) -> AccessEvent:
    head = _locked_head(fields["council_id"])
    occurred_at = timezone.now().astimezone(UTC)
    values = {
        **fields,
        "action": str(fields["action"]),
        "sequence": head.sequence + 1,
        "occurred_at": occurred_at,
    }
    digest = chain.event_hash(hashable_fields(values), head.hash, chain_key())
    event = AccessEvent.objects.create(**values, previous_hash=head.hash, hash=digest)
    ChainHead.objects.filter(pk=head.pk).update(sequence=event.sequence, hash=digest)
    return event


class ChainHeadMissing(RuntimeError):
    pass


def _locked_head(council_id: int) -> ChainHead:
    """The council's chain head, locked for this transaction: writers in one council wait for
    each other, never for another council. Made fresh only for a council with no events."""
    head = ChainHead.objects.select_for_update().filter(council_id=council_id).first()
    if head is not None:
        return head
    if AccessEvent.objects.filter(council_id=council_id).exists():
        raise ChainHeadMissing(
            "The access log's chain head is missing: run `supportfirst audit verify`."
        )
    start_chain(council_id)
    return ChainHead.objects.select_for_update().get(council_id=council_id)


def start_chain(council_id: int) -> None:
    """An empty chain for a council (its head at the start), unless it has one already."""
    ChainHead.objects.get_or_create(
        council_id=council_id, defaults={"sequence": 0, "hash": chain.GENESIS}
    )


def hashable_fields(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    out["occurred_at"] = values["occurred_at"].astimezone(UTC).isoformat()
    return out


def _events(council_id: int) -> Iterator[dict[str, Any]]:
    columns = [*chain.FIELDS, "previous_hash", "hash"]
    rows = AccessEvent.objects.filter(council_id=council_id).order_by("sequence").values(*columns)
    for row in rows.iterator(chunk_size=2000):
        yield hashable_fields(row)


@dataclass(frozen=True)
class CouncilRecords:
    """What a council's records imply about its log: how many families it holds, how many of
    them have no event at all, and when the newest was added."""

    families: int
    families_never_logged: int
    newest_family_added: datetime | None


@dataclass(frozen=True)
class LogVerdict:
    ok: bool
    events_checked: int
    councils: dict[int, chain.Verdict]
    problems: tuple[str, ...]
    no_earlier_check: bool = False
    """A witness file was given but held no earlier check: nothing to compare the log with (the
    first check, or the file was deleted)."""


def verify_log(
    records: Mapping[int, CouncilRecords] | None = None,
    *,
    witness: Path | None = None,
) -> LogVerdict:
    """Check every council's chain with the key; then that the log is as long as the records
    imply (`records`, from the families app); then, with `witness`, that no chain is shorter
    than, or different from, what the last verify saw. When all is well the heads are written
    to the witness file and the system log for the next verify to compare."""
    key = chain_key()
    heads = {h.council_id: (h.sequence, h.hash) for h in ChainHead.objects.all()}
    logged = set(AccessEvent.objects.values_list("council_id", flat=True).distinct())
    verdicts: dict[int, chain.Verdict] = {}
    problems: list[str] = []
    for council_id in sorted(logged | set(heads)):
        verdict = chain.verify(_events(council_id), key, head=heads.get(council_id))
        verdicts[council_id] = verdict
        if council_id not in heads:
            problems.append(f"council {council_id}'s chain head is missing")
        elif not verdict.ok:
            problems.append(
                f"council {council_id}'s log is broken at event {verdict.broken_at}: "
                f"{verdict.problem}"
            )
    problems += _shorter_than_records(records or {}, heads)
    no_earlier_check = False
    if witness is not None:
        try:
            witnessed = read_witness(witness)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(
                f"the witness file {witness} cannot be read ({type(error).__name__}): it was "
                "damaged or replaced; restore it from a backup or find out who changed it"
            )
        else:
            no_earlier_check = not witnessed
            problems += chain.against_witness(heads, witnessed, _hash_at)
    ok = not problems
    if ok and witness is not None:
        write_witness(witness, heads)
    return LogVerdict(
        ok,
        sum(v.events_checked for v in verdicts.values()),
        verdicts,
        tuple(problems),
        no_earlier_check=no_earlier_check,
    )


def _shorter_than_records(
    records: Mapping[int, CouncilRecords], heads: Mapping[int, tuple[int, str]]
) -> list[str]:
    problems = []
    last_event = dict(
        AccessEvent.objects.values("council_id")
        .annotate(last=models.Max("occurred_at"))
        .values_list("council_id", "last")
    )
    for council_id, held in sorted(records.items()):
        if held.families and council_id not in heads:
            problems.append(
                f"council {council_id} holds {held.families} families but its log is empty"
            )
            continue
        if held.families_never_logged:
            problems.append(
                f"council {council_id} holds {held.families_never_logged} families that no "
                "event mentions: events about them were removed"
            )
        last = last_event.get(council_id)
        if held.newest_family_added and last and last < held.newest_family_added:
            problems.append(
                f"council {council_id}'s last event ({last:%Y-%m-%d %H:%M}) is older than its "
                f"newest family record ({held.newest_family_added:%Y-%m-%d %H:%M}): "
                "events were removed from the end"
            )
    return problems


def _hash_at(council_id: int, sequence: int) -> str | None:
    return (
        AccessEvent.objects.filter(council_id=council_id, sequence=sequence)
        .values_list("hash", flat=True)
        .first()
    )


def read_witness(path: Path) -> dict[int, tuple[int, str]]:
    """The heads the last verify saw; none when there was no verify yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {int(c): (int(h["sequence"]), str(h["hash"])) for c, h in data["heads"].items()}


def write_witness(path: Path, heads: Mapping[int, tuple[int, str]]) -> None:
    """Write the heads outside the database (a file, replaced atomically, and the system log)."""
    at = timezone.now().astimezone(UTC).isoformat()
    body = {
        "verified_at": at,
        "heads": {str(c): {"sequence": s, "hash": h} for c, (s, h) in sorted(heads.items())},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(body, indent=1), encoding="utf-8")
    temporary.replace(path)
    for council_id, (sequence, digest) in sorted(heads.items()):
        logger.info(
            "access log verified: council %s at event %s, hash %s", council_id, sequence, digest
        )


def events_about_family(*, scope: Scope, family_id: int) -> models.QuerySet[AccessEvent]:
    """The access log entries about one family, within the scope's council."""
    return AccessEvent.objects.filter(council_id=scope.council_id, family_id=family_id)


def log_command_line_export(*, council_id: int, record_id: str) -> AccessEvent:
    """A return written from the command line names the council's children: it is in the
    council's access log like a download from a page (logged before anything is written, so a
    failure to log stops the export), under the operating system's user and its number (the
    command line has no signed-in person; the environment's USER is not trusted)."""
    import os
    import pwd

    uid = os.geteuid()
    try:
        who = f"{pwd.getpwuid(uid).pw_name}, uid {uid}"
    except KeyError:  # no name for this user id (a container, say)
        who = f"uid {uid}"
    with transaction.atomic():
        return append_event(
            actor_id=None,
            actor_username=f"command line ({who})"[:150],
            role="command_line",
            council_id=council_id,
            family_id=None,
            record_type="return",
            record_id=record_id[:40],
            action=Action.DOWNLOAD,
            request_id="",
        )
