"""The words a family reads for each field of their records in the download: a linked record
by its name and id, a choice by the words shown on the pages, a person by their full name, an
internal code in words, a moment and a day as the pages write them."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from supportfirst.accounts.models import User
from supportfirst.councils.models import Council
from supportfirst.families.models import Family
from supportfirst.kernel import timewords
from supportfirst.subject_access.kinds import family_record_models


def person(user: Any) -> str:
    return (getattr(user, "full_name", "") or user.get_username()) if user else ""


def when(moment: datetime) -> str:
    return timewords.moment(moment)


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
    if model_field.related_model is Council and raw == family.council_id:
        # The family's own council (kept on the busiest records): named once, not read a row.
        return family.council.name, {"id": raw, "label": family.council.name}
    related = getattr(row, model_field.name)
    label = person(related) if isinstance(related, User) else str(related)
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
