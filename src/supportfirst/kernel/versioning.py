"""No lost updates: every record a form edits carries a version number. The form sends back the
version it was opened at; saving claims the next version only if the record is still at that
one (a compare-and-set UPDATE, which also holds the row until the save commits). When someone
else saved first, nothing is written: the form comes back with what the person typed, beside
what is saved now and who saved it when, so they can check both and save again.

A record so checked inherits `Versioned` (its `revision`, `updated_by`, `updated_at`).
Use: `versioned(form, record)` on the form a page edits (it adds the hidden `version` field);
`form_move` / `form_page` in kernel/formsupport.py then make the check for every form so
marked, or a view with its own save wraps it in `version_claimed(form)`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

CONFLICT_MESSAGE = (
    "Someone else saved this while you were writing, so your changes are not saved yet. What "
    "you typed is still in the form, and what is saved now is shown beside it: check both, "
    "then save again."
)


# The field holding a record's version ("version" is taken by some records for other things).
REVISION = "revision"


class Versioned(models.Model):
    """A record people edit through a form: its revision (one more at each save through a
    form), who saved it last and when."""

    revision = models.PositiveIntegerField(default=0, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


# A version sent back that is not a plain number a revision can hold (changed by hand, say):
# no record is ever at it, so saving gets the conflict page at the current version, instead of an
# error on a hidden field the person can neither see nor correct.
UNKNOWN = -1
LARGEST_REVISION = 2**31 - 1  # the largest a PositiveIntegerField holds everywhere


class VersionField(forms.IntegerField):
    """The hidden version the form was opened at."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            widget=forms.HiddenInput,
            required=False,
            min_value=UNKNOWN,
            max_value=LARGEST_REVISION,
            **kwargs,
        )

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and len(text) <= 10):
            return UNKNOWN
        number = int(text)
        return number if number <= LARGEST_REVISION else UNKNOWN


Saved = Callable[[Any], Mapping[str, Any]]


@dataclass(frozen=True)
class Row:
    label: str
    typed: str
    saved: str


@dataclass(frozen=True)
class SavedNow:
    """What is saved now, beside what the person typed, for the conflict block."""

    rows: list[Row]
    by: str
    at: datetime | None


@dataclass
class Watch:
    record: models.Model
    saved: Saved


def _fields_of(record: Any) -> Mapping[str, Any]:
    return {f.name: getattr(record, f.name) for f in record._meta.concrete_fields}


def versioned(form: forms.BaseForm, record: Any, *, saved: Saved | None = None) -> Any:
    """Mark `form` as editing `record`: adds the hidden version field (opened at the record's
    version). `saved(record)` gives the record's values under the form's field names, to show
    beside what was typed when someone else saved first (by default the record's own fields
    of the same names). Returns the form."""
    form.fields["version"] = VersionField(initial=getattr(record, REVISION))
    form.version_watch = Watch(record=record, saved=saved or _fields_of)  # type: ignore[attr-defined]
    form.saved_now = None  # type: ignore[attr-defined]
    return form


def is_versioned(form: forms.BaseForm) -> bool:
    return getattr(form, "version_watch", None) is not None


def in_conflict(form: forms.BaseForm) -> bool:
    return getattr(form, "saved_now", None) is not None


def claim(record: Any, seen: int | None, user: Any) -> Any:
    """Take the record's next version for this save, or return the record as saved now when
    it is no longer at `seen` (someone else saved first). None means the claim was made."""
    model = type(record)
    now = timezone.now()
    change: dict[str, Any] = {REVISION: F(REVISION) + 1}
    names = {f.name for f in model._meta.concrete_fields}
    if "updated_at" in names:
        change["updated_at"] = now
    if "updated_by" in names and getattr(user, "is_authenticated", False):
        change["updated_by"] = user
    rows = model._base_manager.filter(pk=record.pk)
    if seen is not None:
        rows = rows.filter(**{REVISION: seen})
    if not rows.update(**change):
        return model._base_manager.get(pk=record.pk)
    fresh = model._base_manager.values(*[k for k in change if k != "updated_by"]).get(pk=record.pk)
    for name, value in fresh.items():
        setattr(record, name, value)
    if "updated_by" in change:
        record.updated_by = user
    return None


def _shown(field: forms.Field | None, value: Any) -> str:
    """A value as a person reads it: a choice's label, yes or no, a date in words."""
    if value is None or value == "" or value == []:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, list | tuple | set):
        return ", ".join(_shown(field, v) for v in value)
    if isinstance(value, models.Model):
        return str(value)
    choices = dict(getattr(field, "choices", None) or [])
    if choices:
        labels = {str(k): v for k, v in choices.items() if not isinstance(v, list | tuple)}
        if str(value) in labels:
            return str(labels[str(value)])
    return str(value)


def _comparable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return sorted(str(_comparable(v)) for v in value)
    if value is None:
        return ""
    return str(value)


def _saved_now(form: forms.BaseForm, current: Any) -> SavedNow:
    watch: Watch = form.version_watch  # type: ignore[attr-defined]
    saved = watch.saved(current)
    cleaned = getattr(form, "cleaned_data", {})
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in saved:
            continue
        typed, now = cleaned.get(name, form.data.get(form.add_prefix(name))), saved[name]
        if _comparable(typed) == _comparable(now):
            continue
        label = str(field.label or name.replace("_", " ").capitalize())
        rows.append(Row(label=label, typed=_shown(field, typed), saved=_shown(field, now)))
    by = getattr(current, "updated_by", None)
    return SavedNow(
        rows=rows,
        by=(by.get_full_name() or str(by)) if by is not None else "someone else",
        at=getattr(current, "updated_at", None),
    )


def mark_conflict(form: forms.BaseForm, current: Any) -> None:
    """The form comes back with what was typed, the error, what is saved now, and the new
    version (so a second save, after checking, goes through)."""
    form.saved_now = _saved_now(form, current)  # type: ignore[attr-defined]
    form.add_error(None, CONFLICT_MESSAGE)
    sent: Any = form.data  # a QueryDict from a request (copied to keep every value of a list)
    data = sent.copy()
    data[form.add_prefix("version")] = str(getattr(current, REVISION))
    form.data = data


@contextmanager
def version_claimed(form: forms.BaseForm, user: Any) -> Iterator[bool]:
    """Inside a transaction: claim the version of the record `form` edits. Yields True when
    the save may go ahead; False (with the form marked) when someone else saved first. An
    exception inside rolls the claim back with the save. A form that is not versioned always
    goes ahead."""
    if not is_versioned(form):
        yield True
        return
    watch: Watch = form.version_watch  # type: ignore[attr-defined]
    with transaction.atomic():
        # Taken out of what the form gives its move, which knows nothing of versions.
        current = claim(watch.record, form.cleaned_data.pop("version", None), user)
        if current is not None:
            mark_conflict(form, current)
            yield False
            return
        yield True


def conflict_block(form: forms.BaseForm) -> str:
    """The hidden version field and, after a conflict, what is saved now beside what was typed:
    drawn at the top of a versioned form by the GOV.UK form helper."""
    if not is_versioned(form):
        return ""
    block = render_to_string("includes/saved_now.html", {"saved_now": form.saved_now})  # type: ignore[attr-defined]
    return SafeString(block + str(form["version"]))
