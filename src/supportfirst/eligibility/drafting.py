"""Criteria drafted together in the browser: start a draft from the criteria in force, change
its criteria (with their gate questions), services and worked examples, comment and answer,
sign off for both sides, and publish with a date in force through the same service as
`manage criteria_publish` (`publishing.criteria_publish_text`).

Every change is checked by the plain-Python loader on the whole file made from the draft; a
problem in the part being changed, or a new problem anywhere, refuses the change with the
loader's own words (`PartRefused`). A statement no worked example tests yet, and a worked
example that does not come out as it says, do not stop a change: the draft's page lists them,
and publishing is refused until there are none (the loader and the examples run again then).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from supportfirst.councils.guards import team_manager_only
from supportfirst.councils.models import Council, Role
from supportfirst.eligibility.adoption import criteria_adopt
from supportfirst.eligibility.models import (
    NATIONAL,
    CriteriaComment,
    CriteriaDraft,
    CriteriaDraftEvent,
    CriteriaDraftStatus,
    PublishedCriteria,
)
from supportfirst.eligibility.publishing import CriteriaRefused, criteria_publish_text
from supportfirst.kernel.workflow import (
    KEEPS_STATUS,
    Move,
    MoveRefused,
    Step,
    Workflow,
    apply_move,
    check_move,
    failing,
    record_event,
)
from supportfirst.rules.criteria import (
    Case,
    CaseError,
    CriteriaFileError,
    CriteriaSet,
    ExampleResult,
    Problem,
    evaluate,
    load_text,
    run_examples,
)
from supportfirst.rules.criteria.statements import untested_statements

COUNCIL = "council"
FORUM = "forum"
PARTS = ("title", "summary", "criteria", "services", "examples")
DRAFT = frozenset({CriteriaDraftStatus.DRAFT})


# --- moves and their guards ------------------------------------------------------------------


def write_draft_event(step: Step) -> CriteriaDraftEvent:
    return CriteriaDraftEvent.objects.create(
        draft=step.record,
        move=step.move,
        from_status=step.from_status,
        to_status=step.to_status,
        actor=step.actor,
        at=step.at,
        summary=step.summary[:300],
    )


council_drafts = team_manager_only(
    "council_drafts",
    "Only a team manager or the head of service can change the council's draft criteria.",
)


def forum_member_only(record: CriteriaDraft, actor: Any, context: dict[str, Any]) -> bool:
    """Only a member of the parent carer forum can comment or sign off for the forum."""
    membership = getattr(actor, "membership", None)
    return membership is not None and membership.role == Role.FORUM_MEMBER


def council_signed_off(record: CriteriaDraft, actor: Any, context: dict[str, Any]) -> bool:
    """Someone must sign the draft off for the council before it is published."""
    return record.council_signed


def forum_signed_off(record: CriteriaDraft, actor: Any, context: dict[str, Any]) -> bool:
    """Someone must sign the draft off for the parent carer forum before it is published."""
    return record.forum_signed


def every_comment_answered(record: CriteriaDraft, actor: Any, context: dict[str, Any]) -> bool:
    """Answer every comment from the parent carer forum before publishing."""
    return not record.comments.filter(answered_at__isnull=True).exists()


def in_force_today_or_later(record: CriteriaDraft, actor: Any, context: dict[str, Any]) -> bool:
    """The date it comes into force must be today or later."""
    in_force: date | None = context.get("in_force_from")
    today: date | None = context.get("today")
    return in_force is not None and today is not None and in_force >= today


CRITERIA_DRAFT = Workflow(
    record_type="draft of the eligibility criteria",
    event_writer=write_draft_event,
    moves=(
        Move("edit", "Change the draft", DRAFT, KEEPS_STATUS, guards=(council_drafts,)),
        Move("answer", "Answer a comment", DRAFT, KEEPS_STATUS, guards=(council_drafts,)),
        Move("comment", "Comment on the draft", DRAFT, KEEPS_STATUS, guards=(forum_member_only,)),
        Move(
            "sign_off_council",
            "Sign off for the council",
            DRAFT,
            KEEPS_STATUS,
            guards=(council_drafts,),
        ),
        Move(
            "sign_off_forum",
            "Sign off for the forum",
            DRAFT,
            KEEPS_STATUS,
            guards=(forum_member_only,),
        ),
        Move(
            "publish",
            "Publish the criteria",
            DRAFT,
            CriteriaDraftStatus.PUBLISHED,
            guards=(
                council_drafts,
                every_comment_answered,
                council_signed_off,
                forum_signed_off,
                in_force_today_or_later,
            ),
        ),
    ),
)


def _event(draft: CriteriaDraft, move: str, actor: Any, summary: str) -> None:
    record_event(
        CRITERIA_DRAFT, draft, move=move, to_status=draft.status, actor=actor, summary=summary
    )


# --- the file a draft makes --------------------------------------------------------------------


def draft_text(
    draft: CriteriaDraft,
    data: dict[str, Any] | None = None,
    *,
    status: str = "draft",
    effective_from: date | None = None,
    sign_off: list[dict[str, Any]] | None = None,
) -> str:
    """The criteria file the draft makes, in the format `manage criteria_publish` reads."""
    parts = data if data is not None else draft.data
    top: dict[str, Any] = {
        "id": draft.set_id,
        "owner": draft.council.la_code,
        "version": draft.version,
        "effective_from": effective_from or timezone.localdate(),
        "status": status,
        "title": parts.get("title", ""),
        "summary": parts.get("summary", ""),
        "sign_off": sign_off or [],
        "criteria": parts.get("criteria", []),
        "services": parts.get("services", []),
        "examples": parts.get("examples", []),
    }
    heading = (
        f"# {draft.council.name}'s eligibility criteria, version {draft.version}: drafted in "
        "Support First with the parent carer forum.\n"
    )
    return heading + yaml.safe_dump(top, sort_keys=False, allow_unicode=True, width=100)


def _source(draft: CriteriaDraft) -> str:
    return f"{draft.council.slug}-criteria-{draft.version}.yaml"


@dataclass(frozen=True)
class DraftCheck:
    """A draft as the loader and its worked examples see it now."""

    problems: list[Problem]  # the loader's, which stop the file being read at all
    untested: list[str]  # statements no worked example tests yet
    results: list[ExampleResult]  # each worked example, run

    @property
    def failed(self) -> list[ExampleResult]:
        return [result for result in self.results if not result.passed]

    @property
    def ready(self) -> bool:
        return not (self.problems or self.untested or self.failed)


def _loaded(text: str, source: str) -> tuple[CriteriaSet | None, list[Problem]]:
    try:
        return load_text(text, source, require_tested=False), []
    except CriteriaFileError as error:
        return None, list(error.problems)


def draft_check(draft: CriteriaDraft) -> DraftCheck:
    """Load the draft's file and run its worked examples (the public API of the rules)."""
    criteria_set, problems = _loaded(draft_text(draft), _source(draft))
    if criteria_set is None:
        return DraftCheck(problems, [], [])
    untested = [item.message for item in untested_statements(criteria_set)]
    return DraftCheck([], untested, run_examples(criteria_set))


