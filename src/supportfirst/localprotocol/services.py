"""Writes to the local assessment protocol: start a draft, change it, comment and answer, sign
off, publish; and bring a published version's working-day targets into force."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from supportfirst.councils import settings as council_settings
from supportfirst.councils.models import Council
from supportfirst.kernel.workflow import MoveRefused, Step, apply_move, check_move, failing
from supportfirst.localprotocol import selectors
from supportfirst.localprotocol.models import (
    ProtocolSection,
    ProtocolVersion,
    SectionComment,
)
from supportfirst.localprotocol.moves import PROTOCOL, council_drafts, write_protocol_event
from supportfirst.localprotocol.sections import SECTIONS, TARGET_NAMES

COUNCIL = "council"
FORUM = "forum"


@transaction.atomic
def protocol_draft_start(*, actor: Any, council_id: int) -> ProtocolVersion:
    """A new draft, from the latest published version (its words and targets), or with empty
    sections and the council's present targets when none is published. A council has one draft
    at a time: if there is one already, that is the one returned."""
    problems = failing((council_drafts,), None, actor, {})
    if problems:
        raise MoveRefused(problems)
    council = Council.objects.select_for_update().get(pk=council_id)
    existing = selectors.draft_of(council_id)
    if existing is not None:
        return existing
    base = selectors.latest_published(council_id)
    last = ProtocolVersion.objects.filter(council_id=council_id).order_by("-number").first()
    if base is not None:
        targets = base.targets()
    else:
        targets = {name: getattr(council, name) for name in TARGET_NAMES}
    draft = ProtocolVersion.objects.create(
        council=council,
        number=(last.number + 1) if last else 1,
        based_on=base,
        started_by=actor,
        **targets,
    )
    words = {s.key: s.text for s in base.sections.all()} if base is not None else {}
    ProtocolSection.objects.bulk_create(
        ProtocolSection(version=draft, key=s.key, position=i, text=words.get(s.key, ""))
        for i, s in enumerate(SECTIONS, start=1)
    )
    summary = f"Started version {draft.number}" + (
        f" from version {base.number}" if base is not None else ""
    )
    write_protocol_event_now(draft, "start", actor, summary)
    return draft


def write_protocol_event_now(version: ProtocolVersion, move: str, actor: Any, summary: str) -> None:
    write_protocol_event(
        Step(
            record=version,
            record_type=PROTOCOL.record_type,
            move=move,
            from_status="",
            to_status=version.status,
            actor=actor,
            at=timezone.now(),
            summary=summary,
        )
    )


def _clear_sign_offs(version: ProtocolVersion) -> bool:
    """What was signed off has changed: both sides sign again. True if any sign-off was cleared."""
    cleared = version.council_signed or version.forum_signed
    for side in (COUNCIL, FORUM):
        setattr(version, f"{side}_signed_name", "")
        setattr(version, f"{side}_signed_role", "")
        setattr(version, f"{side}_signed_on", None)
    version.save()
    return cleared


@transaction.atomic
def section_save(*, actor: Any, section: ProtocolSection, text: str) -> bool:
    """Save a section's words. Returns True when a sign-off was cleared by the change."""
    version = check_move(PROTOCOL, section.version, "edit", actor=actor)
    text = text.strip().replace("\r\n", "\n")
    locked = ProtocolSection.objects.select_for_update().get(pk=section.pk)
    if locked.text == text:
        return False
    locked.text = text
    locked.changed_at = timezone.now()
    locked.changed_by = actor
    locked.save(update_fields=["text", "changed_at", "changed_by"])
    return _clear_sign_offs(version)


@transaction.atomic
def targets_save(*, actor: Any, version: ProtocolVersion, targets: dict[str, int]) -> bool:
    """Save the draft's working-day targets. Returns True when a sign-off was cleared."""
    locked = check_move(PROTOCOL, version, "edit", actor=actor)
    new = {name: int(targets[name]) for name in TARGET_NAMES}
    if locked.targets() == new:
        return False
    for name, days in new.items():
        setattr(locked, name, days)
    return _clear_sign_offs(locked)


@transaction.atomic
def comment_add(*, actor: Any, section: ProtocolSection, text: str) -> SectionComment:
    check_move(PROTOCOL, section.version, "comment", actor=actor)
    return SectionComment.objects.create(section=section, text=text.strip(), written_by=actor)


@transaction.atomic
def comment_answer(*, actor: Any, comment: SectionComment, answer: str) -> SectionComment:
    check_move(PROTOCOL, comment.section.version, "answer", actor=actor)
    locked = SectionComment.objects.select_for_update().get(pk=comment.pk)
    locked.answer = answer.strip()
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answer", "answered_by", "answered_at"])
    return locked


def sign_off(
    *, actor: Any, version: ProtocolVersion, side: str, name: str, role: str, on: date
) -> ProtocolVersion:
    """Sign the draft off for the council or for the forum: a named person, their role, a date."""

    def change(locked: ProtocolVersion) -> None:
        setattr(locked, f"{side}_signed_name", name.strip())
        setattr(locked, f"{side}_signed_role", role.strip())
        setattr(locked, f"{side}_signed_on", on)

    who = "the council" if side == COUNCIL else "the parent carer forum"
    apply_move(
        PROTOCOL,
        version,
        f"sign_off_{side}",
        actor=actor,
        change=change,
        summary=f"Signed off for {who} by {name.strip()}, {role.strip()}"[:300],
    )
    version.refresh_from_db()
    return version


def protocol_publish(
    *, actor: Any, version: ProtocolVersion, in_force_from: date, today: date | None = None
) -> ProtocolVersion:
    """Publish a signed-off draft with the date it comes into force. From that date its
    working-day targets are the council's (at once when that is today)."""
    today = today or timezone.localdate()

    def change(locked: ProtocolVersion) -> None:
        locked.in_force_from = in_force_from
        locked.published_at = timezone.now()
        locked.published_by = actor

    with transaction.atomic():
        apply_move(
            PROTOCOL,
            version,
            "publish",
            actor=actor,
            change=change,
            context={"in_force_from": in_force_from, "today": today},
            summary=f"Published version {version.number}, in force from {in_force_from:%-d %B %Y}",
        )
        protocol_targets_bring_into_force(today=today, council_id=version.council_id)
    version.refresh_from_db()
    return version


def protocol_targets_bring_into_force(*, today: date, council_id: int | None = None) -> list[str]:
    """Make each council's working-day targets those of its protocol in force today, where
    it has one. Idempotent. Returns the names of the councils whose targets changed."""
    changed = []
    councils = (
        Council.objects.all() if council_id is None else Council.objects.filter(pk=council_id)
    )
    for council in councils:
        version = selectors.in_force(council.pk, today)
        if version is None:
            continue
        targets = {k: v for k, v in version.targets().items() if v}
        if all(getattr(council, k) == v for k, v in targets.items()):
            continue
        council_settings.clock_targets_save(
            council_id=council.pk,
            targets={name: targets.get(name, getattr(council, name)) for name in TARGET_NAMES},
        )
        changed.append(council.name)
    return changed
