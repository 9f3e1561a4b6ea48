"""The checklist: what a support-first assessment protocol says, one small named rule per item.

Each item has a stable id and its message is its text. It reads the protocol sentence by
sentence with three lists of patterns:

- `meets`: a sentence that shows the protocol does what the item asks;
- `fails`: a sentence that shows it does the opposite (a routine bedroom check, say);
- `mentions`: a sentence on the subject that decides nothing either way.

The answer is "met" when only `meets` sentences are found, "not met" when only `fails`
sentences are, and "unclear" when both are found or only mentions. When nothing at all is
found, the item says what silence means for it (`when_silent`): silence about a duty is "not
met"; silence about a bad practice (no bedroom check asked for, none ruled out) is "unclear",
because only a protocol that says so rules the practice out. Items with `needs_all`
are met only when every group of words is there ("1 working day" and "45 working days").

A keyword-and-pattern reader can be fooled: that is why every answer quotes its sentences with
their place, so a person can check it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from supportfirst.rules.protocol.documents import Document, sentences

MET = "met"
NOT_MET = "not met"
UNCLEAR = "unclear"


def _patterns(*texts: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(text, re.IGNORECASE) for text in texts)


# Words that turn a requirement round ("not routinely", "only where", "never").
_NEGATED = r"(?:\bnot\b|\bnever\b|\bno\b|n't\b|\bonly\b|\bunless\b|\bwithout\b)"
_MUST = (
    r"(?:must|will|should|shall|always|routinely|is required|are required|expected"
    r"|need to|needs to)"
)


@dataclass(frozen=True)
class Evidence:
    sentence: str
    place: str
    found: str  # "meets", "fails" or "mentions"


@dataclass(frozen=True)
class ItemResult:
    id: str
    message: str
    answer: str
    evidence: tuple[Evidence, ...]
    explanation: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "item": self.message,
            "answer": self.answer,
            "explanation": self.explanation,
            "evidence": [
                {"quote": e.sentence, "place": e.place, "shows": e.found} for e in self.evidence
            ],
        }


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    message: str
    why: str
    meets: tuple[re.Pattern[str], ...] = ()
    fails: tuple[re.Pattern[str], ...] = ()
    mentions: tuple[re.Pattern[str], ...] = ()
    when_silent: str = NOT_MET
    silent_says: str = "The protocol does not say this."
    needs_all: tuple[tuple[re.Pattern[str], ...], ...] = field(default=())

    def check_sentence(self, sentence: str) -> str | None:
        """'fails', 'meets', 'mentions' or None for one sentence: a sentence that both meets
        and fails (a requirement turned round) counts as meeting it."""
        meets = any(p.search(sentence) for p in self.meets)
        fails = any(p.search(sentence) for p in self.fails)
        if fails and not meets:
            return "fails"
        if meets:
            return "meets"
        if any(p.search(sentence) for p in self.mentions):
            return "mentions"
        return None

    def judge(self, document: Document, *, quotes: int = 3) -> ItemResult:
        if self.needs_all:
            return self._judge_all(document)
        found: dict[str, list[Evidence]] = {"meets": [], "fails": [], "mentions": []}
        for paragraph in document.paragraphs:
            for sentence in sentences(paragraph):
                kind = self.check_sentence(sentence)
                if kind is not None:
                    found[kind].append(Evidence(sentence, paragraph.place, kind))
        meets, fails, mentions = found["meets"], found["fails"], found["mentions"]
        if fails and meets:
            return self._result(
                UNCLEAR,
                fails[:quotes] + meets[:quotes],
                "The protocol says both: the sentences below disagree.",
            )
        if fails:
            return self._result(
                NOT_MET, fails[:quotes], "These sentences show the protocol does not do this."
            )
        if meets:
            return self._result(MET, meets[:quotes], "These sentences show the protocol does this.")
        if mentions:
            return self._result(
                UNCLEAR,
                mentions[:quotes],
                "The protocol mentions this but does not say clearly what happens.",
            )
        return self._result(self.when_silent, [], self.silent_says)

    def _result(self, answer: str, evidence: list[Evidence], explanation: str) -> ItemResult:
        return ItemResult(self.id, self.message, answer, tuple(evidence), explanation)

    def _judge_all(self, document: Document) -> ItemResult:
        """Met only when a sentence is found for every group of words; each group's first."""
        evidence: list[Evidence] = []
        seen = [False] * len(self.needs_all)
        for paragraph in document.paragraphs:
            for sentence in sentences(paragraph):
                for index, group in enumerate(self.needs_all):
                    if not seen[index] and any(p.search(sentence) for p in group):
                        seen[index] = True
                        quote = Evidence(sentence, paragraph.place, "meets")
                        if quote not in evidence:
                            evidence.append(quote)
        if all(seen):
            return self._result(MET, evidence, "These sentences show the protocol does this.")
        if any(seen):
            return self._result(
                UNCLEAR, evidence, "The protocol says part of this but not all of it."
            )
        return self._result(self.when_silent, [], self.silent_says)


