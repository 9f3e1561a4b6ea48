"""Everything held about one family, gathered for their download: each kind of record
(`kinds`), what is held back from them (`holdback`), and every field in readable words
(`values`), with the statement of what was held back."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from supportfirst.councils.models import Membership
from supportfirst.councils.scoping import Scope
from supportfirst.families.models import Family
from supportfirst.subject_access.holdback import RULE_REASON, Tally, WithheldLine, holdback, marks
from supportfirst.subject_access.kinds import (
    Kind,
    Record,
    Value,
    content_type_for,
    find_record,
    kind_for,
    load,
    record_choices,
    safe_name,
    title,
)
from supportfirst.subject_access.values import field_label, person, read_value, when

__all__ = [
    "RULE_REASON",
    "Gathered",
    "Kind",
    "Record",
    "Value",
    "content_type_for",
    "field_label",
    "files_of",
    "find_record",
    "gather",
    "record_choices",
    "safe_name",
    "when",
]


@dataclass
class Gathered:
    family: Family
    kinds: list[Kind]
    withheld: list[WithheldLine]
    withheld_records: int
    withheld_parts: int

    @property
    def record_count(self) -> int:
        return sum(len(k.records) for k in self.kinds)


def _values(
    row: models.Model, kind: Kind, hidden: dict[str, str], family: Family, tally: Tally
) -> list[Value]:
    values = []
    for model_field in type(row)._meta.concrete_fields:
        name, label = model_field.name, field_label(model_field)
        if name in hidden:
            tally.held_part(kind, row.pk, label, hidden[name])
            values.append(Value(name, label, "", None, withheld=True))
        else:
            text, data = read_value(row, model_field, family)
            values.append(Value(name, label, text, data))
    return values


def gather(scope: Scope, family: Family) -> Gathered:
    """Everything the family may be given, with the statement of what was held back."""
    loaded = load(scope, family)
    held = holdback(loaded, marks(scope, family))
    kinds: list[Kind] = []
    tally = Tally()
    for model, rows in loaded.items():
        kind = kind_for(model)
        for row in rows:
            reason = held.whole.get((kind.label, row.pk))
            if reason is not None:
                tally.held_whole(kind, reason)
                continue
            values = _values(row, kind, held.parts.get((kind.label, row.pk), {}), family, tally)
            kind.records.append(Record(kind.label, row.pk, title(row, kind.singular), values, row))
        if kind.records:
            kinds.append(kind)
        if model is Family:
            accounts = _accounts_kind(family)
            if accounts.records:
                kinds.append(accounts)
    return Gathered(
        family=family,
        kinds=kinds,
        withheld=tally.statement(),
        withheld_records=tally.whole,
        withheld_parts=len(tally.parts),
    )


ACCOUNTS_LABEL = "accounts.account"


def _accounts_kind(family: Family) -> Kind:
    """The family's own accounts on this service (not family records, but about them)."""
    kind = Kind(ACCOUNTS_LABEL, "Your accounts on this service", "Account")
    memberships = (
        Membership.objects.filter(council_id=family.council_id, family_id=family.pk)
        .select_related("user", "child")
        .order_by("user__full_name", "pk")
    )
    for membership in memberships:
        user = membership.user
        role = str(dict(membership._meta.get_field("role").flatchoices).get(membership.role, ""))
        child = membership.child
        values = [
            Value("full_name", "Name", user.full_name or "Not recorded", user.full_name),
            Value("username", "Username", user.username, user.username),
            Value("email", "Email address", user.email or "Not recorded", user.email),
            Value("role", "Role", role, role),
            Value(
                "child",
                "A young person's own account for",
                str(child) if child else "Not a young person's account",
                {"id": child.pk, "label": str(child)} if child else None,
            ),
        ]
        for name, label in (("date_joined", "Account made"), ("last_login", "Last signed in")):
            moment = getattr(user, name, None)
            values.append(
                Value(
                    name,
                    label,
                    when(moment) if moment else "Not recorded",
                    moment.isoformat() if moment else None,
                )
            )
        kind.records.append(Record(ACCOUNTS_LABEL, user.pk, person(user), values, user))
    return kind


def files_of(record: Record) -> list[tuple[str, bytes]]:
    """The extra files a record gives for the download (a letter's PDF), if it has any."""
    method = getattr(record.obj, "sar_files", None)
    if method is None:
        return []
    return [(safe_name(name), content) for name, content in method()]
