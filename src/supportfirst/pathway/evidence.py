"""The words flagged in the evidence of a proposed move to safeguarding, and the reasons given
for keeping them.

Evidence is never refused for its words: facts about harm must always be recordable. Each
opinion word (the evidence rule, `rules.evidence`) and each phrase the language checker flags
asks the writer for a reason; the manager who decides sees the words and the reasons.
"""

from __future__ import annotations

from supportfirst.rules.evidence import opinion_spans
from supportfirst.rules.language import Finding
from supportfirst.rules.language.evidence_context import SAFEGUARDING_EVIDENCE
from supportfirst.wording.services import FieldFinding, Reasons, findings_in

EVIDENCE_FIELD = "the evidence"
OPINION_EXPLANATION = (
    "“{words}” is an opinion, not something seen or heard. Say why you keep it, or write what "
    "was seen or heard instead, who saw or heard it, and when."
)


def evidence_findings(text: str, *, council_id: int | None) -> list[FieldFinding]:
    """Every flagged word in the evidence, once: the language checker's findings, then any
    opinion word the checker did not already cover."""
    found = findings_in(
        {EVIDENCE_FIELD: text}, council_id=council_id, context=SAFEGUARDING_EVIDENCE
    )
    covered = [(f.finding.start, f.finding.end) for f in found]
    for number, (start, end, _word) in enumerate(opinion_spans(text)):
        if any(s <= start and end <= e for s, e in covered):
            continue
        finding = Finding(
            start=start,
            end=end,
            text=text[start:end],
            category="opinion",
            rule="evidence.opinion",
            explanation=OPINION_EXPLANATION.replace("{words}", text[start:end]),
            suggestions=(),
        )
        found.append(
            FieldFinding(
                key=f"opinion_{number}",
                field=EVIDENCE_FIELD,
                finding=finding,
                council_id=council_id,
            )
        )
    return found


def explained_words(reasons: Reasons | None) -> list[str]:
    """The flagged words a reason was given for, in lower case."""
    if reasons is None:
        return []
    return [
        item.finding.text.lower()
        for item in reasons.found
        if str(reasons.data.get(item.reason_name, "")).strip()
    ]
