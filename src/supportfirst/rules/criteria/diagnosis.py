"""Finds wording that shuts children out because of a diagnosis or condition.

Eligibility must be needs-led: it looks at what is hard in daily life, how often, and the
effect on wellbeing, whatever the diagnosis. Wording such as "not available to children with
ADHD or autism", "excludes autism", "only for children with a physical disability" or "must
have a diagnosis" excludes a group wholesale, which the courts and the Law Commission say
criteria must not do. `exclusion_in(text)` returns the words found, or "".
"""

from __future__ import annotations

import re

# Groups of people a sentence can shut out.
_PEOPLE = (
    r"(?:children|child|young\s+people|young\s+person|people|anyone|those|families|"
    r"pupils|kids|a\s+child|any\s+child)"
)
# Conditions and diagnoses, and the general words for them.
_CONDITION = (
    r"(?:autis\w*|asd|asc|adhd|add|adhd/add|asperger\w*|a?\s*diagnos\w*|"
    r"(?:a\s+|an\s+)?(?:physical|learning|sensory|intellectual|mental|neurological|"
    r"neurodevelopmental|profound|severe|complex|moderate|mild|hidden)\s+"
    r"(?:and\s+\w+\s+)?(?:disabilit\w*|impairment\w*|condition\w*|needs?|difficult\w*|health)|"
    r"down'?s?\s+syndrome|cerebral\s+palsy|epilepsy|dyslexia|dyspraxia|fasd|pda|odd|"
    r"global\s+developmental\s+delay|sensory\s+processing\s+\w+|"
    r"(?:a\s+|an\s+)?(?:condition|disorder|syndrome|diagnosis|label)|behaviour\w*\s+difficult\w*|"
    r"emotional\s+and\s+behavioural\s+\w+|sebd|semh|mental\s+health\s+\w+)"
)

