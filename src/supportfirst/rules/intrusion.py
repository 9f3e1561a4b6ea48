"""The intrusion rule: anything that intrudes on family life needs a written record first.

Visiting the family at home, looking at particular rooms, speaking with the child without a parent
there, asking someone else about the family and sharing information about them each interfere with
private and family life (Human Rights Act 1998, Article 8): lawful only when necessary and
proportionate. So a contact that involves one cannot be recorded until its intrusion record says
why, what less intrusive option was considered, and what the family said.

Plain Python: the pathway app stores the records; this decides what a contact involves and what
its record is missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import Any

from supportfirst.rules.language import Checker, shipped
from supportfirst.rules.language.text import normalise

HOME_VISIT = "home_visit"

# A kind of contact that is an intrusion by its nature, whatever was ticked.
INTRUSIVE_KINDS = {"home_visit": HOME_VISIT}

# Each part of an intrusion record, and the message when it is missing.
REQUIRED_INTRUSION_FIELDS = {
    "purpose": "Write the purpose of this intrusion",
    "why_necessary": "Write why it is necessary for this assessment",
    "less_intrusive_option": "Write the less intrusive option offered to the family first",
    "less_intrusive_answer": "Write what the family said about the less intrusive option",
    "why_not_enough": "Write why the less intrusive option is not enough",
    "family_view": "Say whether the family agreed, objected or has not answered yet",
    "family_words": "Write the family's view in their own words",
    "notice_given": "Write what notice the family was given",
}


AGREE, OBJECT, WAITING = "agree", "object", "waiting"


def contact_date_problem(when: datetime, *, request_received: datetime, now: datetime) -> str:
    """Why a contact cannot be recorded as done at this date and time ("" when it can): it
    cannot be in the future, nor before the request for help was made."""
    if when > now:
        return "The date of the contact must be today or in the past: plan it instead"
    if when < request_received:
        return (
            "The date of the contact must be on or after "
            f"{request_received:%-d %B %Y}, when the request for help was made"
        )
    return ""


def plan_date_problem(when: datetime, *, now: datetime) -> str:
    """Why a contact cannot be planned for this date and time ("" when it can)."""
    if when <= now:
        return "The date of a planned contact must be in the future: record it as done instead"
    return ""


def objection_blocks(*, family_view: str, approved: bool, on_support_pathway: bool) -> bool:
    """On the support pathway, an intrusion the family objects to cannot go ahead unless a
    team manager approved it (with a written reason the family sees)."""
    return on_support_pathway and family_view == OBJECT and not approved


def intrusions_for(kind: str, chosen: list[str]) -> list[str]:
    """The intrusions a contact involves: those ticked, and a home visit by its nature."""
    found = [str(i) for i in dict.fromkeys(chosen)]
    if kind in INTRUSIVE_KINDS and INTRUSIVE_KINDS[kind] not in found:
        found.insert(0, INTRUSIVE_KINDS[kind])
    return found


_FAMILYS_HOME = re.compile(
    r"^\s*(?:at\s+)?home\b|\bfamily(?:'s|\u2019s)?\s+(?:home|house|flat)\b|"
    r"\b(?!children(?:'s|\u2019s)?\b)(?:their|his|her|[a-z]+(?:'s|\u2019s))\s+(?:home|house|flat)\b"
)
MEETING_AT_HOME = (
    "The place is the family's home: choose “Home visit” as the kind of contact, so its reasons "
    "are recorded and the family is told first"
)


def place_is_the_familys_home(place: str) -> bool:
    """Does the place of a meeting name the family's home ("At home", "Claire's house")? Then
    the meeting is a home visit, whatever kind was chosen. A centre named "Oak House" or a
    children's home is not."""
    return _FAMILYS_HOME.search(place.lower()) is not None


def intrusion_record_gaps(intrusion: Mapping[str, Any] | None) -> dict[str, str]:
    """Which parts of an intrusion record are missing: field name -> plain-English message."""
    given = intrusion or {}
    # A family not asked yet has no words to record: they are asked when told of the plan.
    waiting = given.get("family_view") == WAITING
    return {
        name: message
        for name, message in REQUIRED_INTRUSION_FIELDS.items()
        if not str(given.get(name, "")).strip() and not (waiting and name == "family_words")
    }


# ---------------------------------------------------------------------------------------------
# Which intrusions do a contact's notes describe?
#
# The language checker already recognises seeing a child alone, looking at bedrooms and other
# rooms, comments on home conditions and checks with other services: its findings are reused
# here (never a second copy of its patterns). Asking or telling a school, GP or other service
# about the family is not a wording problem, so the checker does not look for it; the one
# recogniser for it lives here.
# ---------------------------------------------------------------------------------------------

ROOMS = "rooms"
CHILD_ALONE = "child_alone"
THIRD_PARTY = "third_party"
SHARING = "sharing"

# Which checker findings describe which intrusion. A finding of `lens.seen-alone` counts only
# when its words say the child was apart from a parent ("at risk" is not a conversation).
_FROM_CHECKER = {
    "lens.seen-alone": CHILD_ALONE,
    "lens.bedroom-seen": ROOMS,
    "lens.home-conditions": ROOMS,
    "lens.intrusive-checks": THIRD_PARTY,
}
# The checker's findings that state as fact that an intrusion happened (or is planned): on a
# contact the intrusion record answers for them, so the wording gate does not ask again. Home
# conditions stay flagged there: "the home is chaotic" is a judgement, not a fact.
FACTUAL_INTRUSION_RULES = frozenset(
    {"lens.seen-alone", "lens.bedroom-seen", "lens.intrusive-checks"}
)
_APART = re.compile(
    r"\b(?:alone|own|himself|herself|themselves|separately|privately|private|without|away|"
    r"earshot)\b"
)
_VISIT_WORDS = re.compile(r"\b(?:visits?|visited|arrived|came)\b")

