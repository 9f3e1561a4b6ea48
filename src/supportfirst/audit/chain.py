"""The keyed hash chain behind the access log, in plain Python (no Django import).

Each council has its own chain. Each event's hash is an HMAC-SHA256, with a key held outside
the database, of its own fields and the previous event's hash: editing, deleting or inserting a
row breaks the chain from that point on, and without the key nobody can recompute a chain that
verifies. `verify` walks one council's events in order and reports the first broken link.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
FIELDS = (
    "sequence",
    "occurred_at",
    "actor_id",
    "actor_username",
    "role",
    "council_id",
    "family_id",
    "record_type",
    "record_id",
    "action",
    "request_id",
)


def event_hash(event: Mapping[str, Any], previous_hash: str, key: bytes) -> str:
    body = {name: event[name] for name in FIELDS}
    body["previous_hash"] = previous_hash
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Verdict:
    ok: bool
    events_checked: int
    head_hash: str
    broken_at: int | None = None
    problem: str = ""


def verify(
    events: Iterable[Mapping[str, Any]], key: bytes, head: tuple[int, str] | None = None
) -> Verdict:
    """Check one council's chain given in sequence order; `head` is the stored (last sequence,
    last hash)."""
    previous_hash = GENESIS
    expected_sequence = 1
    count = 0
    for event in events:
        sequence = event["sequence"]
        if sequence != expected_sequence:
            return Verdict(
                False,
                count,
                previous_hash,
                expected_sequence,
                f"event {expected_sequence} is missing (the next event found is {sequence}): "
                "a row was deleted or inserted",
            )
        if event["previous_hash"] != previous_hash:
            return Verdict(
                False,
                count,
                previous_hash,
                sequence,
                f"event {sequence} does not follow on from event {sequence - 1}: "
                "a row was inserted or replaced",
            )
        if not hmac.compare_digest(event_hash(event, previous_hash, key), event["hash"]):
            return Verdict(
                False,
                count,
                previous_hash,
                sequence,
                f"event {sequence} was changed after it was written",
            )
        previous_hash = event["hash"]
        expected_sequence += 1
        count += 1
    if head is not None and head != (count, previous_hash):
        return Verdict(
            False,
            count,
            previous_hash,
            count + 1,
            f"the log should end at event {head[0]} but ends at event {count}: "
            "events were removed from the end",
        )
    return Verdict(True, count, previous_hash)


def against_witness(
    heads: Mapping[int, tuple[int, str]],
    witnessed: Mapping[int, tuple[int, str]],
    hash_at: Callable[[int, int], str | None],
) -> list[str]:
    """Problems found by comparing each council's chain with the heads written outside the
    database at the last verify: a chain that is now shorter was cut back; a chain whose event
    at the witnessed place has another hash was rewritten; a council that is gone was wiped."""
    problems = []
    for council_id, (sequence, digest) in sorted(witnessed.items()):
        now = heads.get(council_id)
        if now is None:
            problems.append(
                f"council {council_id}'s log had {sequence} events at the last check "
                "and now has none: it was wiped"
            )
        elif now[0] < sequence:
            problems.append(
                f"council {council_id}'s log had {sequence} events at the last check "
                f"and now has {now[0]}: events were removed from the end"
            )
        elif hash_at(council_id, sequence) != digest:
            problems.append(
                f"council {council_id}'s event {sequence} is not the one seen at the last "
                "check: the log was rewritten"
            )
    return problems
