"""Findings in staff text, the reasons needed to keep them, and the check-as-you-type answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from supportfirst.rules.language import Finding, check
from supportfirst.vocabulary.selectors import checker_for_council
from supportfirst.wording.models import WordingReason


@dataclass(frozen=True)
class FieldFinding:
    """A finding in one named piece of staff text."""

    key: str
    field: str
    finding: Finding

    @property
    def reason_name(self) -> str:
        return f"reason_{self.key}"


def council_check(council_id: int | None, text: str) -> list[Finding]:
    """The council's checker (the shipped words plus the council's own), or the shipped one."""
    if council_id is None:
        return check(text)
    return checker_for_council(council_id).check(text)


def wording_findings(council_id: int | None, text: str) -> list[Finding]:
    """Respectful-language findings only (the readability ones are for letters)."""
    return [
        f
        for f in council_check(council_id, text or "")
        if f.category not in ("long-sentence", "unexplained-acronym")
    ]


def findings_in(texts: Mapping[str, str], *, council_id: int | None) -> list[FieldFinding]:
    """Respectful-language findings in each named text, in order. Keys are stable for the
    same text, so a form can ask for a reason per finding."""
    found = []
    for place, (field, text) in enumerate(texts.items()):
        for number, finding in enumerate(wording_findings(council_id, text)):
            found.append(FieldFinding(key=f"{place}_{number}", field=field, finding=finding))
    return found


def add_reason_fields(form: forms.Form, found: list[FieldFinding]) -> None:
    """One required reason per finding, labelled with the words and where they are, placed
    just before the form's button."""
    helper = getattr(form, "helper", None)
    for item in found:
        form.fields[item.reason_name] = forms.CharField(
            label=f"Why keep “{item.finding.text}” in {item.field}?",
            help_text=item.finding.explanation,
            max_length=500,
            error_messages={
                "required": f"Give a reason for keeping “{item.finding.text}”, or change the words"
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
    )


@dataclass(frozen=True)
class Reasons:
    """The reasons a person gave on a form for keeping flagged words: the findings and the
    form's cleaned data (one reason per finding). A service stores them with its record."""

    found: list[FieldFinding]
    data: Mapping[str, Any]

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


def findings_json(text: str, *, council_id: int | None) -> list[dict[str, Any]]:
    """What the check-as-you-type script shows under a text box."""
    return [
        {
            "start": f.start,
            "end": f.end,
            "text": f.text,
            "category": f.category,
            "explanation": f.explanation,
            "suggestions": list(f.suggestions),
        }
        for f in council_check(council_id, text)
    ]
