"""Context rules: whose words are these?

- Quoted words attributed to the family are theirs. 'Mum said "I refused because I was
  frightened"' is not flagged; 'Dad was "hostile"' is (the quotation marks are the writer's),
  and so is 'The school described Dad as "aggressive"'.
- Some entries are fine in the family's own account, reported without quotation marks:
  "Mum told us she is struggling to cope", "Dad said the carer was rude".

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
# that are not apostrophes: an apostrophe inside a word ("can't") does not end a quote.
_QUOTED = re.compile(
    r"[\"“”„«»][^\"“”„«»\n]{1,2000}[\"“”„«»]"
    r"|‘(?:[^‘’\n]|’(?=\w)){1,2000}?’(?!\w)"
    r"|(?<!\w)'(?=\S)(?:[^'\n]|'(?=\w)){1,2000}?(?<=\S)'(?!\w)"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where the text quotes words, quotation marks included."""
    return [match.span() for match in _QUOTED.finditer(text)]


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
