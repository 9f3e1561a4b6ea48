"""Retention: each council's periods, and removing what is past them.

Nothing about a family with an open case is ever removed (`open_case_family_ids`). A family's
case is open while any of its requests is still in progress (anything but "information and
advice given": the service has no other way a request ends) or any complaint is still being
answered. Each run records what it removed per council and kind (`RetentionRun`) and one access
log event per family it touched, so the family's "who has looked" page and the council's log
show it.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.db import transaction
from django.db.models import Max, ProtectedError, QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, append_event
from supportfirst.complaints.models import CLOCK_RUNNING
from supportfirst.councils.models import Council
from supportfirst.families.models import Child, Family
from supportfirst.notifications.models import Notification
from supportfirst.pathway.models import RequestStatus, SupportRequest
from supportfirst.retention.models import Kind, RetentionPeriod, RetentionRun

# The retention task's name in the access log.
RETENTION_ACTOR = "retention (daily task)"


@dataclass(frozen=True)
class Period:
    kind: Kind
    months: int
    is_default: bool

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def counted_from(self) -> str:
        return self.kind.counted_from

    @property
    def in_words(self) -> str:
        years, months = divmod(self.months, 12)
        parts = []
        if years:
            parts.append(f"{years} year{'s' if years != 1 else ''}")
        if months:
            parts.append(f"{months} month{'s' if months != 1 else ''}")
        return " and ".join(parts)


def periods_for(council_id: int) -> list[Period]:
    """The council's period for each kind, its own or the default."""
    own = {row.kind: row.months for row in RetentionPeriod.objects.filter(council_id=council_id)}
    return [Period(kind, own.get(kind, kind.default_months), kind not in own) for kind in Kind]


def months_before(moment: date, months: int) -> date:
    """The same day `months` months earlier (the last day of a shorter month)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    return date(year, month + 1, min(moment.day, monthrange(year, month + 1)[1]))


class PeriodsChanged(Exception):
    """Someone else saved the council's periods after this person opened the page."""


def periods_version(council_id: int) -> int:
    """The version of the council's periods as a whole: when they were last saved, in
    microseconds (0 before the first save). A save checks it (no lost updates)."""
    last = (
        RetentionPeriod.objects.filter(council_id=council_id)
        .order_by("-updated_at")
        .values_list("updated_at", flat=True)
        .first()
    )
    return int(last.timestamp() * 1_000_000) if last else 0


@transaction.atomic
def periods_save(
    *, actor: Actor, months: dict[str, int], version: int | None = None
) -> list[Period]:
    """Save the council's periods (months per kind); a period equal to the default is saved
    too, so a later change of default does not change a council's choice. With `version` (what
    the page was opened at), a save made after someone else's is refused: `PeriodsChanged`."""
    # Hold the council's periods while checking, so two saves cannot both pass the check.
    list(RetentionPeriod.objects.select_for_update().filter(council_id=actor.scope.council_id))
    if version is not None and version != periods_version(actor.scope.council_id):
        raise PeriodsChanged
    now = timezone.now()
    for kind in Kind:
        RetentionPeriod.objects.update_or_create(
            council_id=actor.scope.council_id,
            kind=kind,
            defaults={"months": months[kind], "updated_by": actor.user, "updated_at": now},
        )
    return periods_for(actor.scope.council_id)


def open_case_family_ids(council_id: int) -> set[int]:
    """Families of the council with an open case: nothing of theirs is removed."""
    requests = (
        SupportRequest.objects.filter(family__council_id=council_id)
        .exclude(status=RequestStatus.INFORMATION_GIVEN)
        .values_list("family_id", flat=True)
    )
    complaints = Family.objects.filter(
        council_id=council_id, complaints__status__in=CLOCK_RUNNING
    ).values_list("pk", flat=True)
    return set(requests) | set(complaints)


def _log(council_id: int, family_id: int, record_type: str, what: str) -> None:
    append_event(
        actor_id=None,
        actor_username=RETENTION_ACTOR,
        role="retention",
        council_id=council_id,
        family_id=family_id,
        record_type=record_type,
        record_id=what[:40],
        action=Action.DELETE,
        request_id="",
    )


