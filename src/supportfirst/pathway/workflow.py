"""Workflow in one place: each record type's moves, with their guards beside them.

A `Move` says from which states it may be made, where it leads, and which guards must pass.
A guard is a small named rule whose docstring is the message a person sees when it fails.
`apply_move` checks the state (an illegal move raises `IllegalMove`: HTTP 409 in the API), runs
every guard (failures raise `MoveRefused` with every message), changes the state and writes one
`PathwayEvent` (who, when, from, to, why). Views never change a status any other way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from supportfirst.pathway.models import PathwayEvent, SupportRequest


class IllegalMove(Exception):
    """The record is not in a state this move can be made from (409 Conflict)."""

    status_code = 409


class MoveRefused(Exception):
    """A guard failed: the messages say, in plain English, what is missing."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(" ".join(messages))
        self.messages = messages


Guard = Callable[[Any, Any, dict[str, Any]], bool]


def guard_message(guard: Guard) -> str:
    return " ".join((guard.__doc__ or guard.__name__).split())


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    guards: tuple[Guard, ...] = field(default=())


@dataclass(frozen=True)
class Workflow:
    record_type: str
    moves: tuple[Move, ...]
    status_field: str = "status"

    def move(self, name: str) -> Move:
        for move in self.moves:
            if move.name == name:
                return move
        raise KeyError(name)

    def moves_from(self, status: str) -> list[Move]:
        return [m for m in self.moves if status in m.sources]

    def moves_touching(self, statuses: frozenset[str]) -> frozenset[str]:
        """The names of the moves that start from or lead to any of these statuses: a named
        group that follows the declaration when a move is added."""
        return frozenset(m.name for m in self.moves if m.target in statuses or m.sources & statuses)


def _request_of(record: models.Model) -> SupportRequest:
    if isinstance(record, SupportRequest):
        return record
    request: SupportRequest = record.request  # type: ignore[attr-defined]
    return request


def apply_move(
    workflow: Workflow,
    record: models.Model,
    name: str,
    *,
    actor: Any,
    reason: str = "",
    summary: str = "",
    context: dict[str, Any] | None = None,
) -> PathwayEvent:
    """Make one move on a record, atomically, or raise IllegalMove / MoveRefused."""
    move = workflow.move(name)
    context = context or {}
    with transaction.atomic():
        locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
        current = getattr(locked, workflow.status_field)
        if current not in move.sources:
            status_field: Any = type(record)._meta.get_field(workflow.status_field)
            label = dict(status_field.choices or []).get(current, current)
            raise IllegalMove(
                f"“{move.label}” cannot be done now: this {workflow.record_type} is "
                f"already “{label}”."
            )
        failures = [guard_message(g) for g in move.guards if not g(locked, actor, context)]
        if failures:
            raise MoveRefused(failures)
        setattr(locked, workflow.status_field, move.target)
        locked.save(update_fields=[workflow.status_field])
        setattr(record, workflow.status_field, move.target)
        request = _request_of(locked)
        return PathwayEvent.objects.create(
            family_id=request.family_id,
            request=request,
            record_type=workflow.record_type,
            record_id=locked.pk,
            move=move.name,
            from_status=current,
            to_status=move.target,
            actor=actor,
            at=timezone.now(),
            reason=reason,
            summary=summary or move.label,
        )


def record_event(
    *,
    request: SupportRequest,
    record_type: str,
    record_id: int,
    move: str,
    to_status: str,
    actor: Any,
    summary: str,
    at: Any = None,
) -> PathwayEvent:
    """An event on the request's timeline that is not a change of state (a request received,
    an offer made, a contact recorded, a comment added)."""
    return PathwayEvent.objects.create(
        family_id=request.family_id,
        request=request,
        record_type=record_type,
        record_id=record_id,
        move=move,
        from_status="",
        to_status=to_status,
        actor=actor,
        at=at or timezone.now(),
        summary=summary,
    )