ITEMS: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        id="distinct-pathway",
        message=(
            "There is a distinct pathway for disabled children where there is no evidence of harm"
        ),
        why=(
            "A request for help for a disabled child is a request for support. Assessing it with "
            "the process used when abuse is suspected makes families feel like suspects."
        ),
        meets=_patterns(
            r"\b(?:distinct|separate|different|own|dedicated|specific)\b[^.]{0,60}"
            r"\b(?:pathway|route|assessment|process|procedure)\b[^.]{0,80}\bdisab",
            r"\bdisab[^.]{0,80}\b(?:distinct|separate|different|own|dedicated|specific)\b"
            r"[^.]{0,40}\b(?:pathway|route|assessment|process|procedure)\b",
            r"\b(?:not|no|without)\b[^.]{0,30}\b(?:evidence|concerns?|suspicion)\b[^.]{0,30}"
            r"\b(?:of|about)\b[^.]{0,20}\b(?:harm|abuse|neglect)\b[^.]{0,120}"
            r"\b(?:support|needs[- ]led)",
            r"\bneeds[- ]led\b[^.]{0,80}\bdisab",
        ),
        fails=_patterns(
            r"\b(?:all|every|any)\b[^.]{0,40}\b(?:referrals?|child|children|requests?|assessments?)\b"
            r"[^.]{0,80}\b(?:same|single|one)\b[^.]{0,30}\b(?:assessment|process|framework|procedure)",
            r"\bdisabled children\b[^.]{0,60}\b(?:in the same way|under the same|no differently)",
            r"\bsame\b[^.]{0,40}\b(?:assessment|process|framework|procedure)\b[^.]{0,60}"
            r"\b(?:regardless|whether or not|as (?:for|with)) [^.]{0,40}(?:disab|harm|protection)",
        ),
        mentions=_patterns(r"\bdisabled child", r"\bdisabilit"),
    ),
    ChecklistItem(
        id="no-routine-bedroom",
        message="The child's bedroom and the home are not looked at as a matter of routine",
        why=(
            "Looking round a family's home intrudes on private and family life (Human Rights Act "
            "1998, Article 8): it must be necessary for this child's assessment, not routine."
        ),
        meets=_patterns(
            _NEGATED + r"[^.]{0,60}\b(?:bedroom|sleeping arrangements|home conditions)",
            r"\b(?:bedroom|sleeping arrangements|home conditions)\b[^.]{0,80}" + _NEGATED,
        ),
        fails=_patterns(
            r"\b(?:bedroom|sleeping (?:arrangements|area)|home conditions|condition of the home"
            r"|every room|all rooms)\b[^.]{0,80}\b" + _MUST,
            r"\b" + _MUST + r"\b[^.]{0,80}\b(?:see|seen|view|viewed|check|checked|inspect|inspected"
            r"|observe|observed|look at)\b[^.]{0,40}\b(?:bedroom|sleeping (?:arrangements|area)"
            r"|home conditions|condition of the home|every room|all rooms)",
        ),
        mentions=_patterns(r"\bbedroom", r"\bsleeping arrangements", r"\bhome conditions"),
        when_silent=UNCLEAR,
        silent_says=(
            "The protocol does not say. Nothing in it asks for the bedroom or the home to be "
            "looked at, but nothing rules out doing so as a matter of routine either."
        ),
    ),
    ChecklistItem(
        id="no-routine-child-alone",
        message="The child is not seen or spoken to alone as a matter of routine",
        why=(
            "Seeing a child without a parent there is a child protection step. For a disabled "
            "child with no concern of harm it needs a reason, the family's view and the child's "
            "wishes, and a way for the child to communicate."
        ),
        meets=_patterns(
            _NEGATED + r"[^.]{0,60}\b(?:alone|on (?:their|his|her) own"
            r"|without (?:a|their|his|her) parent)",
            r"\b(?:alone|on (?:their|his|her) own|without (?:a|their|his|her) parents?)\b[^.]{0,60}"
            r"\b(?:only (?:if|when|where)|unless"
            r"|if the (?:child|young person) (?:wants|wishes|chooses))",
        ),
        fails=_patterns(
            r"\b(?:child|children|young person)\b[^.]{0,40}\b" + _MUST + r"\b[^.]{0,40}"
            r"\b(?:seen|spoken (?:to|with)|interviewed|met)\b[^.]{0,30}"
            r"\b(?:alone|on (?:their|his|her) own|without (?:a|their|his|her) parents?)",
            r"\b" + _MUST + r"\b[^.]{0,30}\b(?:see|speak (?:to|with)|interview|meet)\b[^.]{0,30}"
            r"\b(?:child|children|young person)\b[^.]{0,30}"
            r"\b(?:alone|on (?:their|his|her) own|without (?:a|their|his|her) parents?)",
        ),
        mentions=_patterns(r"\b(?:seen|see|speak|spoken)\b[^.]{0,40}\balone\b"),
        when_silent=UNCLEAR,
        silent_says=(
            "The protocol does not say. Nothing in it asks for the child to be seen alone, but "
            "nothing rules out doing so as a matter of routine either."
        ),
    ),
    ChecklistItem(
        id="no-parenting-capacity",
        message="A request for support does not lead to a judgement of parenting capacity",
        why=(
            "Parents of disabled children are the experts on their child. Judging their "
            "parenting when they ask for help is what makes families stop asking."
        ),
        meets=_patterns(
            _NEGATED + r"[^.]{0,60}\b(?:parenting capacity|capacity to parent|parenting ability)",
            r"\b(?:parenting capacity|capacity to parent)\b[^.]{0,60}" + _NEGATED,
            r"\bparents? (?:and carers )?(?:are|as) (?:the )?experts?\b",
        ),
        fails=_patterns(
            r"\b(?:parenting capacity|capacity to parent|parenting ability|ability to parent"
            r"|quality of parenting)\b",
        ),
        when_silent=UNCLEAR,
        silent_says=(
            "The protocol does not say. Nothing in it asks for parenting capacity to be judged, "
            "but nothing rules it out on a request for support either."
        ),
    ),
    ChecklistItem(
        id="co-produced",
        message="The protocol was written with parent carers or the parent carer forum",
        why=(
            "Families who use the service know where it hurts. Reformers ask that each council "
            "writes its protocol with its parent carer forum and that the forum signs it off."
        ),
        meets=_patterns(
            r"\bco-?produc",
            r"\b(?:written|developed|designed|agreed|reviewed|drafted)\b[^.]{0,60}"
            r"\b(?:with|together with|alongside|in partnership with)\b[^.]{0,40}"
            r"\b(?:parent carers?|parents|families|(?:parent carer )?forum)",
            r"\b(?:parent carer )?forum\b[^.]{0,60}\b(?:signed off|agreed|co-wrote|wrote)\b",
        ),
        mentions=_patterns(r"\bparent carer forum\b", r"\bconsult"),
    ),
    ChecklistItem(
        id="published-criteria",
        message="The eligibility criteria are published, or the protocol links to them",
        why=("Families can only challenge a decision if they can read the rules it was made by."),
        meets=_patterns(
            r"\bcriteria\b[^.]{0,60}\b(?:published|available|can be (?:found|read|seen)"
            r"|on (?:our|the council's) website|at https?://)",
            r"\bpublished\b[^.]{0,40}\b(?:eligibility )?criteria\b",
            r"https?://\S*(?:criteria|eligibility|local-offer|localoffer)",
        ),
        mentions=_patterns(r"\beligib", r"\bthreshold"),
    ),
    ChecklistItem(
        id="timescales",
        message=(
            "It gives the timescales: a decision on the next step within 1 working day and the "
            "assessment within 45 working days"
        ),
        why=(
            "Working Together to Safeguard Children sets these timescales; a family should know "
            "when to expect each step."
        ),
        needs_all=(
            _patterns(r"\b(?:1|one)\s+working\s+day\b", r"\bwithin (?:24 hours|a working day)"),
            _patterns(r"\b(?:45|forty[- ]five)\s+working\s+days?\b"),
        ),
        silent_says="The protocol gives no timescales.",
    ),
    ChecklistItem(
        id="parent-carer-assessment",
        message="Parent carers are offered an assessment of their own needs",
        why=(
            "The council must assess a parent carer's needs for support when it appears they may "
            "have such needs or they ask (Children Act 1989, section 17ZD)."
        ),
        meets=_patterns(
            r"\bparent carers?'?s?\b[^.]{0,30}\bneeds assessment",
            r"\b(?:section|s\.?)\s?17ZD\b",
            r"\bassess(?:ment of|ing)\b[^.]{0,30}\bparent carers?'?s?\b[^.]{0,20}\b(?:own )?needs",
            r"\bcarers?'? assessment\b[^.]{0,60}\bparent",
        ),
        mentions=_patterns(r"\bparent carer"),
    ),
    ChecklistItem(
        id="young-carers",
        message="Young carers, such as brothers and sisters who help, are offered an assessment",
        why=(
            "The council must assess a young carer's needs when it appears they may have needs "
            "for support or they ask (Children Act 1989, section 17ZA)."
        ),
        meets=_patterns(
            r"\byoung carers?'?s?\b[^.]{0,40}\bassess",
            r"\bassess[^.]{0,40}\byoung carers?",
            r"\b(?:section|s\.?)\s?17ZA\b",
        ),
        mentions=_patterns(r"\byoung carer", r"\bsiblings?\b", r"\bbrothers and sisters"),
    ),
    ChecklistItem(
        id="direct-payments",
        message="Direct payments are explained as a way to receive the support agreed",
        why=(
            "A family can choose to receive money instead of services the council arranges, for "
            "any service agreed, when the conditions are met (Children Act 1989, section 17A)."
        ),
        meets=_patterns(r"\bdirect payments?\b"),
        mentions=_patterns(r"\bpersonal budget"),
    ),
    ChecklistItem(
        id="short-breaks",
        message="Short breaks and the council's short breaks services statement are described",
        why=(
            "Councils must provide, so far as reasonably practicable, a range of short breaks, "
            "and publish a statement of them (Breaks for Carers of Disabled Children "
            "Regulations 2011, regulations 4 and 5)."
        ),
        needs_all=(
            _patterns(r"\bshort breaks?\b", r"\brespite\b"),
            _patterns(r"\bshort breaks? (?:services )?statement\b"),
        ),
    ),
    ChecklistItem(
        id="assessor-training",
        message="Assessors are trained in this protocol, with parent carers taking part",
        why=(
            "A good protocol only changes families' experience if the people using it are "
            "trained in it; parent carers helping to train them is what reformers ask for."
        ),
        meets=_patterns(
            r"\btrained\b[^.]{0,30}\b(?:in|on)\b[^.]{0,20}\b(?:this|the|our)\b[^.]{0,20}"
            r"\b(?:protocol|pathway|approach|assessment|guidance)",
            r"\btraining\b[^.]{0,40}\b(?:in|on)\b[^.]{0,10}\b(?:this|the|our)\b[^.]{0,20}"
            r"\b(?:protocol|pathway|approach)",
            r"\bparent carers?\b[^.]{0,60}\b(?:train|training)\b",
        ),
        mentions=_patterns(r"\btraining\b", r"\btrained\b"),
    ),
    ChecklistItem(
        id="advocacy",
        message="The child's access to independent advocacy is explained",
        why=(
            "A child or young person who makes, or wants to make, a complaint must be offered "
            "an independent advocate to help them (Children Act 1989, section 26A). Many "
            "councils offer one in assessments too, to help the child say what they want."
        ),
        meets=_patterns(r"\badvoca(?:cy|te|tes)\b"),
    ),
    ChecklistItem(
        id="complaints-route",
        message="It tells families how to complain, with the stages and the Ombudsman",
        why=(
            "Children's social care complaints have three stages and then the Local Government "
            "and Social Care Ombudsman (the 2006 complaints regulations)."
        ),
        meets=_patterns(
            r"\bcomplain[^.]{0,120}\b(?:stage|ombudsman|procedure|process)\b",
            r"\b(?:stage|ombudsman|procedure|process)\b[^.]{0,120}\bcomplain",
        ),
        mentions=_patterns(r"\bcomplain", r"\bchallenge\b", r"\bdisagree\b"),
    ),
)

ITEM_IDS = tuple(item.id for item in ITEMS)


def item(item_id: str) -> ChecklistItem:
    for candidate in ITEMS:
        if candidate.id == item_id:
            return candidate
    raise KeyError(item_id)


def run_checklist(document: Document, items: Iterable[ChecklistItem] = ITEMS) -> list[ItemResult]:
    return [checklist_item.judge(document) for checklist_item in items]


def counts(results: Sequence[ItemResult]) -> dict[str, int]:
    tally = {MET: 0, NOT_MET: 0, UNCLEAR: 0}
    for result in results:
        tally[result.answer] += 1
    return tally
