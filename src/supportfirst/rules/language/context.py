"""Context rules: whose words are these?

- Quoted words attributed to the family are theirs. 'Mum said "I refused because I was
  frightened"' is not flagged; 'Dad was "hostile"' is (the quotation marks are the writer's),
  and so is 'The school described Dad as "aggressive"'.
- Some entries are fine in the family's own account, reported without quotation marks:
  "Mum told us she is struggling to cope", "Dad said the carer was rude".
- Some entries are fine when the sentence rules the concern out: "there are no concerns about
  parenting", "we did not see any neglect", "neglect was ruled out". A concern that is denied
  is not an accusation. ("We cannot rule out neglect" still counts.)

All the functions here read the lower-cased, normalised text (curly apostrophes made straight),
except `quoted_spans`, which needs the original to tell curly quotes from apostrophes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from supportfirst.rules.language.text import sentence_end, sentence_start

FAMILY = (
    r"(?:mum|mummy|mom|mam|mother|dad|daddy|father|parents?|step-?(?:mum|dad|mother|father)"
    r"|carers?|grand(?:mother|father|ma|pa|parents?|mum|dad)|nan|nana|nanna|gran|granny"
    r"|grandad|aunt|auntie|aunty|uncle|brother|sister|siblings?|family|foster\s+carers?)"
)
PRONOUN = r"(?:she|he|they)"
PROFESSIONAL = (
    r"(?:school|teachers?|head\s*teacher|senco|nursery|college|social\s+workers?|workers?"
    r"|practitioners?|professionals?|gp|doctors?|consultants?|paediatrician|nurses?|therapists?"
    r"|health\s+visitors?|police|officers?|managers?|council|team|report|referral|letter|we|i"
    r"|us|clinicians?|psychologists?|psychiatrists?|camhs|assessors?|staff|panel|hospital"
    r"|agency|service|neighbours?)"
)
SPEECH = (
    r"(?:said|says|say|told|tells|tell|explained|explains|described|describes|wrote|writes"
    r"|asked|asks|added|adds|replied|replies|answered|shared|shares|commented|texted|emailed"
    r"|messaged|shouted|cried|signed|typed|mentioned|stated|states|reported|reports|feels|felt"
    r"|thinks|thought|believes|believed|worries|worried|fears|feared|complained|complains"
    r"|put\s+it|calls?\s+it|called\s+it|in\s+(?:his|her|their|my|our|\w+'s)\s+(?:own\s+)?words"
    r"|(?:his|her|their|\w+'s)\s+words\s+(?:were|are|was))"
)

_SPEECH = re.compile(rf"\b{SPEECH}\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+$")
_LABEL = re.compile(
    r"\b(?:described|labelled|labeled|called|seen|viewed|known|referred\s+to|regarded|perceived"
    r"|considered|characteri[sz]ed|branded|portrayed|presented|came\s+across|comes\s+across)"
    r"\s+(?:[\w']+\s+){0,3}?(?:as\s+)?(?:being\s+)?$"
)
_SELF = re.compile(r"\b(?:herself|himself|themselves|myself|ourselves)\b")
_WHO = re.compile(rf"\b(?:(?P<family>{FAMILY}|{PRONOUN})|(?P<professional>{PROFESSIONAL}))\b")
_TAIL = re.compile(
    rf"\s*[,.!?]?\s*(?:(?P<before>(?:[\w']+\s+){{0,3}}?){SPEECH}\b"
    rf"|(?:said|says|explained|added|replied|wrote|asked)\s+(?P<after>(?:[\w']+\s*){{1,3}}))"
)
_NOT_PASSIVE = r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)"
_FAMILY_ACCOUNT = re.compile(
    rf"\b(?:{FAMILY}|{PRONOUN})\b(?:'s\s+\w+)?(?:\s+[\w']+){{0,3}}?\s+{_NOT_PASSIVE}{SPEECH}\b"
    r"(?!.*\b(?:but|however|although|though|whereas|while|yet)\b)",
    re.DOTALL,
)

# Quoted words: in double quotes (straight or curly), or in single quotes (straight or curly)
# that are not apostrophes: an apostrophe inside a word ("can't") does not end a quote. Each
# branch begins with its quotation mark (the test that a straight single quote does not follow
# a word character comes just after it), so the engine skips quickly over ordinary text.
_QUOTED = re.compile(
    r"[\"“”„«»][^\"“”„«»\n]{1,2000}[\"“”„«»]"
    r"|‘(?:[^‘’\n]|’(?=\w)){1,2000}?’(?!\w)"
    r"|'(?<!\w')(?=\S)(?:[^'\n]|'(?=\w)){1,2000}?(?<=\S)'(?!\w)"
)


# The longest quotation `_QUOTED` finds: a quotation mark, 2000 characters, a quotation mark.
LONGEST_QUOTE = 2002


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where the text (or text[start:end]) quotes words, quotation marks included."""
    found = _QUOTED.finditer(text, start, len(text) if end is None else end)
    return [match.span() for match in found]


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the loop is how to reach the last one
        pass
    return found


