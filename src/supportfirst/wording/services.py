"""Findings in staff text, the reasons needed to keep them, and the check-as-you-type answer.

Every step that shows staff writing to a family (marking an assessment ready, sharing a plan,
sending a letter, answering a correction request or a complaint) runs the same gate:
`words_to_check` over all the staff text the family will see, `add_reason_fields` for one
reason per distinct flagged word or phrase (each must be a real reason:
`rules.language.reasons`), and `Reasons`, which the step's service keeps with its record through
`keep_reasons`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError

from supportfirst.audit.services import Actor
from supportfirst.rules.language import Finding, check
from supportfirst.rules.language.evidence_context import CONTEXTS, in_context
from supportfirst.rules.language.reasons import reason_problem
from supportfirst.vocabulary.selectors import checker_for_council
from supportfirst.wording.models import WordingReason


@dataclass(frozen=True)
class FieldFinding:
    """A finding in one named piece of staff text."""

    key: str
    field: str
    finding: Finding
    council_id: int | None = None

    @property
    def reason_name(self) -> str:
        return f"reason_{self.key}"


def council_check(council_id: int | None, text: str) -> list[Finding]:
    """The council's checker (the shipped words plus the council's own), or the shipped one."""
    if council_id is None:
        return check(text)
    return checker_for_council(council_id).check(text)


def wording_findings(
    council_id: int | None, text: str, context: str | None = None
) -> list[Finding]:
    """Respectful-language findings only (the readability ones are for letters), explained for
    where the words are written (`rules.language.evidence_context`: safeguarding evidence has
    its own explanations)."""
    return in_context(
        [
            f
            for f in council_check(council_id, text or "")
            if f.category not in ("long-sentence", "unexplained-acronym")
        ],
        context,
    )


def known_context(context: str | None) -> str | None:
    """A context named by a page (the check-as-you-type script), or None when it is unknown."""
    return context if context in CONTEXTS else None


def findings_in(
    texts: Mapping[str, str], *, council_id: int | None, context: str | None = None
) -> list[FieldFinding]:
    """Respectful-language findings in each named text, in order. Keys are stable for the
    same text, so a form can ask for a reason per finding."""
    found = []
    for place, (field, text) in enumerate(texts.items()):
        for number, finding in enumerate(wording_findings(council_id, text, context)):
            found.append(
                FieldFinding(
                    key=f"{place}_{number}", field=field, finding=finding, council_id=council_id
                )
            )
    return found


# Where staff name the law on purpose (a service's legal basis), section numbers are not jargon.
LAW_NAMED_ON_PURPOSE = frozenset({"jargon.section-numbers"})


@dataclass(frozen=True)
class WordsToCheck:
    """One flagged word or phrase in one piece of staff text, listed once, with how often it is
    used there. `item` is the first use: its reason field stands for every use."""

    item: FieldFinding
    uses: int

    @property
    def finding(self) -> Finding:
        return self.item.finding


def _stable_key(place: int, finding: Finding) -> str:
    """The same key for the same words in the same place, however the text around them
    changes, so a reason typed for one phrase never lands on another."""
    words = f"{finding.rule}|{finding.text.casefold()}".encode()
    return f"{place}_{hashlib.blake2s(words, digest_size=4).hexdigest()}"


def words_to_check(
    texts: Mapping[str, str],
    *,
    council_id: int | None,
    law_fields: Collection[str] = (),
    answered_elsewhere: Collection[str] = (),
    in_place: Collection[str] = (),
) -> list[WordsToCheck]:
    """The gate before staff words reach a family: each distinct flagged word or phrase once per
    named text, with its number of uses. In `law_fields` (where staff write the law a service
    is given under) section numbers are not flagged. Rules in `answered_elsewhere` are left to
    a stricter check of the same step (a contact's intrusion record answers for the words
    saying a child was seen alone). Categories `in_place` are the right words where they are
    written (safeguarding words in a decision on a move to safeguarding)."""
    grouped: dict[tuple[str, str, str], list[FieldFinding]] = {}
    for place, (field, text) in enumerate(texts.items()):
        for finding in wording_findings(council_id, text):
            if field in law_fields and finding.rule in LAW_NAMED_ON_PURPOSE:
                continue
            if finding.rule in answered_elsewhere or finding.category in in_place:
                continue
            key = (field, finding.rule, finding.text.casefold())
            item = FieldFinding(
                key=_stable_key(place, finding),
                field=field,
                finding=finding,
                council_id=council_id,
            )
            grouped.setdefault(key, []).append(item)
    return [WordsToCheck(item=items[0], uses=len(items)) for items in grouped.values()]


def ask_reasons(form: forms.Form, to_check: Sequence[WordsToCheck]) -> None:
    """One required reason on the form for each distinct flagged word or phrase."""
    add_reason_fields(form, [group.item for group in to_check])


def _real_reason(item: FieldFinding) -> Any:
    """The validator that refuses a reason that is not a real one, saying why."""

    def validate(value: str) -> None:
        problem = reason_problem(
            value,
            item.finding.text,
            check=lambda text: council_check(item.council_id, text),
        )
        if problem is not None:
            raise ValidationError(problem, code="not_a_reason")

    return validate


def add_reason_fields(form: forms.Form, found: list[FieldFinding]) -> None:
    """One required reason per finding, labelled with the words and where they are, placed
    just before the form's button. Each must be a real reason (`rules.language.reasons`)."""
    helper = getattr(form, "helper", None)
    for item in found:
        form.fields[item.reason_name] = forms.CharField(
            label=f"Why keep “{item.finding.text}” in {item.field}?",
            help_text=f"{item.finding.explanation} Say why the words should stay, in a sentence.",
            max_length=500,
            validators=[_real_reason(item)],
            error_messages={
                "required": f"Give a reason for keeping “{item.finding.text}” in {item.field}, "
                "or change the words"
            },
        )
        if helper is not None:
            helper.layout.fields.insert(len(helper.layout.fields) - 1, Field.text(item.reason_name))