def _old_messages(council_id: int, cutoff: datetime) -> QuerySet[Notification]:
    return Notification.objects.filter(family__council_id=council_id, sent_at__lt=cutoff)


def _remove_messages(council: Council, months: int, now: datetime, keep: set[int]) -> RetentionRun:
    cutoff = timezone.make_aware(
        datetime.combine(months_before(timezone.localdate(now), months), datetime.min.time())
    )
    old = _old_messages(council.pk, cutoff)
    kept = old.filter(family_id__in=keep).count()
    removed = 0
    by_family: dict[int, list[int]] = {}
    for pk, family_id in old.exclude(family_id__in=keep).values_list("pk", "family_id"):
        by_family.setdefault(family_id, []).append(pk)
    for family_id, ids in sorted(by_family.items()):
        removed += Notification.objects.filter(pk__in=ids).delete()[0]
        _log(council.pk, family_id, "notifications.notification", f"{len(ids)} old messages")
    return RetentionRun(kind=Kind.MESSAGES, removed=removed, kept_open=kept)


def _remove_family_records(
    council: Council, months: int, now: datetime, keep: set[int]
) -> RetentionRun:
    """Whole families whose youngest child turned 18 more than `months` months ago."""
    born_before = months_before(timezone.localdate(now), months + 18 * 12)
    youngest = (
        Child.objects.filter(family__council_id=council.pk)
        .values("family_id")
        .annotate(born=Max("date_of_birth"))
        .filter(born__lt=born_before)
        .values_list("family_id", flat=True)
    )
    due = set(youngest)
    kept = len(due & keep)
    removed = 0
    for family in Family.objects.filter(pk__in=due - keep).order_by("pk"):
        family_id = family.pk
        _remove_guarded(partial(_remove_family, family), family_id)
        _log(council.pk, family_id, "families.family", "whole record past retention")
        removed += 1
    return RetentionRun(kind=Kind.FAMILY_RECORDS, removed=removed, kept_open=kept)


def _remove_family(family: Family) -> None:
    # Requests hold their child (protected), so they go first, then the family.
    SupportRequest.objects.filter(family_id=family.pk).delete()
    family.delete()


def _remove_guarded(remove: Callable[[], object], family_id: int) -> None:
    """Run `remove`; when a record of the same family guards what it removes (a letter names
    the child, a decision its assessment, a plan its decision: each protected so that it is never
    removed alone), remove that record first, then try again. A guard from outside the family
    stops the run."""
    while True:
        try:
            with transaction.atomic():
                remove()
            return
        except ProtectedError as error:
            guards = list(error.protected_objects)
            if not guards or any(getattr(g, "family_id", None) != family_id for g in guards):
                raise
            for guard in guards:
                _remove_guarded(guard.delete, family_id)


REMOVERS = {Kind.MESSAGES: _remove_messages, Kind.FAMILY_RECORDS: _remove_family_records}


@transaction.atomic
def retention_apply(*, council: Council, now: datetime | None = None) -> list[RetentionRun]:
    """Remove the council's records past their periods; record and return what was done."""
    moment = now or timezone.now()
    keep = open_case_family_ids(council.pk)
    runs = []
    for period in periods_for(council.pk):
        run = REMOVERS[period.kind](council, period.months, moment, keep)
        run.council = council
        run.ran_at = moment
        run.months = period.months
        run.save()
        runs.append(run)
    return runs


def last_runs(*, council_id: int) -> list[RetentionRun]:
    """The latest run's rows for each kind (empty before the first run)."""
    latest = (
        RetentionRun.objects.filter(council_id=council_id)
        .order_by("-ran_at")
        .values_list("ran_at", flat=True)
        .first()
    )
    if latest is None:
        return []
    return list(RetentionRun.objects.filter(council_id=council_id, ran_at=latest))


def prune_finished_tasks(*, days: int = 30) -> int:
    """Finished background tasks older than `days` days: their results hold the addresses
    messages went to, so they are not kept. Returns how many were removed."""
    old = DBTaskResult.objects.finished().filter(finished_at__lt=timezone.now() - timedelta(days))
    return old.delete()[0]
