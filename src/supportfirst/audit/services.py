"""Writing and checking the access log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from supportfirst.audit import chain
from supportfirst.audit.models import AccessEvent, Action, ChainHead
from supportfirst.councils.scoping import Scope, scope_for


@dataclass(frozen=True)
class Actor:
    """Who is acting, in which role and council, and in which web request."""

    user: Any
    scope: Scope
    request_id: str = ""

    @classmethod
    def of(cls, request: HttpRequest) -> Actor:
        scope = getattr(request, "scope", None) or scope_for(request.user)  # type: ignore[arg-type]
        return cls(request.user, scope, getattr(request, "request_id", ""))


def log_access(
    actor: Actor, *, family_id: int | None, record: models.Model, action: Action = Action.VIEW
) -> AccessEvent:
    """Append one event for a view or change of a family's record."""
    return append_event(
        actor_id=actor.scope.user_id,
        actor_username=actor.user.get_username(),
        role=actor.scope.role,
        council_id=actor.scope.council_id,
        family_id=family_id,
        record_type=record._meta.label_lower,
        record_id=str(record.pk),
        action=action,
        request_id=actor.request_id,
    )


def record_access(
    *,
    request: HttpRequest,
    scope: Scope,
    family_id: int | None,
    record: models.Model,
    action: Action = Action.VIEW,
) -> AccessEvent:
    """Append one event for a view or change of a family's record by the signed-in person."""
    actor = Actor(request.user, scope, getattr(request, "request_id", ""))
    return log_access(actor, family_id=family_id, record=record, action=action)


@transaction.atomic
def append_event(**fields: Any) -> AccessEvent:
    head = _locked_head()
    occurred_at = timezone.now().astimezone(UTC)
    values = {
        **fields,
        "action": str(fields["action"]),
        "sequence": head.sequence + 1,
        "occurred_at": occurred_at,
    }
    digest = chain.event_hash(hashable_fields(values), head.hash)
    event = AccessEvent.objects.create(**values, previous_hash=head.hash, hash=digest)
    ChainHead.objects.filter(pk=1).update(sequence=event.sequence, hash=digest)
    return event


class ChainHeadMissing(RuntimeError):
    pass


def _locked_head() -> ChainHead:
    """The chain head, locked for this transaction. Made fresh only for an empty log."""
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    if AccessEvent.objects.exists():
        raise ChainHeadMissing(
            "The access log's chain head is missing: run `supportfirst audit verify`."
        )
    ChainHead.objects.get_or_create(pk=1, defaults={"sequence": 0, "hash": chain.GENESIS})
    return ChainHead.objects.select_for_update().get(pk=1)


def hashable_fields(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    out["occurred_at"] = values["occurred_at"].astimezone(UTC).isoformat()
    return out


def _events() -> Iterator[dict[str, Any]]:
    columns = [*chain.FIELDS, "previous_hash", "hash"]
    rows = AccessEvent.objects.order_by("sequence").values(*columns)
    for row in rows.iterator(chunk_size=2000):
        yield hashable_fields(row)


def verify_log() -> chain.Verdict:
    head = ChainHead.objects.filter(pk=1).first()
    stored = (head.sequence, head.hash) if head else (0, chain.GENESIS)
    return chain.verify(_events(), head=stored)


def events_about_family(*, scope: Scope, family_id: int) -> models.QuerySet[AccessEvent]:
    """The access log entries about one family, within the scope's council."""
    return AccessEvent.objects.filter(council_id=scope.council_id, family_id=family_id)
