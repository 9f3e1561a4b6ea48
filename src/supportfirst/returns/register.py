"""The register of disabled children the council must keep (Children Act 1989, Schedule 2,
paragraph 2), made from the records in this service, for the council's planning.

Who is on it: every child of the council's families with at least one request for help to the
disabled children's service (any request, open or closed, whatever its outcome): the children
"known to the service", who are under 18 on the day the register is read (it is a register of
disabled children: a young person of 18 or over is left off, and their family's page no longer
says they are on it). Being on it decides nothing about the help a child gets.

For each child: the disabilities recorded on the child's details for the returns (in plain
English), the areas of life in which an authorised child's needs assessment found needs, and the
services in the child's agreed support plans. Read at council level (the data team opens no
family's record): a page costs the same few queries whatever the council's size, and the CSV
download reads the children in batches by key, so memory stays flat.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from supportfirst.assessments.areas import AreaCode, Kind
from supportfirst.assessments.models import AssessmentStatus, Need
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, append_event
from supportfirst.families.models import Child
from supportfirst.pathway.models import SupportRequest
from supportfirst.plans.models import PlannedService, PlanStatus
from supportfirst.rules.returns import codes
from supportfirst.rules.returns.equality import years_before
from supportfirst.rules.smallfigures import neutralise

PAGE_SIZE = 50
BATCH = 500
NOTHING = "None recorded"


#: The order of the page and of the download: by name, then by key.
ORDER = ("last_name", "first_name", "pk")


def _known(child_field: str = "pk") -> Exists:
    return Exists(SupportRequest.objects.filter(child_id=OuterRef(child_field)))


def _under_18_on(today: dt.date | None) -> dt.date:
    """A child born after this day is under 18 on `today` (the council's today by default)."""
    return years_before(today or timezone.localdate(), 18)


def register_children(council_id: int, today: dt.date | None = None) -> QuerySet[Child]:
    """The council's children on the register on `today`, by name (a page counts them in the
    database)."""
    return (
        Child.objects.filter(family__council_id=council_id, date_of_birth__gt=_under_18_on(today))
        .filter(_known())
        .order_by(*ORDER)
    )


def is_on_register(child: Child, today: dt.date | None = None) -> bool:
    """Whether a child is on their council's register on `today`: at most one query."""
    if child.date_of_birth <= _under_18_on(today):
        return False
    return SupportRequest.objects.filter(child_id=child.pk).exists()


@dataclass(frozen=True)
class Entry:
    child_id: int
    name: str
    date_of_birth: str
    disabilities: tuple[str, ...]
    needs: tuple[str, ...]
    services: tuple[str, ...]


def _disabilities(child: Child) -> tuple[str, ...]:
    return tuple(codes.DISABILITY.get(code, code) for code in child.disability_codes or ())


def entries(children: Iterable[Child]) -> list[Entry]:
    """Each child's line of the register: two queries for any number of children."""
    children = list(children)
    ids = [c.pk for c in children]
    needs: dict[int, set[str]] = defaultdict(set)
    for child_id, area in (
        Need.objects.filter(
            area__assessment__child_id__in=ids,
            area__assessment__kind=Kind.CHILD,
            area__assessment__status=AssessmentStatus.AUTHORISED,
        )
        .values_list("area__assessment__child_id", "area__code")
        .distinct()
    ):
        needs[child_id].add(area)
    services: dict[int, set[str]] = defaultdict(set)
    for child_id, name in (
        PlannedService.objects.filter(plan__child_id__in=ids, plan__status=PlanStatus.AGREED)
        .values_list("plan__child_id", "name")
        .distinct()
    ):
        services[child_id].add(name)
    order = {code: i for i, code in enumerate(AreaCode.values)}
    return [
        Entry(
            c.pk,
            f"{c.first_name} {c.last_name}",
            f"{c.date_of_birth.day} {c.date_of_birth:%B %Y}",
            _disabilities(c),
            tuple(
                str(AreaCode(code).label)
                for code in sorted(needs[c.pk], key=lambda code: order.get(code, 99))
            ),
            tuple(sorted(services[c.pk])),
        )
        for c in children
    ]


CSV_HEADER = (
    "Child",
    "Date of birth",
    "Disabilities",
    "Areas of need (authorised assessments)",
    "Services (agreed plans)",
)


def _line(cells: Iterable[object]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([neutralise(c) for c in cells])
    return out.getvalue()


def _after(child: Child) -> Q:
    """The children after `child` in the register's order (a keyset, so each batch is one query
    however far into the register it is)."""
    last, first = child.last_name, child.first_name
    return (
        Q(last_name__gt=last)
        | Q(last_name=last, first_name__gt=first)
        | Q(last_name=last, first_name=first, pk__gt=child.pk)
    )


def register_csv(council_id: int, today: dt.date | None = None) -> Iterator[str]:
    """The whole register as CSV, a line at a time, in the page's order (by name), read in
    batches of children by that order."""
    yield _line(CSV_HEADER)
    children = register_children(council_id, today)
    after = Q()
    while True:
        batch = list(children.filter(after)[:BATCH])
        if not batch:
            return
        after = _after(batch[-1])
        for e in entries(batch):
            yield _line(
                (
                    e.name,
                    e.date_of_birth,
                    "; ".join(e.disabilities) or NOTHING,
                    "; ".join(e.needs) or NOTHING,
                    "; ".join(e.services) or NOTHING,
                )
            )


def log_register_download(*, actor: Actor) -> None:
    """The register names every child on it: its download is in the council's access log."""
    append_event(
        actor_id=actor.scope.user_id,
        actor_username=actor.user.get_username(),
        role=actor.scope.role,
        council_id=actor.scope.council_id,
        family_id=None,
        record_type="return",
        record_id="register-of-disabled-children",
        action=Action.DOWNLOAD,
        request_id=actor.request_id,
    )
