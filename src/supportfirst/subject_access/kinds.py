"""The kinds of record held about a family, read generically: the Family itself and every
concrete model that subclasses `families.models.FamilyRecord`, from whichever app, through the
scoping layer. Each kind is named to the family as its model declares (`families.records`), in
the order the declarations give. The number of queries depends on the number of kinds of
record, not on the number of rows; choosing a record to withhold reads only the kinds the family
has (one query finds which)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models

from supportfirst.accounts.models import User
from supportfirst.councils.scoping import Scope
from supportfirst.families.models import Family, FamilyRecord
from supportfirst.families.records import declared_models, facing_of
from supportfirst.kernel.formsupport import is_id


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


def safe_name(text: str) -> str:
    """A file name that is safe in a ZIP on any computer: letters, digits, dot, dash, underscore."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-_")
    return cleaned[:80] or "file"


def is_family_record(model: type[models.Model]) -> bool:
    return issubclass(model, FamilyRecord) and not model._meta.abstract


def family_record_models() -> list[type[models.Model]]:
    """The Family, then every kind of family record from every installed app that is part of
    the download, in the order their declarations give; kinds without a place follow, by name."""
    found = [
        model
        for model in apps.get_models()
        if is_family_record(model)
        and not model._meta.proxy
        and getattr(facing_of(model), "downloaded", True)
    ]
    last = 1 + max((f.order or 0 for m in declared_models() if (f := facing_of(m))), default=0)

    def place(model: type[models.Model]) -> tuple[int, str]:
        facing = facing_of(model)
        order = facing.order if facing is not None else None
        return (last if order is None else order, model._meta.label)

    return [Family, *sorted(found, key=place)]


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


Loaded = dict[type[models.Model], list[models.Model]]


def load(scope: Scope, family: Family) -> Loaded:
    """Every row of every kind for the family: one query per kind."""
    return {model: _rows(model, scope, family) for model in family_record_models()}


def kinds_held(scope: Scope, family: Family) -> list[type[models.Model]]:
    """The kinds of record the family has at least one of, in the download's order: one query
    for every kind together (each kind's name, once, if the family has a row of it)."""
    everything = family_record_models()
    parts = []
    for number, model in enumerate(everything):
        manager: Any = model._default_manager
        lookup = "pk" if model is Family else getattr(model, "family_lookup", "family")
        parts.append(
            manager.visible_to(scope)
            .filter(**{lookup: family.pk})
            .order_by()
            .values_list(models.Value(number, output_field=models.IntegerField()))
            .distinct()
        )
    held = {number for (number,) in parts[0].union(*parts[1:])} if parts else set()
    return [model for number, model in enumerate(everything) if number in held]


def kind_for(model: type[models.Model]) -> Kind:
    """An empty kind, named to the family as its model declares."""
    meta = model._meta
    singular = str(meta.verbose_name)
    facing = facing_of(model)
    plural = facing.many if facing is not None else str(meta.verbose_name_plural)
    return Kind(
        label=meta.label_lower,
        name=plural[:1].upper() + plural[1:],
        singular=singular[:1].upper() + singular[1:],
    )


def title(row: models.Model, singular: str) -> str:
    """The record's own name, or its kind and id when it has none."""
    try:
        text = str(row)
    except Exception:  # a name is a nicety; never lose the record over it
        text = ""
    return text or f"{singular} {row.pk}"


def record_choices(scope: Scope, family: Family) -> list[tuple[str, list[tuple[str, str]]]]:
    """The family's records, grouped by kind, for staff to choose one to mark: value
    "<app>.<model>:<id>"."""
    groups = []
    for model in kinds_held(scope, family):
        rows = _rows(model, scope, family)
        if not rows:
            continue
        kind = kind_for(model)
        meta = model._meta
        groups.append(
            (
                kind.name,
                [
                    (f"{meta.label_lower}:{row.pk}", title(row, str(meta.verbose_name)))
                    for row in rows
                ],
            )
        )
    return groups


def find_record(scope: Scope, family: Family, value: str) -> tuple[type[models.Model], Any] | None:
    """The family's record named by "<app>.<model>:<id>", or None when it is not theirs."""
    label, _, pk = value.partition(":")
    if not is_id(pk):
        return None
    for model in family_record_models():
        if model._meta.label_lower == label:
            manager: Any = model._default_manager
            if model is Family:
                # The family's own details: the family record itself, and no other.
                rows = manager.visible_to(scope).filter(pk=family.pk)
            else:
                lookup = getattr(model, "family_lookup", "family")
                rows = manager.visible_to(scope).filter(**{lookup: family.pk})
            row = rows.filter(pk=int(pk)).first()
            return (model, row) if row is not None else None
    return None


def content_type_for(model: type[models.Model]) -> ContentType:
    return ContentType.objects.get_for_model(model)
