"""Everything held about one family, gathered generically: the Family itself and every concrete
model that subclasses `families.models.FamilyRecord`, from whichever app, read through the
scoping layer and turned into readable values (a linked record by its name and id, a choice by
the words shown on the pages, a person by their full name).

What the family may not be given is held back here, and counted, never silently dropped:
- a record whose class says `family_visible = False` (kept for staff only);
- a proposed move to safeguarding the family has not been told about, with everything that
  would give it away (its timeline events, the reasons recorded for words in it, the request's
  status while it is proposed), by the same rule the family's access log page uses;
- a record, or one field of it, that staff marked as holding another person's information
  that may not be shared (`Withholding`), with the reason the family is given.

The number of queries depends on the number of kinds of record, not on the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from supportfirst.accounts.models import User
from supportfirst.councils.scoping import Scope
from supportfirst.families.models import Family, FamilyRecord
from supportfirst.pathway.visibility import HiddenMoves

# This app's own records are not part of the download: the marks are described in the index,
# and the downloads appear in the access log.
NOT_DOWNLOADED_APPS = frozenset({"subject_access"})

# The reason given for what is held back by rule rather than by a member of staff. Said once,
# for all of them together, so that it gives nothing away.
RULE_REASON = (
    "The law lets us hold back information when sharing it could cause serious harm to "
    "someone, or when it is kept only for the council's staff (Data Protection Act 2018, "
    "Schedules 2 and 3). If you think we have held back something we should not have, you can "
    "ask us to look again or complain to the Information Commissioner's Office."
)

# How the kinds of record the project had when this was written are named to the family, in
# the order the download lists them. Kinds added later by other apps follow, named by their
# model's verbose name.
KIND_NAMES = {
    "families.family": "Your family",
    "families.child": "Children",
    "families.parentcarer": "Parent carers",
    "families.sibling": "Brothers and sisters",
    "pathway.supportrequest": "Requests for help",
    "pathway.nextstepdecision": "Decisions about the next step",
    "pathway.safeguardingmove": "Proposed moves to safeguarding",
    "pathway.contact": "Meetings, calls and visits",
    "pathway.intrusionrecord": "Reasons recorded for visits and other intrusions",
    "pathway.pathwayevent": "Timeline of what happened",
    "assessments.assessmentoffer": "Assessments offered",
    "assessments.assessment": "Needs assessments",
    "assessments.assessmentarea": "Areas of life in the assessments",
    "assessments.familyaccount": "What you told us, in your words",
    "assessments.need": "Needs",
    "assessments.familycomment": "Your comments on assessments",
    "assessments.carerdecisions": "Decisions in parent carers' assessments",
    "wording.wordingreason": "Reasons staff gave for keeping flagged words",
    "feedback.surveyinvitation": "Surveys you were invited to answer",
}
KIND_ORDER = {label: n for n, label in enumerate(KIND_NAMES)}


@dataclass(frozen=True)
class Value:
    """One field of one record: its name, the label people read, the text shown on the page and
    the value written to JSON. A withheld value has neither."""

    name: str
    label: str
    text: str
    data: Any
    withheld: bool = False


@dataclass
class Record:
    label: str  # the model, e.g. "pathway.supportrequest"
    pk: Any
    title: str
    values: list[Value]
    obj: models.Model

    @property
    def anchor(self) -> str:
        return f"record-{self.pk}"


@dataclass
class Kind:
    """Every record of one kind for the family."""

    label: str
    name: str  # plural, capitalised: "Requests for help"
    singular: str
    records: list[Record] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return safe_name(self.label.replace(".", "-"))


@dataclass(frozen=True)
class WithheldLine:
    """One sentence of the statement about what was held back."""

    what: str
    why: str


@dataclass
class Holdback:
    """What is held back, found before the values are read."""

    whole: dict[tuple[str, Any], str] = field(default_factory=dict)  # (label, pk) -> reason
    parts: dict[tuple[str, Any], dict[str, str]] = field(default_factory=dict)  # field -> reason

    def hold_whole(self, label: str, pk: Any, reason: str) -> None:
        self.whole.setdefault((label, pk), reason)

    def hold_part(self, label: str, pk: Any, name: str, reason: str) -> None:
        self.parts.setdefault((label, pk), {}).setdefault(name, reason)


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


def safe_name(text: str) -> str:
    """A file name that is safe in a ZIP on any computer: letters, digits, dot, dash, underscore."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-_")
    return cleaned[:80] or "file"


