"""The records a family may ask to correct: the allow-list of kinds (read from each model's
declaration, `family_facing.correction`, in `families.records`), how to find one record of each
kind that the signed-in person may see, how to name it, and the page it is shown on.

A family member finds only records of their own family that they can read in the service (an
assessment only once it is ready for them; a young person only what is about them). Staff find
any record of their council.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404
from django.urls import reverse

from supportfirst.corrections.models import RecordKind, ShownOn
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.families.records import Correctable, declared_models, facing_of
from supportfirst.kernel.formsupport import is_id


@dataclass(frozen=True)
class Kind:
    kind: RecordKind
    queryset: Callable[[Scope], QuerySet[Any]]
    label: Callable[[Any], str]
    shown_on: Callable[[Any], tuple[ShownOn, int]]


def _kind(model: type[Model], correctable: Correctable) -> Kind:
    def shown_on(record: Any) -> tuple[ShownOn, int]:
        page, page_id = correctable.shown_on(record)
        return ShownOn(page), page_id

    return Kind(
        RecordKind(correctable.kind),
        lambda scope: correctable.rows(model, scope),
        correctable.label,
        shown_on,
    )


def correctable_kinds() -> dict[str, Kind]:
    """The allow-list: every kind of record whose model declares that a family may ask to
    correct it (`families.records`), by the name stored on the request."""
    found = {}
    for model in declared_models():
        facing = facing_of(model)
        if facing is not None and facing.correction is not None:
            found[facing.correction.kind] = _kind(model, facing.correction)
    return found


@dataclass(frozen=True)
class FoundRecord:
    kind: Kind
    record: Model

    @property
    def key(self) -> str:
        return f"{self.kind.kind.value}:{self.record.pk}"

    @property
    def label(self) -> str:
        return self.kind.label(self.record)

    @property
    def family_id(self) -> int:
        if self.kind.kind == RecordKind.FAMILY:
            return int(self.record.pk)
        record: Any = self.record
        return int(record.family_id)


def parse_key(key: str) -> tuple[Kind, int]:
    """'contact:12' -> the kind and the id; Http404 for anything not on the allow-list."""
    kind_name, _, record_id = (key or "").partition(":")
    kind = correctable_kinds().get(kind_name)
    if kind is None or not is_id(record_id):
        raise Http404("No such record.")
    return kind, int(record_id)


def find_record(*, scope: Scope, key: str) -> FoundRecord:
    """The record named by `key` that this person may see, or 404."""
    kind, record_id = parse_key(key)
    record = get_visible_or_404(kind.queryset(scope), scope, pk=record_id)
    return FoundRecord(kind, record)


def record_key(kind: str, record: Model) -> str:
    return f"{kind}:{record.pk}"


_FAMILY_PAGES = {
    ShownOn.REQUEST: ("family:request", "request_id"),
    ShownOn.ASSESSMENT: ("family_assessments:assessment", "assessment_id"),
    ShownOn.FAMILY: ("family:home", None),
    ShownOn.CHILD: ("family:child", "child_id"),
}
_STAFF_PAGES = {
    ShownOn.REQUEST: ("pathway:request", "request_id"),
    ShownOn.ASSESSMENT: ("assessments:assessment", "assessment_id"),
    ShownOn.FAMILY: ("staff:family", "family_id"),
    ShownOn.CHILD: ("staff:child", "child_id"),
}


def page_url(shown_on: str, shown_on_id: int, *, for_family: bool) -> str:
    """Where the record is shown, on the family's side or the staff side."""
    name, kwarg = (_FAMILY_PAGES if for_family else _STAFF_PAGES)[ShownOn(shown_on)]
    return reverse(name, kwargs={kwarg: shown_on_id} if kwarg else {})
