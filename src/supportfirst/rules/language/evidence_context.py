"""Where words are written changes what to say about them. Plain Python: no Django import.

The vocabulary's explanations are written for a support record or a needs assessment ("comments
on how a home looks belong to a safeguarding inspection, not a needs assessment"). In the
evidence for a proposed move to safeguarding that advice is wrong: safeguarding words are in
the right place there, and what the manager needs is what was seen or heard, who saw or heard
it, and when, rather than a word that sums it up. `in_evidence` gives each finding in evidence
its own explanation (naming the words flagged) and leaves out words that state a fact there.
"""

from __future__ import annotations

from dataclasses import replace

from supportfirst.rules.language.checker import naming
from supportfirst.rules.language.text import Finding

SAFEGUARDING_EVIDENCE = "safeguarding-evidence"
CONTEXTS = frozenset({SAFEGUARDING_EVIDENCE})

FACTS_IN_EVIDENCE = frozenset(
    {"lens.seen-alone", "lens.bedroom-seen", "lens.intrusive-checks", "lens.body-checks"}
)
"""Words that state a child protection step happened (the child was seen alone, a bruise was
seen, the police were asked): in evidence they are facts, not judgements, and are not flagged."""

_JUDGEMENT = (
    "“{words}” sums up what someone thought; it is not what happened. The manager deciding on "
    "a move to safeguarding needs the facts: write what was seen or heard, who saw or heard it, "
    "and when. Keep the words only if you can say why."
)
_DOUBT = (
    "“{words}” casts doubt on what someone said without saying why. In evidence, write what "
    "each person said, in their own words, who heard it and when; where accounts differ, "
    "write both."
)
_PLAIN = (
    "“{words}” is system language that others may read in different ways. In evidence, write "
    "what you mean in plain words, so the manager and the family know exactly what was seen "
    "or heard."
)
_SUGGESTION = (
    "Write what happened, who saw or heard it and when, for example “at 4pm on 3 March Priya "
    "saw that Jayden’s nappy was soaked through and the skin under it was red and broken”."
)
_BY_CATEGORY = {
    "safeguarding-lens": _JUDGEMENT,
    "parent-blame": _JUDGEMENT,
    "parent-judgement": _JUDGEMENT,
    "jargon": _PLAIN,
}


def evidence_explanation(finding: Finding) -> str | None:
    """The explanation of a finding in safeguarding evidence, or None to keep its own (words
    that describe a child by deficits are explained the same way wherever they are)."""
    if finding.rule.startswith("doubt."):
        template = _DOUBT
    else:
        template = _BY_CATEGORY.get(finding.category, "")
    return naming(template, finding.text) if template else None


def in_evidence(findings: list[Finding]) -> list[Finding]:
    """The findings in safeguarding evidence, each explained for evidence; facts left out."""
    shown = []
    for finding in findings:
        if finding.rule in FACTS_IN_EVIDENCE:
            continue
        explanation = evidence_explanation(finding)
        if explanation is not None:
            finding = replace(finding, explanation=explanation, suggestions=(_SUGGESTION,))
        shown.append(finding)
    return shown


def in_context(findings: list[Finding], context: str | None) -> list[Finding]:
    """The findings as they should be shown where the words are written."""
    if context == SAFEGUARDING_EVIDENCE:
        return in_evidence(findings)
    return findings