def is_family_record(model: type[models.Model]) -> bool:
    return issubclass(model, FamilyRecord) and not model._meta.abstract


def family_record_models() -> list[type[models.Model]]:
    """The Family, then every family-owned kind of record from every installed app."""
    found = [
        model
        for model in apps.get_models()
        if is_family_record(model)
        and not model._meta.proxy
        and model._meta.app_label not in NOT_DOWNLOADED_APPS
    ]
    return [
        Family,
        *sorted(
            found,
            key=lambda m: (KIND_ORDER.get(m._meta.label_lower, len(KIND_ORDER)), m._meta.label),
        ),
    ]


def _forward_links(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model is not Family
    ]


def _related_paths(model: type[models.Model]) -> list[str]:
    """What to join so that every linked record's name is read without another query: the
    linked records, and for those that are family records their own linked records too."""
    paths = []
    for link in _forward_links(model):
        paths.append(link.name)
        target = link.related_model
        if isinstance(target, type) and is_family_record(target):
            for inner in _forward_links(target):
                inner_target = inner.related_model
                if isinstance(inner_target, type) and (
                    is_family_record(inner_target) or issubclass(inner_target, User)
                ):
                    paths.append(f"{link.name}__{inner.name}")
    return paths


def _rows(model: type[models.Model], scope: Scope, family: Family) -> list[models.Model]:
    manager: Any = model._default_manager
    rows = manager.visible_to(scope)
    if model is Family:
        return list(rows.filter(pk=family.pk).select_related("allocated_worker", "council"))
    lookup = getattr(model, "family_lookup", "family")
    rows = rows.filter(**{lookup: family.pk}).select_related(*_related_paths(model))
    ordering = model._meta.ordering or ["pk"]
    return list(rows.order_by(*ordering, "pk"))


def load(scope: Scope, family: Family) -> dict[type[models.Model], list[models.Model]]:
    """Every row of every kind for the family: one query per kind."""
    return {model: _rows(model, scope, family) for model in family_record_models()}


def _marks(scope: Scope, family: Family) -> list[Any]:
    from supportfirst.subject_access.models import Withholding

    return list(
        Withholding.objects.visible_to(scope)
        .filter(family=family)
        .select_related("content_type")
        .order_by("marked_at", "pk")
    )


def _holdback(
    loaded: dict[type[models.Model], list[models.Model]], marks: Iterable[Any]
) -> Holdback:
    held = Holdback()
    for model, rows in loaded.items():
        if not getattr(model, "family_visible", True):
            for row in rows:
                held.hold_whole(model._meta.label_lower, row.pk, RULE_REASON)
    _hold_untold_safeguarding(loaded, held)
    _hold_young_peoples_own_views(loaded, held)
    for mark in marks:
        label = f"{mark.content_type.app_label}.{mark.content_type.model}"
        if mark.field_name:
            held.hold_part(label, mark.object_id, mark.field_name, mark.reason)
        else:
            held.hold_whole(label, mark.object_id, mark.reason)
    _hold_what_points_at_held(loaded, held)
    return held


def _rows_of(loaded: dict[type[models.Model], list[models.Model]], label: str) -> list[Any]:
    for model, rows in loaded.items():
        if model._meta.label_lower == label:
            return rows
    return []


def _hold_untold_safeguarding(
    loaded: dict[type[models.Model], list[models.Model]], held: Holdback
) -> None:
    """Proposals the family was not told about, and what would give them away (the family's
    access log page leaves them out by the same rule: anything but `family_told=True`)."""
    untold = [m for m in _rows_of(loaded, "pathway.safeguardingmove") if m.family_told is not True]
    if not untold:
        return
    hidden = HiddenMoves.of_moves(untold)
    for move in untold:
        held.hold_whole("pathway.safeguardingmove", move.pk, RULE_REASON)
    for event in _rows_of(loaded, "pathway.pathwayevent"):
        if hidden.hides(event):
            held.hold_whole("pathway.pathwayevent", event.pk, RULE_REASON)
    for request in _rows_of(loaded, "pathway.supportrequest"):
        if hidden.hides_status_of(request):
            held.hold_part("pathway.supportrequest", request.pk, "status", RULE_REASON)


YOUNG_PERSON_REASON = (
    "A young person's own views, which they have chosen to keep between themselves and the "
    "council. They can change this on their own account."
)
CHILD_VIEW_FIELDS = ("child_view", "child_view_how", "child_view_through_whom")