def draft_set(draft: CriteriaDraft) -> CriteriaSet | None:
    return _loaded(draft_text(draft), _source(draft))[0]


class PartRefused(MoveRefused):
    """A change the loader does not accept: `problems` keep each field path, for the form."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__([problem.message for problem in problems])


def _inside(problem: Problem, prefix: str) -> bool:
    path = problem.field_path
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


def field_of(problem: Problem, prefix: str) -> str:
    """The field of a part a problem is about (`criteria[2].outcomes_needed` -> outcomes_needed)."""
    rest = problem.field_path[len(prefix) :].lstrip(".")
    found = re.match(r"[a-z_]+", rest)
    return found.group(0) if found else ""


# --- writes -------------------------------------------------------------------------------------


def _next_version(previous: str | None, taken: set[str]) -> str:
    """The version after `previous`: 2.1 -> 2.2, 3 -> 4; "1" when there is none."""
    if previous is None:
        number = "1"
    else:
        head, _, last = previous.rpartition(".")
        step = str(int(last) + 1) if last.isdigit() else f"{last}.1"
        number = f"{head}.{step}" if head else step
    while number in taken:
        number = _next_version(number, set())
    return number


def _start_from(council: Council) -> PublishedCriteria | None:
    from supportfirst.eligibility.selectors import criteria_for_council

    return criteria_for_council(council)


@transaction.atomic
def criteria_draft_start(*, actor: Any, council_id: int) -> CriteriaDraft:
    """A new draft from the council's criteria in force (or the Support First model when the
    council has none). A council has one draft at a time: if there is one, it is returned."""
    problems = failing((council_drafts,), None, actor, {})
    if problems:
        raise MoveRefused(problems)
    council = Council.objects.select_for_update().get(pk=council_id)
    existing = CriteriaDraft.objects.filter(
        council_id=council_id, status=CriteriaDraftStatus.DRAFT
    ).first()
    if existing is not None:
        return existing
    base = _start_from(council)
    raw = yaml.safe_load(base.text) if base is not None else {}
    own = base is not None and base.owner != NATIONAL
    set_id = base.set_id if own and base is not None else f"{council.la_code}-{council.slug}"
    taken = set(
        PublishedCriteria.objects.filter(set_id=set_id).values_list("version", flat=True)
    ) | set(CriteriaDraft.objects.filter(council_id=council_id).values_list("version", flat=True))
    latest = (
        PublishedCriteria.objects.filter(set_id=set_id).order_by("-effective_from", "-pk").first()
    )
    draft = CriteriaDraft.objects.create(
        council=council,
        set_id=set_id,
        version=_next_version(latest.version if latest else None, taken),
        based_on=base,
        data=_json_safe(
            {part: raw.get(part, [] if part not in ("title", "summary") else "") for part in PARTS}
        ),
        started_by=actor,
    )
    start = f" from version {base.version}" if base is not None else ""
    if base is not None and base.owner == NATIONAL:
        start = f" from the Support First model, version {base.version}"
    _event(draft, "start", actor, f"Started version {draft.version}{start}")
    return draft


def _json_safe(data: Any) -> Any:
    """YAML's dates as ISO text, so the parts store as JSON."""
    if isinstance(data, dict):
        return {str(key): _json_safe(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_json_safe(value) for value in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


def _clear_sign_offs(draft: CriteriaDraft) -> bool:
    cleared = draft.council_signed or draft.forum_signed
    for side in (COUNCIL, FORUM):
        setattr(draft, f"{side}_signed_name", "")
        setattr(draft, f"{side}_signed_role", "")
        setattr(draft, f"{side}_signed_on", None)
    return cleared


def _change(*, actor: Any, draft: CriteriaDraft, prefix: str, change: Any, summary: str) -> bool:
    """Change the draft's parts with `change(data)`, checked by the loader: refused with the
    problems in the part `prefix` and any new problem elsewhere. Returns True when a sign-off
    was cleared by the change."""
    with transaction.atomic():
        locked = check_move(CRITERIA_DRAFT, draft, "edit", actor=actor)
        data = copy.deepcopy(locked.data)
        change(data)
        if data == locked.data:
            return False
        source = _source(locked)
        _, before = _loaded(draft_text(locked), source)
        _, after = _loaded(draft_text(locked, data), source)
        known = {(p.field_path, p.message) for p in before}
        blocking = [
            p for p in after if _inside(p, prefix) or (p.field_path, p.message) not in known
        ]
        if blocking:
            raise PartRefused(blocking)
        locked.data = data
        locked.changed_at = timezone.now()
        cleared = _clear_sign_offs(locked)
        locked.save()
        _event(locked, "edit", actor, summary)
    draft.refresh_from_db()
    return cleared


def _part_list(data: dict[str, Any], part: str) -> list[Any]:
    items = data.setdefault(part, [])
    if not isinstance(items, list):
        data[part] = items = []
    return items


def part_save(
    *, actor: Any, draft: CriteriaDraft, part: str, index: int | None, value: dict[str, Any]
) -> bool:
    """Save one criterion, service or worked example (`index` None adds it at the end)."""
    length = len(draft.data.get(part) or [])
    where = length if index is None else index

    def change(data: dict[str, Any]) -> None:
        items = _part_list(data, part)
        if index is None:
            items.append(value)
        else:
            items[index] = value

    name = value.get("title") or value.get("name") or value.get("code") or ""
    what = {"criteria": "criterion", "services": "service", "examples": "worked example"}[part]
    verb = "Added" if index is None else "Changed"
    return _change(
        actor=actor,
        draft=draft,
        prefix=f"{part}[{where}]",
        change=change,
        summary=f"{verb} the {what} “{name}”",
    )


def part_remove(*, actor: Any, draft: CriteriaDraft, part: str, index: int) -> bool:
    """Take out one criterion, service or worked example (refused when something else uses
    it, for example a service decided by a criterion taken out)."""
    items = draft.data.get(part) or []
    if not 0 <= index < len(items):
        raise MoveRefused(["That part is not in the draft any more."])
    name = items[index].get("title") or items[index].get("name") or ""

    def change(data: dict[str, Any]) -> None:
        del _part_list(data, part)[index]

    return _change(
        actor=actor, draft=draft, prefix="\0", change=change, summary=f"Took out “{name}”"
    )


def details_save(*, actor: Any, draft: CriteriaDraft, title: str, summary: str) -> bool:
    def change(data: dict[str, Any]) -> None:
        data["title"] = title.strip()
        data["summary"] = summary.strip()

    return _change(
        actor=actor, draft=draft, prefix="title", change=change, summary="Changed the title"
    )


@transaction.atomic
def comment_add(
    *, actor: Any, draft: CriteriaDraft, part: str, key: str, text: str
) -> CriteriaComment:
    check_move(CRITERIA_DRAFT, draft, "comment", actor=actor)
    comment = CriteriaComment.objects.create(
        draft=draft, part=part, key=key, text=text.strip(), written_by=actor
    )
    _event(draft, "comment", actor, f"Commented on the {part} “{key}”")
    return comment


@transaction.atomic
def comment_answer(*, actor: Any, comment: CriteriaComment, answer: str) -> CriteriaComment:
    check_move(CRITERIA_DRAFT, comment.draft, "answer", actor=actor)
    locked = CriteriaComment.objects.select_for_update().get(pk=comment.pk)
    locked.answer = answer.strip()
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answer", "answered_by", "answered_at"])
    _event(
        comment.draft, "answer", actor, f"Answered a comment on the {comment.part} “{comment.key}”"
    )
    return locked


def sign_off(
    *, actor: Any, draft: CriteriaDraft, side: str, name: str, role: str, on: date
) -> CriteriaDraft:
    """Sign the draft off for the council or for the forum: a named person, their role, a date."""

    def change(locked: CriteriaDraft) -> None:
        setattr(locked, f"{side}_signed_name", name.strip())
        setattr(locked, f"{side}_signed_role", role.strip())
        setattr(locked, f"{side}_signed_on", on)

    who = "the council" if side == COUNCIL else "the parent carer forum"
    apply_move(
        CRITERIA_DRAFT,
        draft,
        f"sign_off_{side}",
        actor=actor,
        change=change,
        summary=f"Signed off for {who} by {name.strip()}, {role.strip()}"[:300],
    )
    draft.refresh_from_db()
    return draft


def _sign_off_list(draft: CriteriaDraft) -> list[dict[str, Any]]:
    return [
        {
            "name": draft.council_signed_name,
            "organisation": draft.council_signed_role,
            "kind": "council",
            "on": draft.council_signed_on,
        },
        {
            "name": draft.forum_signed_name,
            "organisation": draft.forum_signed_role,
            "kind": "parent_carer_forum",
            "on": draft.forum_signed_on,
        },
    ]


def criteria_draft_publish(
    *,
    actor: Any,
    draft: CriteriaDraft,
    in_force_from: date,
    equality_impact_summary: str,
    today: date | None = None,
) -> CriteriaDraft:
    """Publish a signed-off draft with the date it comes into force: its file, with both
    sign-offs, goes through `criteria_publish_text` (the loader, every statement tested, every
    worked example as it says), the same as `manage criteria_publish`; and the council's
    adoption of it is recorded with the two sign-offs and the equality impact (as `manage
    criteria_adopt` does), so decisions can use it from the date in force."""
    today = today or timezone.localdate()

    def change(locked: CriteriaDraft) -> None:
        text = draft_text(
            locked,
            status="published",
            effective_from=in_force_from,
            sign_off=_sign_off_list(locked),
        )
        try:
            done = criteria_publish_text(text, _source(locked))
        except CriteriaRefused as error:
            raise MoveRefused(
                [
                    message.split(": ", 2)[-1] if ": " in message else message
                    for message in error.messages
                ]
            ) from error
        criteria_adopt(
            council=locked.council,
            criteria=done.row,
            council_signatory=f"{locked.council_signed_name}, {locked.council_signed_role}",
            forum_signatory=f"{locked.forum_signed_name}, {locked.forum_signed_role}",
            # Adopted once both have signed: never before the forum did (`adoption_problems`).
            adopted_on=max(
                (d for d in (locked.council_signed_on, locked.forum_signed_on) if d),
                default=today,
            ),
            equality_impact_summary=equality_impact_summary,
            recorded_by=actor,
        )
        locked.published = done.row
        locked.in_force_from = in_force_from
        locked.published_at = timezone.now()
        locked.published_by = actor

    apply_move(
        CRITERIA_DRAFT,
        draft,
        "publish",
        actor=actor,
        change=change,
        context={"in_force_from": in_force_from, "today": today},
        summary=f"Published version {draft.version}, in force from {in_force_from:%-d %B %Y}",
    )
    draft.refresh_from_db()
    return draft


def _met(value: bool) -> str:
    return "met" if value else "not met"


def example_add(
    *, actor: Any, draft: CriteriaDraft, name: str, description: str, case: dict[str, Any]
) -> bool:
    """Add a worked example whose expected decision is the one the draft's criteria give the
    case now (the evaluator's public API): the draft's page shows it to check, and it keeps
    that decision true from then on."""
    criteria_set = draft_set(draft)
    if criteria_set is None:
        raise MoveRefused(["Put right the problems in the criteria first: see the draft's checks."])
    try:
        decision = evaluate(criteria_set, Case.from_dict(case))
    except CaseError as error:
        raise MoveRefused([message for _, message in error.problems]) from error
    example: dict[str, Any] = {"name": name.strip()}
    if description.strip():
        example["description"] = " ".join(description.split())
    example["case"] = case
    example["expect"] = {
        "eligible": decision.eligible,
        "needs": {outcome.need_id: _met(outcome.met) for outcome in decision.needs},
        "services": {outcome.service_code: _met(outcome.met) for outcome in decision.services},
    }
    return part_save(actor=actor, draft=draft, part="examples", index=None, value=example)
