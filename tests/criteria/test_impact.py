"""What would change: a draft tried against past cases, with exact counts on known cases."""

from __future__ import annotations

from dataclasses import replace

from supportfirst.rules.criteria import AssessedNeed, Case, load_file, shipped_set_paths
from supportfirst.rules.criteria.impact import Bucket, Shift, what_would_change

NATIONAL = next(load_file(p) for p in shipped_set_paths() if p.name == "national-model.yaml")


def _variant(**changes) -> object:
    child = replace(NATIONAL.criteria[0], **changes)
    return replace(NATIONAL, criteria=(child, *NATIONAL.criteria[1:]), digest="draft")


ONE_AREA = _variant(outcomes_needed=1)
ONLY_HELP = _variant(counts=("cannot_without_help",))


def need(number: int, area: str, flag: str = "cannot_without_help") -> AssessedNeed:
    flags = dict.fromkeys(
        (
            "cannot_without_help",
            "only_with_pain_distress_or_anxiety",
            "only_with_danger",
            "takes_much_longer",
        ),
        False,
    )
    flags[flag] = True
    return AssessedNeed(
        id=f"need-{number}",
        person="child",
        area=area,
        description="",
        how_often="every_day",
        **flags,
    )


def case(*needs: AssessedNeed, impact: bool = True) -> Case:
    return Case(
        needs=needs, arises_from_impairment_or_illness=True, significant_impact_on_wellbeing=impact
    )


CASES = [
    ("a", case(need(1, "sleep"))),
    ("b", case(need(1, "sleep"), need(2, "play"))),
    ("c", case(need(1, "travel"), impact=False)),
    ("d", case(need(1, "communication"), need(2, "travel", "takes_much_longer"))),
    ("e", case(need(1, "mobility"))),
    ("f", case(need(1, "sleep", "only_with_pain_distress_or_anxiety"), need(2, "play"))),
]


def test_one_area_enough_meets_single_needs_and_the_services_for_their_areas():
    impact = what_would_change(NATIONAL, ONE_AREA, CASES)

    assert impact.cases == 6
    assert impact.eligible == Shift(Bucket(2, ("a", "e")), Bucket())
    assert impact.needs == Shift(Bucket(2, ("a", "e")), Bucket())
    assert impact.services == Shift(Bucket(6, ("a", "e")), Bucket())
    assert impact.by_criterion["child"] == Shift(Bucket(2, ("a", "e")), Bucket())
    assert not impact.by_criterion["parent-carer"].changed
    assert impact.by_service["short-breaks"].newly_met == Bucket(2, ("a", "e"))
    assert impact.by_service["help-at-home"].newly_met == Bucket(1, ("a",))
    assert impact.by_service["equipment-adaptations"].newly_met == Bucket(2, ("a", "e"))
    assert impact.by_service["travel-help"].newly_met == Bucket(1, ("e",))
    assert not impact.by_service["activities"].changed
    assert list(impact.by_service) == [service.code for service in NATIONAL.services]


def test_counting_only_needing_help_takes_away_needs_met_today():
    impact = what_would_change(NATIONAL, ONLY_HELP, CASES)

    # b: both needs count either way. d: travel only takes longer, so d loses both needs.
    # f: sleep only with distress stops counting, so one area is left and both needs go.
    assert impact.eligible == Shift(Bucket(), Bucket(2, ("d", "f")))
    assert impact.needs == Shift(Bucket(), Bucket(4, ("d", "f")))
    assert impact.by_criterion["child"].no_longer_met == Bucket(4, ("d", "f"))
    assert impact.by_service["short-breaks"].no_longer_met == Bucket(2, ("d", "f"))
    assert impact.by_service["activities"].no_longer_met == Bucket(2, ("d", "f"))
    assert impact.by_service["help-at-home"].no_longer_met == Bucket(1, ("f",))
    assert impact.by_service["travel-help"].no_longer_met == Bucket(1, ("d",))
    assert impact.by_service["equipment-adaptations"].no_longer_met == Bucket(1, ("f",))
    assert impact.by_service["family-support"].no_longer_met == Bucket(1, ("d",))
    assert impact.services.no_longer_met.count == 8


def test_examples_are_limited_and_the_same_set_changes_nothing():
    limited = what_would_change(NATIONAL, ONLY_HELP, CASES, examples=1)
    assert limited.needs.no_longer_met == Bucket(4, ("d",))

    same = what_would_change(NATIONAL, NATIONAL, CASES)
    assert same.cases == 6
    assert not same.needs.changed
    assert not same.services.changed
    assert not same.eligible.changed


def test_a_service_only_in_the_draft_is_newly_met_where_the_draft_meets_it():
    extra = replace(NATIONAL.services[0], code="holiday-club", name="Holiday club")
    draft = replace(NATIONAL, services=(*NATIONAL.services, extra), digest="extra")
    impact = what_would_change(NATIONAL, draft, CASES)

    assert impact.by_service["holiday-club"].newly_met == Bucket(3, ("b", "d", "f"))
    assert not impact.by_service["short-breaks"].changed
    assert not impact.eligible.changed


def test_each_bucket_says_how_many_families_it_is_made_up_from():
    # a and e are one family (two assessments); without families, each case is its own.
    impact = what_would_change(NATIONAL, ONE_AREA, CASES, families={"a": 1, "e": 1, "b": 2})
    assert impact.eligible.newly_met.families == 1
    assert impact.services.newly_met.families == 1
    assert impact.by_service["travel-help"].newly_met.families == 1
    assert impact.eligible.no_longer_met.families == 0

    alone = what_would_change(NATIONAL, ONLY_HELP, CASES)
    assert alone.needs.no_longer_met.families == 2  # d and f, though four needs
    assert alone.services.no_longer_met.families == 2