def _speaker_is_family(who: str) -> bool:
    """Does the speaker named just before a verb of saying look like the family?

    The nearest person wins: in "we asked Mum and she said" it is "she". With no person
    named at all (a child's name, say) the words are taken as the family's."""
    last = _last(_WHO.finditer(who))
    return last is None or last.group("family") is not None


def _is_familys(low: str, start: int, end: int) -> bool:
    lead = low[sentence_start(low, start) : start]
    tail = low[end : sentence_end(low, end) + 1][:120]
    label = _LABEL.search(lead)
    if label is not None:
        # 'described as "..."': the family's words only when they describe themselves.
        if _SELF.search(lead):
            return True
        subject = lead[: label.start()]
        return not _PASSIVE_BEFORE.search(subject) and bool(
            subject.strip() and _speaker_is_family(subject[-60:])
        )
    speech = _last(_SPEECH.finditer(lead))
    if speech is not None:
        subject = lead[: speech.start()]
        return not _PASSIVE_BEFORE.search(subject) and _speaker_is_family(subject[-60:])
    if lead.rstrip().endswith(":"):
        return _speaker_is_family(lead[-60:])
    after = _TAIL.match(tail)
    if after is not None:
        return _speaker_is_family(after.group("before") or after.group("after") or "")
    # No one is said to have said it: a quotation on its own is someone's words (most often
    # the family's); quotation marks inside the writer's own sentence are the writer's.
    return not lead.strip()


class FamilyQuotes:
    """The spans of the text quoting the family's own words, for quick look-ups."""

    def __init__(self, original: str, low: str):
        spans = [span for span in quoted_spans(original) if _is_familys(low, *span)]
        self.starts = [start for start, _ in spans]
        self.spans = spans

    def hold(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.spans[index][1]


def in_family_account(low: str, start: int) -> bool:
    """Are the words at `start` part of what a family member said, reported without quotes?
    ("Mum told us she is struggling to cope"; not "The school said Mum failed to ...")."""
    before = low[sentence_start(low, start) : start]
    return bool(_FAMILY_ACCOUNT.search(before))


# Ruling a concern out: a negation shortly before the words, in the same part of the sentence
# ("we did not see any neglect", "nothing suggests that his behaviour is caused by ..."), a
# negation at the start of the words themselves ("there are no concerns"), or the words
# followed by a verdict that rules them out ("neglect was ruled out").
_CLAUSE_BREAK = re.compile(
    r",|:|\s[-\u2013\u2014]\s|\b(?:but|however|although|though|whereas|while|yet|and|so|because"
    r"|since|as|when|which|who|where|if|unless|until)\b"
)
_NEGATION = (
    r"(?:no|not|never|nothing|none|nobody|neither|nor|without|cannot|no\s+one|no\s+longer"
    r"|\w+n't)"
)
_NEGATED_BEFORE = re.compile(rf"\b{_NEGATION}\b(?:\s+[\w']+){{0,9}}\s*$")
_NEGATED_START = re.compile(
    r"(?:there\s+)?(?:(?:is|are|was|were|has|have|had|remain|remains|been)\s+){0,2}"
    r"(?:no|not|never|none)\b"
)
# "no doubt", "not only", "cannot rule out": negations that do not rule the concern out.
_NOT_A_DENIAL = re.compile(
    r"\b(?:no\s+doubt|without\s+(?:a\s+)?doubt|no\s+question|not\s+only|not\s+just"
    r"|(?:not|never|cannot|\w+n't)\s+(?:be\s+|been\s+|yet\s+)?(?:rule[ds]?\s+out|exclude[ds]?"
    r"|dismiss(?:ed)?|discount(?:ed)?)|(?:not|\w+n't)\s+(?:sure|certain|clear)\s+(?:that|whether)"
    r"|no\s+(?:longer\s+)?able)\b"
)
_RULED_OUT_AFTER = re.compile(
    r"\s*(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+)"
    r"(?:(?:now|since|quickly|fully|completely|firmly|clearly|also|later)\s+)?"
    r"(?:ruled\s+out|unfounded|unsubstantiated|dismissed|discounted|excluded|not\s+(?:substantiated"
    r"|found|upheld|confirmed|evidenced|seen|present|identified|raised|shared|an?\s+(?:issue|concern"
    r"|worry|factor|risk)))\b"
)


def _clause_before(low: str, start: int) -> str:
    """The part of the sentence before `start`, from the last clause break."""
    lead = low[sentence_start(low, start) : start]
    last = _last(_CLAUSE_BREAK.finditer(lead))
    return lead if last is None else lead[last.end() :]


def ruled_out(low: str, start: int, end: int) -> bool:
    """Does the sentence rule out the concern named at low[start:end]?

    "There are no concerns about parenting", "we did not see any neglect", "Ayla is not at
    risk of harm", "neglect was ruled out": yes. "We cannot rule out neglect", "there is no
    doubt that Leo is at risk", "Mum did not come, and Leo is at risk": no."""
    clause = _clause_before(low, start)
    words = low[start:end]
    if _NOT_A_DENIAL.search(clause + words):
        return False
    if _NEGATED_BEFORE.search(clause) or _NEGATED_START.match(words):
        return True
    return bool(_RULED_OUT_AFTER.match(low, end, sentence_end(low, end)))
