"""The one registry of family records: how each kind of record is named to the family, whether
the family may see it, what is held back from them by rule, and whether they may ask to correct
it.

Each kind declares this once, next to its own model, as a class attribute:

    family_facing = FamilyFacing(one="a request for help", many="Requests for help", order=40)

The family's access log, the download of everything held about a family and the list of records
a family can ask to correct all read it from here, so a new kind of record is named everywhere
by adding it to its model (a test fails for a family record that does not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.apps import apps
from django.db import models
from django.utils.module_loading import import_string

from supportfirst.councils.models import Role


class HoldingBack(Protocol):
    """What a hold-back rule is given: the family's records of each kind, and where to note what
    is held back. `rule_reason` is what the family is told about things held back by rule."""

    rule_reason: str

    def rows_of(self, label: str) -> list[Any]: ...

    def hold_whole(self, label: str, pk: Any, reason: str) -> None: ...

    def hold_part(self, label: str, pk: Any, name: str, reason: str) -> None: ...


HoldBackRule = Callable[[HoldingBack], None]


@dataclass(frozen=True)
class Correctable:
    """A family may ask to correct this kind of record.

    kind: the name stored on the correction request (`corrections.models.RecordKind`);
    label: how one record is named on the correction pages;
    shown_on: the page it is shown on and that page's id, e.g. ("request", 12);
    young_person: the path from the record to the child a young person may correct it for
    (None: a young person may not correct this kind);
    related: what to read with it, for the label;
    readable: for a record read in an assessment, the assessments the family may read, and
    `through` the path from the record to its assessment (then a young person finds what that
    rule lets them read)."""

    kind: str
    label: Callable[[Any], str]
    shown_on: Callable[[Any], tuple[str, int]]
    young_person: str | None = None
    related: tuple[str, ...] = ()
    readable: Callable[[Any], models.QuerySet[Any]] | None = None
    through: str = "pk"

    def rows(self, model: type[models.Model], scope: Any) -> models.QuerySet[Any]:
        """The records of this kind the signed-in person may find (before their council's
        scope is applied)."""
        manager: Any = model._default_manager
        rows: models.QuerySet[Any] = manager.select_related(*self.related)
        if self.readable is not None:
            if scope.is_family:
                readable = self.readable(scope).values("pk")
                rows = rows.filter(**{f"{self.through}__in": readable})
            return rows
        if scope.role == Role.YOUNG_PERSON:
            if self.young_person is None:
                return rows.none()
            return rows.filter(**{self.young_person: scope.child_id})
        return rows


@dataclass(frozen=True)
class FamilyFacing:
    """How one kind of family record faces the family.

    one: the record in the family's access log ("a request for help");
    many: the heading of its records in the download ("Requests for help");
    order: its place in the download; kinds without one follow, by name;
    visible: False for a record kept for staff only (held back from the download);
    downloaded: False for a record that is not part of the download at all;
    hold_back: the rule that holds back some of the family's records from them, if any;
    correction: whether and how the family may ask to correct it."""

    one: str
    many: str
    order: int | None = None
    visible: bool = True
    downloaded: bool = True
    hold_back: HoldBackRule | str | None = None
    correction: Correctable | None = None

    def hold(self, held: HoldingBack) -> None:
        """Run this kind's hold-back rule, if it has one."""
        if self.hold_back is not None:
            # A rule named by its dotted path lives in a module that imports the models, and so
            # cannot be imported by them.
            rule: HoldBackRule = (
                import_string(self.hold_back) if isinstance(self.hold_back, str) else self.hold_back
            )
            rule(held)


def facing_of(model: type[models.Model]) -> FamilyFacing | None:
    """The declaration of a model, or None for a model that is not a family record."""
    found = getattr(model, "family_facing", None)
    return found if isinstance(found, FamilyFacing) else None


def declared_models() -> list[type[models.Model]]:
    """Every installed model that declares how it faces the family."""
    return [m for m in apps.get_models() if facing_of(m) is not None]


def facing_by_label(label: str) -> FamilyFacing | None:
    """The declaration for "<app>.<model>", or None when there is no such declared model."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return facing_of(model)
