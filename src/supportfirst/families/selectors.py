"""Reading families' records. Every read goes through the scoping layer; every read of one
family's record is written to the access log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest

from supportfirst.accounts.models import User
from supportfirst.audit.models import AccessEvent
from supportfirst.audit.services import (
    CouncilRecords,
    LogVerdict,
    events_about_family,
    record_access,
    verify_log,
)
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.families.models import Child, Family, Stage
from supportfirst.families.records import facing_of
from supportfirst.rules.smallfigures import SMALLEST_FIGURE

SMALLEST_FIGURE_SHOWN = SMALLEST_FIGURE  # the one rule for small figures: rules/smallfigures.py


def families_list(*, scope: Scope, allocated_to: int | None = None) -> QuerySet[Family]:
    rows = (
        Family.objects.visible_to(scope)
        .select_related("allocated_worker")
        .prefetch_related(Prefetch("children", queryset=Child.objects.order_by("first_name")))
        .order_by("name")
    )
    if allocated_to is not None:
        rows = rows.filter(allocated_worker_id=allocated_to)
    return rows


def family_read(*, request: HttpRequest, scope: Scope, family_id: int) -> Family:
    """One family's whole record, logged as a view by the signed-in person."""
    queryset = Family.objects.select_related("allocated_worker", "council").prefetch_related(
        "children", "parent_carers", "siblings"
    )
    family = get_visible_or_404(queryset, scope, pk=family_id)
    record_access(request=request, scope=scope, family_id=family.pk, record=family)
    return family


def child_read(*, request: HttpRequest, scope: Scope, child_id: int) -> Child:
    queryset = Child.objects.select_related("family", "family__allocated_worker")
    if scope.role == "young_person":
        queryset = queryset.filter(pk=scope.child_id)
    child = get_visible_or_404(queryset, scope, pk=child_id)
    record_access(request=request, scope=scope, family_id=child.family_id, record=child)
    return child


@dataclass(frozen=True)
class AccessLogLine:
    event: AccessEvent
    who: str
    role: str

    @property
    def what(self) -> str:
        return f"{self.event.get_action_display()} {record_name(self.event.record_type)}"


def record_name(record_type: str) -> str:
    """A record's kind in plain words: as its model declares it to the family
    (`families.records`), or else the model's own name."""
    try:
        model = apps.get_model(record_type)
    except (LookupError, ValueError):
        return "a record"
    facing = facing_of(model)
    return facing.one if facing is not None else f"the {model._meta.verbose_name}"


def access_log_for_family(
    *,
    scope: Scope,
    family_id: int,
    limit: int = 50,
    held_back: Mapping[str, QuerySet[Any]] | None = None,
) -> list[AccessLogLine]:
    """Who looked at or changed this family's record, newest first, named in plain words.

    `held_back` names, per kind of record, the ids (as the text the log stores) of records the
    reader must not learn of, such as a proposed move to safeguarding the family has not been
    told about. A family member's view of the log must always say what is held back."""
    rows = events_about_family(scope=scope, family_id=family_id)
    if scope.is_family and held_back is None:
        raise ValueError("A family's access log must say what is held back from the family.")
    for record_type, record_ids in (held_back or {}).items():
        rows = rows.exclude(record_type=record_type, record_id__in=record_ids)
    events = list(rows.order_by("-sequence")[:limit])
    people = User.objects.in_bulk({e.actor_id for e in events if e.actor_id is not None})
    lines = []
    for event in events:
        person = people.get(event.actor_id) if event.actor_id is not None else None
        role = str(Role(event.role).label) if event.role in Role.values else event.role
        lines.append(AccessLogLine(event, str(person) if person else event.actor_username, role))
    return lines


@dataclass(frozen=True)
class Figure:
    label: str
    count: int | None  # None when the true figure is too small to show safely

    @property
    def shown(self) -> str:
        return f"fewer than {SMALLEST_FIGURE_SHOWN}" if self.count is None else str(self.count)


def families_by_stage(*, scope: Scope) -> list[Figure]:
    """Anonymous figures for the forum: families at each stage; small numbers are not shown."""
    council_families = Family.objects.filter(council_id=scope.council_id)
    counts = dict(council_families.values_list("stage").annotate(n=Count("pk")).order_by())
    return [
        Figure(
            str(label),
            counts.get(value, 0) if counts.get(value, 0) >= SMALLEST_FIGURE_SHOWN else None,
        )
        for value, label in Stage.choices
    ]


def access_log_records() -> dict[int, CouncilRecords]:
    """What each council's family records imply about its access log: every family is written
    to the log when it is added, so a family no event mentions, or a family newer than the
    log's last event, means events were removed."""
    logged = AccessEvent.objects.filter(council_id=OuterRef("council_id"), family_id=OuterRef("pk"))
    rows = (
        Family.objects.values("council_id")
        .annotate(
            families=Count("pk"),
            never_logged=Count("pk", filter=~Exists(logged)),
            newest=Max("created_at"),
        )
        .order_by("council_id")
    )
    return {
        row["council_id"]: CouncilRecords(row["families"], row["never_logged"], row["newest"])
        for row in rows
    }


def verify_access_log(*, witness: Path | None = None) -> LogVerdict:
    """`supportfirst audit verify`: every council's keyed chain, against its family records
    and, with `witness`, against what the last verify saw."""
    return verify_log(access_log_records(), witness=witness)
