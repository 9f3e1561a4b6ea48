"""The one workflow engine every record type that changes state stands on.

A `Workflow` names a record type, its `Move`s and the event writer that records each step.
A `Move` says from which states it may be made, where it leads (or that it keeps the status)
and which guards must pass. A guard is a small named rule whose docstring is the message a
person sees when it fails.

`apply_move` locks the record, checks its state (an illegal move raises `IllegalMove`: HTTP 409),
runs every guard (failures raise `MoveRefused` with every message), makes the change the service
asks for, sets the new state, saves, and writes one append-only event through the workflow's
event writer (who, when, from, to, why). `record_event` writes an event that is not a change of
state through the same writer. Services never change a status any other way.

This module imports Django and nothing of the apps: each app declares its own writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone


class IllegalMove(Exception):
    """The record is not in a state this move can be made from (409 Conflict)."""

    status_code = 409


class MoveRefused(Exception):
    """A guard failed: the messages say, in plain English, what is missing."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(" ".join(messages))
        self.messages = messages


Guard = Callable[[Any, Any, dict[str, Any]], bool]

KEEPS_STATUS = ""
"""The target of a move that records something without changing the status."""


def guard_message(guard: Guard) -> str:
    """The message a person sees when the guard fails: its docstring, on one line."""
    return " ".join((guard.__doc__ or guard.__name__).split())


def failing(
    guards: tuple[Guard, ...], record: Any, actor: Any, context: dict[str, Any]
) -> list[str]:
    """The messages of every guard that does not pass."""
    return [guard_message(g) for g in guards if not g(record, actor, context)]


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    guards: tuple[Guard, ...] = field(default=())
    when_illegal: str = ""
    """What a person is told when the record is not in a state for this move (`{status}` is
    the record's status as people read it); empty for the usual message."""

    @property
    def keeps_status(self) -> bool:
        return self.target == KEEPS_STATUS


@dataclass(frozen=True)
class Step:
    """One step to record: a move made (or, with no `from_status`, something that happened to
    the record without a change of state)."""

    record: Any
    record_type: str
    move: str
    from_status: str
    to_status: str
    actor: Any
    at: datetime
    reason: str = ""
    summary: str = ""
    context: dict[str, Any] = field(default_factory=dict)


EventWriter = Callable[[Step], Any]


@dataclass(frozen=True)
class Workflow:
    record_type: str
    moves: tuple[Move, ...]
    status_field: str = "status"
    event_writer: EventWriter | None = None
    # Where a status alone does not say where a record stands (a complaint's status and its
    # stage), the words for "this <record> is ..." in the message of an illegal move.
    state_words: Callable[[Any], str] | None = None

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

    def write(self, step: Step) -> Any:
        if self.event_writer is None:
            raise TypeError(f"The {self.record_type} workflow declares no event writer.")
        return self.event_writer(step)


def status_label(record: models.Model, status_field: str) -> str:
    """The status of a record as people read it."""
    current = getattr(record, status_field)
    status: Any = type(record)._meta.get_field(status_field)
    return str(dict(status.choices or []).get(current, current))


def _refusal(workflow: Workflow, move: Move, locked: models.Model) -> IllegalMove:
    status = status_label(locked, workflow.status_field)
    if move.when_illegal:
        return IllegalMove(move.when_illegal.format(status=status))
    if workflow.state_words is not None:
        return IllegalMove(
            f"“{move.label}” cannot be done now: this {workflow.record_type} is "
            f"{workflow.state_words(locked)}."
        )
    return IllegalMove(
        f"“{move.label}” cannot be done now: this {workflow.record_type} is already “{status}”."
    )


def check_move(
    workflow: Workflow,
    record: models.Model,
    name: str,
    *,
    actor: Any,
    context: dict[str, Any] | None = None,
) -> Any:
    """Lock the record and check the move can be made now (its state, then its guards), and
    return the locked record; or raise IllegalMove / MoveRefused. Run inside a transaction.
    On its own it is for changes within a state that leave no event (editing a draft)."""
    move = workflow.move(name)
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if getattr(locked, workflow.status_field) not in move.sources:
        raise _refusal(workflow, move, locked)
    failures = failing(move.guards, locked, actor, context or {})
    if failures:
        raise MoveRefused(failures)
    return locked


def apply_move(
    workflow: Workflow,
    record: models.Model,
    name: str,
    *,
    actor: Any,
    reason: str = "",
    summary: str = "",
    context: dict[str, Any] | None = None,
    change: Callable[[Any], None] | None = None,
) -> Any:
    """Make one move on a record, atomically, and return the event written; or raise
    IllegalMove / MoveRefused. `change` (given the locked record) makes the rest of the change
    the move stands for; it may raise MoveRefused too."""
    move = workflow.move(name)
    context = context or {}
    with transaction.atomic():
        locked = check_move(workflow, record, name, actor=actor, context=context)
        current = getattr(locked, workflow.status_field)
        if change is not None:
            change(locked)
        if not move.keeps_status:
            setattr(locked, workflow.status_field, move.target)
        if change is None:
            locked.save(update_fields=[workflow.status_field])
        else:
            locked.save()
        setattr(record, workflow.status_field, getattr(locked, workflow.status_field))
        return workflow.write(
            Step(
                record=locked,
                record_type=workflow.record_type,
                move=move.name,
                from_status=current,
                to_status=getattr(locked, workflow.status_field),
                actor=actor,
                at=timezone.now(),
                reason=reason,
                summary=summary or move.label,
                context=context,
            )
        )


def record_event(
    workflow: Workflow,
    record: models.Model,
    *,
    move: str,
    to_status: str,
    actor: Any,
    summary: str,
    at: datetime | None = None,
    record_type: str = "",
    reason: str = "",
) -> Any:
    """An event that is not a change of state (a request received, an offer made, a contact
    recorded, a comment added), written by the workflow's event writer."""
    return workflow.write(
        Step(
            record=record,
            record_type=record_type or workflow.record_type,
            move=move,
            from_status="",
            to_status=to_status,
            actor=actor,
            at=at or timezone.now(),
            reason=reason,
            summary=summary,
        )
    )
