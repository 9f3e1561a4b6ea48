"""The hash chain behind the access log, in plain Python (no Django import).

Each event's hash covers its own fields and the previous event's hash, so editing,
deleting or inserting a row breaks the chain from that point on. `verify` walks the
events in order and reports the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
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


def event_hash(event: Mapping[str, Any], previous_hash: str) -> str:
    body = {name: event[name] for name in FIELDS}
    body["previous_hash"] = previous_hash
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Verdict:
    ok: bool
    events_checked: int
    head_hash: str
    broken_at: int | None = None
    problem: str = ""


def verify(events: Iterable[Mapping[str, Any]], head: tuple[int, str] | None = None) -> Verdict:
    """Check a chain given in sequence order; `head` is the stored (last sequence, last hash)."""
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
        if event_hash(event, previous_hash) != event["hash"]:
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
