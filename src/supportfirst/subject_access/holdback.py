"""What the family may not be given, held back from their download and counted, never silently
dropped:
- a record whose kind is declared not visible to the family (kept for staff only);
- what a kind's own declared hold-back rule holds back (for example a proposed move to
  safeguarding the family has not been told about, `pathway.holdback`, with everything that
  would give it away; a young person's own views, `asking.holdback`);
- a record, or one field of it, that staff marked as holding another person's information that
  may not be shared (`Withholding`), with the reason the family is given;
- a record that is only about a held-back record (such as the reason kept for a flagged word).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from supportfirst.councils.scoping import Scope
from supportfirst.families.models import Family
from supportfirst.families.records import facing_of
from supportfirst.subject_access.kinds import Kind, Loaded
from supportfirst.subject_access.models import Withholding

# The reason given for what is held back by rule rather than by a member of staff. Said once,
# for all of them together, so that it gives nothing away.
RULE_REASON = (
    "The law lets us hold back information when sharing it could cause serious harm to "
    "someone, or when it is kept only for the council's staff (Data Protection Act 2018, "
    "Schedules 2 and 3). If you think we have held back something we should not have, you can "
    "ask us to look again or complain to the Information Commissioner's Office."
)


@dataclass(frozen=True)
class WithheldLine:
    """One sentence of the statement about what was held back."""

    what: str
    why: str


@dataclass
class Holdback:
    """What is held back, found before the values are read, from the family's records of each
    kind (`loaded`). Each kind's own hold-back rule is given this to read and to note in."""

    loaded: Loaded
    whole: dict[tuple[str, Any], str] = field(default_factory=dict)  # (label, pk) -> reason
    parts: dict[tuple[str, Any], dict[str, str]] = field(default_factory=dict)  # field -> reason
    rule_reason: str = RULE_REASON

    def rows_of(self, label: str) -> list[Any]:
        for model, rows in self.loaded.items():
            if model._meta.label_lower == label:
                return rows
        return []

    def hold_whole(self, label: str, pk: Any, reason: str) -> None:
        self.whole.setdefault((label, pk), reason)

    def hold_part(self, label: str, pk: Any, name: str, reason: str) -> None:
        self.parts.setdefault((label, pk), {}).setdefault(name, reason)


def marks(scope: Scope, family: Family) -> list[Withholding]:
    """What staff marked to hold back from this family's download."""
    return list(
        Withholding.objects.visible_to(scope)
        .filter(family=family)
        .select_related("content_type")
        .order_by("marked_at", "pk")
    )


def holdback(loaded: Loaded, marked: Iterable[Withholding]) -> Holdback:
    """Everything held back from the family's records: by rule first, then by staff."""
    held = Holdback(loaded)
    for model, rows in loaded.items():
        facing = facing_of(model)
        if facing is not None and not facing.visible:
            for row in rows:
                held.hold_whole(model._meta.label_lower, row.pk, RULE_REASON)
    for model in loaded:
        facing = facing_of(model)
        if facing is not None:
            facing.hold(held)
    for mark in marked:
        label = f"{mark.content_type.app_label}.{mark.content_type.model}"
        if mark.field_name:
            held.hold_part(label, mark.object_id, mark.field_name, mark.reason)
        else:
            held.hold_whole(label, mark.object_id, mark.reason)
    _hold_what_points_at_held(loaded, held)
    return held


def _hold_what_points_at_held(loaded: Loaded, held: Holdback) -> None:
    """A record that is only about a held-back record (one with `record_type` and `record_id`
    naming it, such as the reason kept for a flagged word) is held back with it."""
    whole = dict(held.whole)
    for model, rows in loaded.items():
        names = {f.name for f in model._meta.concrete_fields}
        if not {"record_type", "record_id"} <= names:
            continue
        for row in rows:
            about: Any = row
            key = (str(about.record_type), about.record_id)
            reason = whole.get(key) or whole.get((key[0], str(key[1])))
            if reason is None and str(key[1]).isdigit():
                reason = whole.get((key[0], int(key[1])))
            if reason is not None:
                held.hold_whole(model._meta.label_lower, row.pk, reason)


@dataclass
class Tally:
    """What was held back while the values were read, for the statement."""

    staff_lines: list[WithheldLine] = field(default_factory=list)
    whole: int = 0
    whole_by_rule: int = 0
    parts: set[tuple[str, Any]] = field(default_factory=set)
    parts_by_rule: set[tuple[str, Any]] = field(default_factory=set)

    def held_whole(self, kind: Kind, reason: str) -> None:
        self.whole += 1
        if reason == RULE_REASON:
            self.whole_by_rule += 1
        else:
            self.staff_lines.append(
                WithheldLine(f"A whole record: {kind.singular.lower()}", reason)
            )

    def held_part(self, kind: Kind, pk: Any, label: str, reason: str) -> None:
        self.parts.add((kind.label, pk))
        if reason == RULE_REASON:
            self.parts_by_rule.add((kind.label, pk))
        else:
            self.staff_lines.append(
                WithheldLine(
                    f"Part of a record: the “{label}” of a {kind.singular.lower()}", reason
                )
            )

    def statement(self) -> list[WithheldLine]:
        lines = _grouped(self.staff_lines)
        counted = []
        if self.whole_by_rule:
            n = self.whole_by_rule
            counted.append(f"{n} whole record{'s' if n != 1 else ''}")
        if self.parts_by_rule:
            n = len(self.parts_by_rule)
            counted.append(f"part of {n} record{'s' if n != 1 else ''}")
        if counted:
            what = " and ".join(counted)
            lines.append(WithheldLine(what[:1].upper() + what[1:], RULE_REASON))
        return lines


def _grouped(lines: list[WithheldLine]) -> list[WithheldLine]:
    """The same thing held back for the same reason in several records, said once."""
    counts: dict[WithheldLine, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    return [
        WithheldLine(f"{line.what} (in {n} records)" if n > 1 else line.what, line.why)
        for line, n in counts.items()
    ]