def _hold_young_peoples_own_views(
    loaded: dict[type[models.Model], list[models.Model]], held: Holdback
) -> None:
    """A young person with their own account may keep their own views from their parents
    (`asking.YoungPersonSharing`, when that app is installed): the download a parent makes
    leaves those views out, as the parent's assessment pages do."""
    private = {
        s.child_id
        for s in _rows_of(loaded, "asking.youngpersonsharing")
        if not s.share_own_views_with_parents
    }
    if not private:
        return
    for area in _rows_of(loaded, "assessments.assessmentarea"):
        if area.assessment.child_id in private:
            for name in CHILD_VIEW_FIELDS:
                held.hold_part("assessments.assessmentarea", area.pk, name, YOUNG_PERSON_REASON)


def _hold_what_points_at_held(
    loaded: dict[type[models.Model], list[models.Model]], held: Holdback
) -> None:
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


def _person(user: Any) -> str:
    return (getattr(user, "full_name", "") or user.get_username()) if user else ""


def when(moment: datetime) -> str:
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    hour = local.strftime("%I").lstrip("0") or "12"
    return f"{local.day} {local:%B %Y}, {hour}:{local:%M}{local.strftime('%p').lower()}"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _labels_for(row: models.Model, name: str) -> list[str] | None:
    """Codes in a list field named in words, when the model says how (`<stem>_labels`)."""
    stems = [name, name.rstrip("s"), name.rsplit("_", 1)[0]]
    for stem in stems:
        labels = getattr(type(row), f"{stem}_labels", None)
        if isinstance(labels, property):
            try:
                found = getattr(row, f"{stem}_labels")
            except (ValueError, KeyError):
                return None
            return [str(x) for x in found]
    return None


def field_label(model_field: models.Field) -> str:
    text = str(getattr(model_field, "verbose_name", model_field.name))
    return text[:1].upper() + text[1:]


def _linked_value(
    row: models.Model, model_field: models.Field, family: Family, raw: Any
) -> tuple[str, Any]:
    """A linked record by its name and id; a person by their full name."""
    if raw is None:
        return "Not recorded", None
    if model_field.related_model is Family:
        return family.name, {"id": raw, "label": family.name}
    related = getattr(row, model_field.name)
    label = _person(related) if isinstance(related, User) else str(related)
    return label, {"id": raw, "label": label}


# Fields that keep an internal code (a move, an event, a status) rather than words.
CODE_FIELDS = frozenset({"move", "event", "from_status", "to_status", "record_type"})
_CODE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
_CHOICE_WORDS: dict[str, str] = {}


def _choice_words() -> dict[str, str]:
    """Every code the family's records use as a choice, with the words the pages show."""
    if not _CHOICE_WORDS:
        for model in family_record_models():
            for model_field in model._meta.get_fields():
                for code, label in getattr(model_field, "flatchoices", None) or ():
                    if isinstance(code, str):
                        _CHOICE_WORDS.setdefault(code, str(label))
    return _CHOICE_WORDS


def _status_words(row: models.Model) -> dict[str, str]:
    """The statuses of the record an event belongs to (a request's, a complaint's)."""
    for model_field in row._meta.concrete_fields:
        related = model_field.related_model if model_field.is_relation else None
        if isinstance(related, type) and related is not Family:
            try:
                status = related._meta.get_field("status")
            except FieldDoesNotExist:
                continue
            choices = getattr(status, "flatchoices", None)
            if choices:
                return {str(code): str(label) for code, label in choices}
    return {}


def code_words(row: models.Model, name: str, code: str) -> str:
    """An internal code in words: the choice's own words where there are some, otherwise
    the code with its underscores made spaces ("record_advocacy" -> "Record advocacy")."""
    if name.endswith("status"):
        found = _status_words(row).get(code)
        if found:
            return found
    found = _choice_words().get(code)
    if found:
        return found
    text = code.replace("_", " ").replace(".", " ").strip()
    return text[:1].upper() + text[1:]


