"""What would change: a criteria draft tried against every eligibility decision its council
has made (issue 15 point 3), for the draft's "What would change" page.

The latest decision on each assessment is taken (returned ones too when nothing was decided
after them), its stored case is rebuilt (`EligibilityDecision.case` is `Case.to_dict()`), and
the plain-Python `rules.criteria.impact.what_would_change` runs it under the criteria in force
today and under the draft. The practitioners' own departures are not part of it: this compares
what the two sets of criteria decide on the same needs.

Loading is a fixed number of queries whatever the number of decisions: one for the stored
cases, and for managers one more for the names and request references of the example cases
shown. The parent carer forum's view reads no names at all: its examples are cases numbered
for the page alone (not by where they come in the council's history), with the child's age
group and how many areas of life the needs were in. For the forum, a figure made up from fewer
than 5 families is held back ("fewer than 5 families", no examples), as on the forum's figures
page (`rules.smallfigures`): a forum member may know the family behind a small figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from supportfirst.assessments.models import Kind
from supportfirst.councils.scoping import Scope
from supportfirst.eligibility.models import CriteriaDraft, EligibilityDecision, PublishedCriteria
from supportfirst.rules.criteria import AssessedNeed, Case, CaseError, CriteriaSet
from supportfirst.rules.criteria import areas as codes
from supportfirst.rules.criteria.impact import Bucket, Impact, Shift, what_would_change
from supportfirst.rules.criteria.model import CarerGates
from supportfirst.rules.smallfigures import SUPPRESSED, is_suppressed

EXAMPLES = 5

_KIND_WORDS = {
    Kind.PARENT_CARER: "parent carer's assessment",
    Kind.YOUNG_CARER: "young carer's assessment",
}


@dataclass(frozen=True)
class Example:
    """One example case: for a manager, named and linked; for the forum, a number."""

    label: str
    decision_id: int | None = None


UNITS = {"need": "needs", "decision": "decisions", "kind of help": "kinds of help"}


@dataclass(frozen=True)
class Row:
    """A line of a table: a criterion or a service, with its shift and example cases. For the
    forum, a side made up from fewer than 5 families is held back: it says so, with no
    examples."""

    key: str
    name: str
    shift: Shift
    newly_met: list[Example]
    no_longer_met: list[Example]
    unit: str = "need"  # what the counts count: a key of UNITS
    held_back: bool = False  # whether small figures are held back (the forum's view)
    also_held: frozenset[str] = frozenset()  # sides held back to protect a smaller figure

    def _words(self, side: str, bucket: Bucket) -> str:
        if not bucket.count:
            return ""
        if self.held_back and is_suppressed(bucket.families):
            return SUPPRESSED
        if side in self.also_held:
            return HELD_BACK
        return f"{bucket.count} {self.unit if bucket.count == 1 else UNITS[self.unit]}"

    @property
    def newly_met_words(self) -> str:
        """What the page says: "3 needs", "fewer than 5 families", "held back", or "" for no
        change."""
        return self._words(NEWLY_MET, self.shift.newly_met)

    @property
    def no_longer_met_words(self) -> str:
        return self._words(NO_LONGER_MET, self.shift.no_longer_met)


NEWLY_MET, NO_LONGER_MET = "newly_met", "no_longer_met"
HELD_BACK = "held back"
"""A figure from 5 families or more held back for the forum so that a smaller, held-back
figure in the same column cannot be worked out from the total less the others."""


def also_held(total: Bucket, parts: list[Bucket]) -> set[int]:
    """Which of the parts (that add up to the total) to hold back as well as those from fewer
    than 5 families. When exactly one part is held back and the total is shown, the total less
    the others would give it away: the smallest other part is held back too."""
    if is_suppressed(total.families):
        return set()
    small = [i for i, part in enumerate(parts) if part.count and is_suppressed(part.families)]
    others = [i for i, part in enumerate(parts) if part.count and i not in small]
    if len(small) != 1 or not others:
        return set()
    return {min(others, key=lambda i: parts[i].count)}


@dataclass(frozen=True)
class ImpactPage:
    impact: Impact
    named: bool
    untried: int  # stored cases that could not be read as a case
    families: int  # how many different families the decisions tried are about
    eligible: Row
    needs: Row
    services: Row
    by_criterion: list[Row]
    by_service: list[Row]

    @property
    def decisions_words(self) -> str:
        """How many decisions were tried: for the forum, held back when they are about fewer
        than 5 families."""
        cases = self.impact.cases
        if not self.named and is_suppressed(self.families):
            return f"decisions about {SUPPRESSED}"
        return f"{cases} decision{'' if cases == 1 else 's'}"

    @property
    def summary(self) -> list[Row]:
        return [self.eligible, self.needs, self.services]

    @property
    def changed(self) -> bool:
        return (
            self.eligible.shift.changed or self.needs.shift.changed or self.services.shift.changed
        )


def latest_decisions(council_id: int) -> QuerySet[EligibilityDecision]:
    """The council's latest decision on each assessment (of any status), oldest first."""
    latest = (
        EligibilityDecision.objects.filter(assessment_id=OuterRef("assessment_id"))
        .order_by("-made_at", "-pk")
        .values("pk")[:1]
    )
    return (
        EligibilityDecision.objects.filter(family__council_id=council_id)
        .filter(pk=Subquery(latest))
        .order_by("made_at", "pk")
    )


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise TypeError("not true or false")
    return value