_PATTERNS = [
    # "not available to children with ADHD", "not for young people who have autism"
    rf"\bnot\s+(?:be\s+)?(?:available|open|offered|provided|given|eligible|suitable|for|accepted)"
    rf"(?:\s+(?:to|for))?\s+{_PEOPLE}\s+(?:with|who\s+have|diagnosed\s+with|whose)\b",
    # "children with autism are not eligible", "children with ADHD cannot get"
    rf"\b{_PEOPLE}\s+(?:with|who\s+have|diagnosed\s+with)\s+[^.;:]{{1,80}}?\s+"
    r"(?:are|is|will\s+be)\s+(?:not|never)\s+(?:eligible|included|accepted|considered|offered)",
    rf"\b{_PEOPLE}\s+(?:with|who\s+have|diagnosed\s+with)\s+[^.;:]{{1,80}}?\s+"
    r"(?:cannot|can\s*not|can't|won't|will\s+not|do\s+not|don't|does\s+not|doesn't)\s+"
    r"(?:get|receive|have|use|qualify|apply|be\s+offered)",
    # "excludes autism", "excluding children with", "exclusion: ADHD"
    rf"\bexclu(?:des?|ding|sion\s+of|ded:?|sions?:)\s+(?:all\s+|any\s+)?(?:{_PEOPLE}\s+with\b|"
    rf"{_CONDITION}\b)",
    rf"\b{_CONDITION}\s+(?:is|are)\s+excluded\b",
    # "only for children with a physical disability", "only available to those with a diagnosis"
    rf"\bonly\s+(?:available\s+|open\s+|offered\s+|provided\s+)?(?:for|to)\s+{_PEOPLE}\s+"
    rf"(?:with|who\s+have|diagnosed\s+with)\s+{_CONDITION}",
    rf"\b{_PEOPLE}\s+(?:with|who\s+have)\s+{_CONDITION}\s+only\b",
    # "must have a diagnosis", "a formal diagnosis is required", "requires a diagnosis of"
    r"\b(?:must|needs?\s+to|has\s+to|have\s+to|should|will\s+need\s+to)\s+(?:have|hold|show|get)"
    r"\s+(?:a\s+|an\s+)?(?:formal\s+|confirmed\s+|medical\s+|clinical\s+|written\s+)?"
    r"diagnos\w*",
    r"\b(?:requires?|requiring)\s+(?:a\s+|an\s+)?(?:formal\s+|confirmed\s+|medical\s+|clinical\s+)?"
    r"diagnos\w*",
    r"\bdiagnos\w*\s+(?:\w+\s+){0,4}(?:is|are)\s+(?:required|needed|necessary|essential|"
    r"a\s+requirement|a\s+condition)",
    r"\bno\s+diagnosis\s*,?\s+no\b",
    r"\bwithout\s+a\s+(?:formal\s+)?diagnos\w*\s+(?:\w+\s+){0,4}(?:cannot|can't|are\s+not|is\s+not|"
    r"will\s+not|won't)\b",
]
_COMPILED = re.compile("|".join(f"(?:{pattern})" for pattern in _PATTERNS), re.IGNORECASE)
# Wording that says the opposite: "no diagnosis is needed", "you do not need a diagnosis".
_NEGATION_BEFORE = re.compile(
    r"(?:\bno|\bnot|n't|\bnever|\bwithout|\bregardless\s+of|\bwhatever)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)

# Sentence-level wording: a sentence that names a condition and refuses, turns away or limits
# help. The cues are the ways councils write it: "we do not accept referrals for", "will not
# be accepted", "do not meet the threshold", "are outside our criteria", "will be signposted
# elsewhere", "should be referred to ... instead", "restricted to", "limited to", "only".
_REFUSING = re.compile(
    r"\b(?:(?:do|does|did|will|would|can|could|shall|should|may|are|is)\s*(?:not|n't)|cannot|"
    r"won't|unable\s+to)\s+(?:be\s+)?(?:accept\w*|work\s+with|assess\w*|offer\w*|provid\w*|"
    r"support\w*|access\w*|get|receive|qualify|apply|join|eligible|included|considered|"
    r"suitable|available|open|meet\s+the\s+(?:threshold|criteria))\b"
    r"|\bineligible\b"
    r"|\boutside\s+(?:of\s+)?(?:our|the|these|this)\s+(?:criteria|service|remit|threshold)"
    r"|\bsignposted\s+(?:elsewhere|to\s+other)"
    r"|\breferred\s+(?:on\s+)?to\s+[^.;!?]{0,80}?\binstead\b",
    re.IGNORECASE,
)
_EXCLUDING = re.compile(r"\bexclu(?:de|des|ded|ding|sion|sions)\b", re.IGNORECASE)
_LIMITING = re.compile(
    r"\b(?:only|solely|exclusively|restricted\s+to|limited\s+to)\b", re.IGNORECASE
)
_CONDITION_WORDS = re.compile(rf"\b{_CONDITION}", re.IGNORECASE)
_SENTENCES = re.compile(r"[^.!?;\n]+")


def _sentence_exclusion(sentence: str) -> bool:
    condition = _CONDITION_WORDS.search(sentence)
    if condition is None:
        return False
    if _REFUSING.search(sentence):
        return True
    for match in _EXCLUDING.finditer(sentence):
        if not _NEGATION_BEFORE.search(sentence[max(0, match.start() - 40) : match.start()]):
            return True
    # "only", "limited to": a condition named after it, in the same sentence
    return any(
        _CONDITION_WORDS.search(sentence, match.end()) for match in _LIMITING.finditer(sentence)
    )


MESSAGE = (
    "This wording shuts people out because of a diagnosis or condition (“{found}”). "
    "Criteria must be needs-led, not diagnosis-led: a need is eligible because of what is hard "
    "in daily life, how often, and the effect on wellbeing, whatever the diagnosis, and a "
    "family does not need a diagnosis to be helped. Describe the needs the service is for "
    "instead."
)


def exclusion_in(text: str) -> str:
    """The first wording in `text` that excludes a diagnosis or condition wholesale, or ""."""
    for match in _COMPILED.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        found = match.group(0)
        if not found.lower().startswith("not") and _NEGATION_BEFORE.search(before):
            continue
        clause = re.match(r"[^.;:\n]{0,80}", text[match.end() :])
        found += clause.group(0) if clause else ""
        return " ".join(found.split())
    for match in _SENTENCES.finditer(text):
        if _sentence_exclusion(match.group(0)):
            return " ".join(match.group(0).split())
    return ""