def read_value(row: models.Model, model_field: models.Field, family: Family) -> tuple[str, Any]:
    """The words shown for one field, and the value written to JSON."""
    raw = getattr(row, model_field.attname)
    if model_field.is_relation:
        return _linked_value(row, model_field, family, raw)
    if raw is None:
        return "Not recorded", None
    if model_field.choices:
        shown = str(dict(model_field.flatchoices).get(raw, raw))
        return shown, shown
    if isinstance(raw, str) and raw and (model_field.name in CODE_FIELDS or _CODE.match(raw)):
        shown = code_words(row, model_field.name, raw)
        return shown, shown
    if isinstance(raw, bool):
        return ("Yes" if raw else "No"), raw
    if isinstance(raw, datetime):
        return when(raw), raw.isoformat()
    if isinstance(raw, date):
        return _day(raw), raw.isoformat()
    if isinstance(raw, list):
        labels = _labels_for(row, model_field.name)
        shown_list = labels if labels is not None else [str(x) for x in raw]
        return (", ".join(shown_list) or "None"), (labels if labels is not None else raw)
    if isinstance(raw, bytes | memoryview):
        size = len(raw)
        return f"A file of {size} bytes (any file this record gives is in the files folder)", {
            "bytes": size
        }
    if isinstance(raw, dict):
        return ", ".join(f"{k}: {v}" for k, v in raw.items()) or "None", raw
    if isinstance(raw, int | float):
        return str(raw), raw
    return str(raw), str(raw)


def _title(row: models.Model, singular: str) -> str:
    try:
        text = str(row)
    except Exception:  # a name is a nicety; never lose the record over it
        text = ""
    return text or f"{singular} {row.pk}"


@dataclass
class _Tally:
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


def _kind_for(model: type[models.Model]) -> Kind:
    meta = model._meta
    singular = str(meta.verbose_name)
    plural = KIND_NAMES.get(meta.label_lower, str(meta.verbose_name_plural))
    return Kind(
        label=meta.label_lower,
        name=plural[:1].upper() + plural[1:],
        singular=singular[:1].upper() + singular[1:],
    )


def _values(
    row: models.Model, kind: Kind, hidden: dict[str, str], family: Family, tally: _Tally
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
    held = _holdback(loaded, _marks(scope, family))
    kinds: list[Kind] = []
    tally = _Tally()
    for model, rows in loaded.items():
        kind = _kind_for(model)
        for row in rows:
            reason = held.whole.get((kind.label, row.pk))
            if reason is not None:
                tally.held_whole(kind, reason)
                continue
            values = _values(row, kind, held.parts.get((kind.label, row.pk), {}), family, tally)
            kind.records.append(Record(kind.label, row.pk, _title(row, kind.singular), values, row))
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
    from supportfirst.councils.models import Membership

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
        kind.records.append(Record(ACCOUNTS_LABEL, user.pk, _person(user), values, user))
    return kind


def _grouped(lines: list[WithheldLine]) -> list[WithheldLine]:
    """The same thing held back for the same reason in several records, said once."""
    counts: dict[WithheldLine, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    return [
        WithheldLine(f"{line.what} (in {n} records)" if n > 1 else line.what, line.why)
        for line, n in counts.items()
    ]


def files_of(record: Record) -> list[tuple[str, bytes]]:
    """The extra files a record gives for the download (a letter's PDF), if it has any."""
    method = getattr(record.obj, "sar_files", None)
    if method is None:
        return []
    return [(safe_name(name), content) for name, content in method()]


def record_choices(scope: Scope, family: Family) -> list[tuple[str, list[tuple[str, str]]]]:
    """The family's records, grouped by kind, for staff to choose one to mark: value
    "<app>.<model>:<id>"."""
    groups = []
    for model, rows in load(scope, family).items():
        if not rows:
            continue
        meta = model._meta
        name = KIND_NAMES.get(meta.label_lower, str(meta.verbose_name_plural))
        groups.append(
            (
                name[:1].upper() + name[1:],
                [
                    (f"{meta.label_lower}:{row.pk}", _title(row, str(meta.verbose_name)))
                    for row in rows
                ],
            )
        )
    return groups


def find_record(scope: Scope, family: Family, value: str) -> tuple[type[models.Model], Any] | None:
    """The family's record named by "<app>.<model>:<id>", or None when it is not theirs."""
    label, _, pk = value.partition(":")
    if not pk.isdigit():
        return None
    for model in family_record_models():
        if model._meta.label_lower == label:
            manager: Any = model._default_manager
            lookup = "pk" if model is Family else getattr(model, "family_lookup", "family")
            row = manager.visible_to(scope).filter(**{lookup: family.pk}, pk=int(pk)).first()
            return (model, row) if row is not None else None
    return None


def content_type_for(model: type[models.Model]) -> ContentType:
    return ContentType.objects.get_for_model(model)