def _need(data: dict[str, Any]) -> AssessedNeed:
    person = data.get("person", codes.CHILD)
    area = data["area"]
    how_often = data["how_often"]
    comparator = data.get("more_than_same_age")
    if codes.AREAS[area][1] != person or how_often not in codes.HOW_OFTEN:
        raise ValueError("not an area of this person's needs, or not how often")
    if comparator is not None:
        _flag(comparator)
    return AssessedNeed(
        id=str(data["id"]),
        person=person,
        area=area,
        description="",
        cannot_without_help=_flag(data.get("cannot_without_help", False)),
        only_with_pain_distress_or_anxiety=_flag(
            data.get("only_with_pain_distress_or_anxiety", False)
        ),
        only_with_danger=_flag(data.get("only_with_danger", False)),
        takes_much_longer=_flag(data.get("takes_much_longer", False)),
        how_often=how_often,
        more_than_same_age=comparator,
        fluctuates=_flag(data.get("fluctuates", False)),
    )


def stored_case(data: Any) -> Case:
    """A stored decision's case, for deciding again. It was written by `Case.to_dict()` from a
    checked case, so only what the criteria read is checked again (areas, people, how often,
    true or false): `Case.from_dict`'s full check of every field costs more than running both
    sets of criteria. Anything unexpected goes through `Case.from_dict`, which says what is
    wrong (`CaseError`). Descriptions are not read: deciding never needs them."""
    try:
        age = data.get("child_age")
        if age is not None and (type(age) is not int or not 0 <= age < 26):
            raise ValueError("not an age")
        gates = {}
        for person in (codes.PARENT_CARER, codes.YOUNG_CARER):
            found = data.get(person)
            gates[person] = CarerGates.from_dict(found) if isinstance(found, dict) else None
        return Case(
            needs=tuple(_need(need) for need in data["needs"]),
            arises_from_impairment_or_illness=_flag(data["arises_from_impairment_or_illness"]),
            significant_impact_on_wellbeing=_flag(data["significant_impact_on_wellbeing"]),
            child_age=age,
            parent_carer=gates[codes.PARENT_CARER],
            young_carer=gates[codes.YOUNG_CARER],
            child_assessed=bool(data.get("child_assessed", True)),
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return Case.from_dict(data)


def _areas(case: dict[str, Any]) -> int:
    return len({(need.get("person"), need.get("area")) for need in case.get("needs") or []})


AGE_GROUPS = ((5, "under 5"), (11, "5 to 10"), (16, "11 to 15"))


def age_group(age: Any) -> str | None:
    """The child's age as a group for the forum: an exact age helps to pick a child out."""
    if type(age) is not int:
        return None
    return next((words for below, words in AGE_GROUPS if age < below), "16 or over")


def _anonymous(number: int, case: dict[str, Any]) -> str:
    group = age_group(case.get("child_age"))
    areas = _areas(case)
    words = [f"a child aged {group}"] if group else []
    words.append(f"needs in {areas} area{'' if areas == 1 else 's'}")
    return f"Case {number}: {', '.join(words)}"


def _named(scope: Scope, decision_ids: set[int]) -> dict[int, str]:
    """The child's first name and the request's reference for each example: one query, and
    only through the staff scope."""
    rows = (
        EligibilityDecision.objects.visible_to(scope)
        .filter(pk__in=decision_ids)
        .values_list(
            "pk",
            "assessment__child__first_name",
            "assessment__request__reference",
            "assessment__kind",
        )
    )
    labels = {}
    for pk, first_name, reference, kind in rows:
        label = f"{first_name}, request {reference}"
        if kind in _KIND_WORDS:
            label += f" ({_KIND_WORDS[kind]})"
        labels[pk] = label
    return labels


@dataclass
class _Loaded:
    """The council's stored cases as the evaluator takes them, numbered from 0."""

    decision_ids: list[int]
    stored: list[dict[str, Any]]
    cases: list[tuple[str, Case]]
    families: dict[str, int]  # case number -> family id
    untried: int


def _load(council_id: int) -> _Loaded:
    rows = latest_decisions(council_id).values_list("pk", "case", "family_id")
    loaded = _Loaded([], [], [], {}, 0)
    for pk, data, family_id in rows.iterator(chunk_size=2000):
        try:
            case = stored_case(data)
        except (CaseError, KeyError, TypeError, ValueError):
            loaded.untried += 1
            continue
        number = str(len(loaded.decision_ids))
        loaded.families[number] = family_id
        loaded.cases.append((number, case))
        loaded.decision_ids.append(pk)
        loaded.stored.append(data)
    return loaded


def _secondary(total: Shift, shifts: list[Shift]) -> list[frozenset[str]]:
    """For each of the shifts that add up to the total, the sides held back (`also_held`)."""
    held: list[set[str]] = [set() for _ in shifts]
    for side in (NEWLY_MET, NO_LONGER_MET):
        parts = [getattr(shift, side) for shift in shifts]
        for i in also_held(getattr(total, side), parts):
            held[i].add(side)
    return [frozenset(sides) for sides in held]


def _is_shown(bucket: Bucket, side: str, held: frozenset[str], named: bool) -> bool:
    return named or not (side in held or is_suppressed(bucket.families))


def impact_of_draft(
    *,
    scope: Scope,
    draft_set: CriteriaSet,
    current: PublishedCriteria,
    named: bool,
    examples: int = EXAMPLES,
) -> ImpactPage:
    """Run the draft against every latest decision of the scope's council. `named` only for
    staff who do casework (the caller decides): the forum's view reads no names."""
    loaded = _load(scope.council_id)
    impact = what_would_change(
        current.criteria_set, draft_set, loaded.cases, examples=examples, families=loaded.families
    )
    nothing: list[frozenset[str]] = [frozenset()] * 3
    criteria, services = list(impact.by_criterion.values()), list(impact.by_service.values())
    held = (
        nothing
        + (_secondary(impact.needs, criteria) if not named else nothing[:1] * len(criteria))
        + (_secondary(impact.services, services) if not named else nothing[:1] * len(services))
    )
    shifts = [impact.eligible, impact.needs, impact.services, *criteria, *services]
    # The examples shown, in the order of the page. The forum's are numbered in that order
    # (case 1 is the first shown), never by place in the council's history.
    numbers: dict[int, int] = {}
    for shift, sides in zip(shifts, held, strict=True):
        for side in (NEWLY_MET, NO_LONGER_MET):
            bucket = getattr(shift, side)
            if _is_shown(bucket, side, sides, named):
                for index in bucket.examples:
                    numbers.setdefault(int(index), len(numbers) + 1)
    ids = loaded.decision_ids
    labels = _named(scope, {ids[i] for i in numbers}) if named and numbers else {}

    def example(index: str) -> Example:
        position = int(index)
        if named:
            return Example(labels.get(ids[position], f"Decision {ids[position]}"), ids[position])
        return Example(_anonymous(numbers[position], loaded.stored[position]))

    def shown(bucket: Bucket, side: str, sides: frozenset[str]) -> list[Example]:
        if not _is_shown(bucket, side, sides, named):
            return []
        return [example(i) for i in bucket.examples]

    def row(key: str, name: str, unit: str, at: int) -> Row:
        shift, sides = shifts[at], held[at]
        return Row(
            key,
            name,
            shift,
            shown(shift.newly_met, NEWLY_MET, sides),
            shown(shift.no_longer_met, NO_LONGER_MET, sides),
            unit=unit,
            held_back=not named,
            also_held=sides,
        )

    titles = {c.id: c.title for c in current.criteria_set.criteria}
    titles.update({c.id: c.title for c in draft_set.criteria})
    names = {s.code: s.name for s in current.criteria_set.services}
    names.update({s.code: s.name for s in draft_set.services})
    return ImpactPage(
        impact=impact,
        named=named,
        untried=loaded.untried,
        families=len(set(loaded.families.values())),
        eligible=row("eligible", "Eligible for any help", "decision", 0),
        needs=row("needs", "Needs", "need", 1),
        services=row(
            "services", "Help (each kind counted once for each decision)", "kind of help", 2
        ),
        by_criterion=[
            row(k, titles.get(k, k), "need", 3 + n) for n, k in enumerate(impact.by_criterion)
        ],
        by_service=[
            row(k, names.get(k, k), "decision", 3 + len(criteria) + n)
            for n, k in enumerate(impact.by_service)
        ],
    )


@lru_cache(maxsize=16)
def _draft_set(text: str, source: str) -> CriteriaSet | None:
    """The draft's criteria, read once per process for the same text (the page may be opened
    again and again while the draft does not change)."""
    from supportfirst.eligibility.drafting import _loaded

    return _loaded(text, source)[0]


def draft_impact(*, scope: Scope, draft: CriteriaDraft, named: bool) -> ImpactPage | None:
    """The impact page of a draft, or None when the draft cannot be read yet or the council
    has no criteria in force to compare it with."""
    from supportfirst.eligibility.drafting import _source, draft_text
    from supportfirst.eligibility.selectors import criteria_for_council

    found = _draft_set(draft_text(draft), _source(draft))
    current = criteria_for_council(draft.council)
    if found is None or current is None:
        return None
    return impact_of_draft(scope=scope, draft_set=found, current=current, named=named)