def save_reasons(
    *,
    user: Any,
    family_id: int,
    record_type: str,
    record_id: int,
    found: list[FieldFinding],
    data: Mapping[str, Any],
) -> list[WordingReason]:
    return WordingReason.objects.bulk_create(
        WordingReason(
            family_id=family_id,
            record_type=record_type,
            record_id=record_id,
            field=item.field,
            rule=item.finding.rule,
            words=item.finding.text[:300],
            reason=str(data[item.reason_name]).strip(),
            given_by=user,
        )
        for item in found
        # A reason asked only for one choice (approving, not declining) may be left blank.
        if str(data.get(item.reason_name) or "").strip()
    )


@dataclass(frozen=True)
class Reasons:
    """The reasons a person gave on a form for keeping flagged words: the findings and the
    form's cleaned data (one reason per finding). A service stores them with its record."""

    found: list[FieldFinding]
    data: Mapping[str, Any]

    @classmethod
    def given(cls, to_check: Sequence[WordsToCheck], data: Mapping[str, Any]) -> Reasons:
        """The reasons given on a gated form: one per distinct flagged word or phrase."""
        return cls([group.item for group in to_check], data)

    def save(
        self, *, user: Any, family_id: int, record_type: str, record_id: int
    ) -> list[WordingReason]:
        return save_reasons(
            user=user,
            family_id=family_id,
            record_type=record_type,
            record_id=record_id,
            found=self.found,
            data=self.data,
        )


def keep_reasons(reasons: Reasons | None, record: Any, *, actor: Actor) -> list[WordingReason]:
    """Keep the reasons given on a gated step with the record they are about (none given, or no
    gate on the step: nothing kept). The one way every app stores them: the record's model label
    (`app.model`) names it, so each record's reasons are read back with `reasons_for`."""
    if reasons is None:
        return []
    return reasons.save(
        user=actor.user,
        family_id=record.family_id,
        record_type=record._meta.label_lower,
        record_id=record.pk,
    )


def findings_json(
    text: str, *, council_id: int | None, context: str | None = None
) -> list[dict[str, Any]]:
    """What the check-as-you-type script shows under a text box (explained for the box's
    context, when it names one)."""
    return [
        {
            "start": f.start,
            "end": f.end,
            "text": f.text,
            "category": f.category,
            "explanation": f.explanation,
            "suggestions": list(f.suggestions),
        }
        for f in in_context(council_check(council_id, text), known_context(context))
    ]
