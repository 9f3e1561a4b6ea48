"""The moves of a local assessment protocol version, with their guards. Each guard's docstring
is the message shown when it fails. Managers (team managers and the head of service) draft and
publish; parent carer forum members comment and sign off for the forum."""

from __future__ import annotations

from datetime import date
from typing import Any

from supportfirst.councils.guards import team_manager_only
from supportfirst.councils.models import Role
from supportfirst.kernel.workflow import Move, Step, Workflow
from supportfirst.localprotocol.models import (
    ProtocolEvent,
    ProtocolStatus,
    ProtocolVersion,
    SectionComment,
)
from supportfirst.localprotocol.sections import TARGET_NAMES

DRAFT = frozenset({ProtocolStatus.DRAFT})


def write_protocol_event(step: Step) -> ProtocolEvent:
    return ProtocolEvent.objects.create(
        version=step.record,
        move=step.move,
        from_status=step.from_status,
        to_status=step.to_status,
        actor=step.actor,
        at=step.at,
        summary=step.summary[:300],
    )


council_drafts = team_manager_only(
    "council_drafts",
    "Only a team manager or the head of service can change the council's draft protocol.",
)


def forum_member_only(record: ProtocolVersion, actor: Any, context: dict[str, Any]) -> bool:
    """Only a member of the parent carer forum can comment or sign off for the forum."""
    membership = getattr(actor, "membership", None)
    return membership is not None and membership.role == Role.FORUM_MEMBER


def council_signed_off(record: ProtocolVersion, actor: Any, context: dict[str, Any]) -> bool:
    """Someone must sign the draft off for the council before it is published."""
    return record.council_signed


def forum_signed_off(record: ProtocolVersion, actor: Any, context: dict[str, Any]) -> bool:
    """Someone must sign the draft off for the parent carer forum before it is published."""
    return record.forum_signed


def every_comment_answered(record: ProtocolVersion, actor: Any, context: dict[str, Any]) -> bool:
    """Answer every comment from the parent carer forum before publishing."""
    return not SectionComment.objects.filter(
        section__version=record, answered_at__isnull=True
    ).exists()


def every_section_written(record: ProtocolVersion, actor: Any, context: dict[str, Any]) -> bool:
    """Write every section of the protocol before publishing."""
    return not record.sections.filter(text="").exists()


def every_target_set(record: ProtocolVersion, actor: Any, context: dict[str, Any]) -> bool:
    """Set all three working-day targets before publishing."""
    return all(getattr(record, name) for name in TARGET_NAMES)


def in_force_today_or_later(record: ProtocolVersion, actor: Any, context: dict[str, Any]) -> bool:
    """The date it comes into force must be today or later."""
    in_force: date | None = context.get("in_force_from")
    today: date | None = context.get("today")
    return in_force is not None and today is not None and in_force >= today


PROTOCOL = Workflow(
    record_type="local assessment protocol",
    event_writer=write_protocol_event,
    moves=(
        Move("edit", "Change the draft", DRAFT, "", guards=(council_drafts,)),
        Move("answer", "Answer a comment", DRAFT, "", guards=(council_drafts,)),
        Move("comment", "Comment on a section", DRAFT, "", guards=(forum_member_only,)),
        Move("sign_off_council", "Sign off for the council", DRAFT, "", guards=(council_drafts,)),
        Move("sign_off_forum", "Sign off for the forum", DRAFT, "", guards=(forum_member_only,)),
        Move(
            "publish",
            "Publish the protocol",
            DRAFT,
            ProtocolStatus.PUBLISHED,
            guards=(
                council_drafts,
                every_section_written,
                every_target_set,
                every_comment_answered,
                council_signed_off,
                forum_signed_off,
                in_force_today_or_later,
            ),
        ),
    ),
)