_SERVICE = (
    r"(?:(?:the|his|her|their|[a-z]+'s)\s+)?(?:(?:primary|secondary|special|new|old|class)\s+)?"
    r"(?:school|schools|nursery|college|teachers?|senco|head\s*teacher|gp|doctor|"
    r"health\s+visitor|school\s+nurse|nurse|paediatrician|consultant|hospital|therapist|"
    r"police|neighbours?|previous\s+council|other\s+(?:services|agencies)|camhs)"
)
_ASKED = re.compile(
    r"\b(?:asked|asking|ask|contacted|contacting|contact|rang|phoned|called|emailed|"
    r"wrote\s+to|checked\s+with|consulted|spoke\s+(?:to|with)|spoken\s+(?:to|with)|"
    r"talked\s+(?:to|with)|requested\s+(?:a\s+report|information|reports?)\s+from|"
    r"(?:information|a\s+report|reports?)\s+(?:was\s+|were\s+)?(?:requested|sought|obtained)\s+"
    r"from)\s+" + _SERVICE + r"\b"
)
_SHARED = re.compile(
    r"\b(?:shared|sharing|share|sent|passed(?:\s+on)?|forwarded|gave)\s+(?:(?:the|our|this|"
    r"his|her|their|[a-z]+'s)\s+)?(?:assessment|information|details|notes|report|records?|"
    r"plan|letter)s?\s+(?:\w+\s+){0,3}?(?:with|to)\s+" + _SERVICE + r"\b"
)
_RECOGNISED_HERE = ((_ASKED, THIRD_PARTY, "asking someone else"), (_SHARED, SHARING, "sharing"))

# Words that rule the intrusion out when they come before it in the same sentence: "we did
# not look at the bedroom", "no one saw Amir alone", "we have not asked the school".
_NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|neither|nor|without\s+(?:looking|seeing|going|asking)|"
    r"\w+n't|declined\s+to|chose\s+not|instead\s+of|rather\s+than)\b"
)
_FAMILY_SUBJECT = re.compile(
    r"\b(?:mum|dad|mother|father|parents?|family|carers?|nan|gran|grandma|grandad|"
    r"grandparents?)\s+(?:(?:has|had|have|also|already|then|herself|himself|themselves)\s+)*$"
)
_SENTENCE_END = re.compile(r"[.!?;\n]")


@dataclass(frozen=True)
class Described:
    """An intrusion the notes describe: which one, and the words that describe it."""

    intrusion: str
    words: str


def _sentence_before(low: str, start: int) -> str:
    ends = [m.end() for m in _SENTENCE_END.finditer(low, 0, start)]
    return low[ends[-1] if ends else 0 : start]


# A negation rules out only what is in its own clause: "Mum was not happy, but Amir was seen
# alone" and "There were no concerns and the bedroom was checked" still describe an intrusion.
_CLAUSE_START = re.compile(
    r"[,:\u2013\u2014]|\s-\s|\b(?:but|and|so|then|although|though|while|whereas|however|"
    r"because|after|before|later|afterwards)\b"
)


def _clause_before(low: str, start: int) -> str:
    sentence = _sentence_before(low, start)
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence)]
    return sentence[starts[-1] if starts else 0 :]


def _negated(low: str, start: int) -> bool:
    return _NEGATION.search(_clause_before(low, start)) is not None


def _by_the_family(low: str, start: int) -> bool:
    """Did the family do it ("Mum asked the school for a meeting")? Then it is not ours."""
    return _FAMILY_SUBJECT.search(_sentence_before(low, start)) is not None


@cache
def _checker() -> Checker:
    """The checker's recognisers for these intrusions, without the context rules that make
    the words acceptable ("with Mum's agreement", "for a hoist"): acceptable words still
    describe an intrusion, which still needs its record."""
    entries = [
        replace(
            e,
            unless_followed_by="",
            unless_preceded_by="",
            follow_pattern=None,
            preceded_pattern=None,
        )
        for e in shipped()
        if e.id in _FROM_CHECKER
    ]
    return Checker(entries=entries, plain_english=False)


def _from_checker(text: str) -> list[tuple[int, str, str]]:
    found = []
    for finding in _checker().check(text):
        intrusion = _FROM_CHECKER[finding.rule]
        words = finding.text.lower()
        if intrusion == CHILD_ALONE and not _APART.search(words):
            continue
        if finding.rule == "lens.intrusive-checks" and _VISIT_WORDS.search(words):
            intrusion = HOME_VISIT
        found.append((finding.start, intrusion, finding.text))
    return found


def intrusions_described(notes: str) -> list[Described]:
    """The intrusions a contact's notes describe, in the order they first appear, each once,
    with the words that describe it. Negated ones ("we did not look at the bedroom") and the
    family's own quoted words are not counted."""
    low = normalise(notes).lower()
    found = _from_checker(notes)
    for pattern, intrusion, _ in _RECOGNISED_HERE:
        found += [
            (m.start(), intrusion, notes[m.start() : m.end()])
            for m in pattern.finditer(low)
            if not _by_the_family(low, m.start())
        ]
    described: dict[str, Described] = {}
    for start, intrusion, words in sorted(found):
        if intrusion not in described and not _negated(low, start):
            described[intrusion] = Described(intrusion, words)
    return list(described.values())


def intrusions_not_covered(notes: str, covered: list[str]) -> list[Described]:
    """The intrusions the notes describe that the contact's intrusion record does not cover."""
    return [d for d in intrusions_described(notes) if d.intrusion not in covered]
