"""What would change (issue 15 point 3): a criteria draft tried against every eligibility
decision its council has made, by criterion and by help, with example cases that name the
child for managers and no one for the parent carer forum."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from supportfirst.audit.models import AccessEvent, Action
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.eligibility.impact import draft_impact, latest_decisions
from supportfirst.eligibility.models import EligibilityDecision
from supportfirst.eligibility.services import Departures, eligibility_decide, eligibility_return
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.eligibility.drafts import a_draft, forum_member_of, manager_of
from tests.eligibility.factories import YES, actor_for, authorised_assessment
from tests.families.factories import family_with_everyone

pytestmark = pytest.mark.django_db


def _one_area_is_enough(draft):
    """The draft's change: a child's needs in one area of life are enough (today: two)."""
    data = draft.data
    data["criteria"][0]["outcomes_needed"] = 1
    draft.data = data
    draft.save(update_fields=["data"])
    return draft


def _decisions(council, two_areas: int, one_area: int) -> list[EligibilityDecision]:
    made = []
    for needs in [("personal_care", "sleep")] * two_areas + [("personal_care",)] * one_area:
        family = family_with_everyone(council)
        made.append(_decide(family, needs))
    return made


def _decide(family, needs):
    from tests.eligibility.factories import adopt_current

    adopt_current(family.council)
    assessment = authorised_assessment(family, needs=needs)
    return eligibility_decide(
        actor=actor_for(staff_user(family.council, Role.PRACTITIONER)),
        assessment=assessment,
        answers=YES,
        departures=Departures(),
    )


def _url(draft) -> str:
    return reverse("eligibility:criteria_impact", kwargs={"draft_id": draft.pk})


@pytest.fixture
def draft(ashvale):
    return _one_area_is_enough(a_draft(ashvale))


def test_exact_counts_on_a_known_set_of_decisions(ashvale, draft):
    _decisions(ashvale, two_areas=1, one_area=2)
    page = draft_impact(scope=scope_for(manager_of(ashvale)), draft=draft, named=True)
    impact = page.impact
    assert impact.cases == 3
    assert (impact.eligible.newly_met.count, impact.eligible.no_longer_met.count) == (2, 0)
    assert (impact.needs.newly_met.count, impact.needs.no_longer_met.count) == (2, 0)
    assert impact.by_criterion["child"].newly_met.count == 2
    assert not impact.by_criterion["parent-carer"].changed
    # A need in personal care: short breaks, help at home and equipment, for each of two.
    newly = {code: shift.newly_met.count for code, shift in impact.by_service.items()}
    assert newly == {
        "short-breaks": 2,
        "help-at-home": 2,
        "activities": 0,
        "travel-help": 0,
        "equipment-adaptations": 2,
        "parent-carer-break": 0,
        "young-carer-support": 0,
    }
    assert impact.services.newly_met.count == 6
    assert page.untried == 0


def test_an_unchanged_draft_changes_nothing(ashvale):
    _decisions(ashvale, two_areas=1, one_area=1)
    page = draft_impact(scope=scope_for(manager_of(ashvale)), draft=a_draft(ashvale), named=True)
    assert page.impact.cases == 2
    assert not page.changed


def test_only_the_latest_decision_on_each_assessment_is_tried(ashvale, draft):
    family = family_with_everyone(ashvale)
    first = _decide(family, ("personal_care",))
    eligibility_return(
        actor=actor_for(manager_of(ashvale)), decision=first, reason="Look at sleep again."
    )
    again = eligibility_decide(
        actor=actor_for(staff_user(ashvale, Role.PRACTITIONER)),
        assessment=first.assessment,
        answers=YES,
        departures=Departures(),
    )
    assert list(latest_decisions(ashvale.pk).values_list("pk", flat=True)) == [again.pk]
    assert (
        draft_impact(scope=scope_for(manager_of(ashvale)), draft=draft, named=True).impact.cases
        == 1
    )


def test_another_councils_decisions_are_never_counted(ashvale, draft):
    _decisions(ashvale, two_areas=0, one_area=1)
    elsewhere = CouncilFactory(la_code="812", slug="elsewhere")
    _decisions(elsewhere, two_areas=0, one_area=3)
    page = draft_impact(scope=scope_for(manager_of(ashvale)), draft=draft, named=True)
    assert page.impact.cases == 1
    assert page.impact.eligible.newly_met.count == 1
    response = signed_in_client(manager_of(ashvale)).get(_url(draft))
    assert response.status_code == 200
    assert "(1 decision;" in response.content.decode()
    # The forum is not told how many: the decisions are about fewer than 5 families.
    response = signed_in_client(forum_member_of(ashvale)).get(_url(draft))
    assert response.status_code == 200
    assert "(decisions about fewer than 5 families;" in response.content.decode()


def test_a_manager_sees_the_child_and_the_request_and_a_list_view_is_logged(ashvale, draft):
    decision = _decisions(ashvale, two_areas=0, one_area=1)[0]
    child = decision.assessment.child
    client = signed_in_client(manager_of(ashvale))
    response = client.get(_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{child.first_name}, request {decision.assessment.request.reference}" in page
    assert reverse("eligibility:decision", kwargs={"decision_id": decision.pk}) in page
    logged = AccessEvent.objects.filter(council_id=ashvale.pk, actor_id=manager_of(ashvale).pk)
    assert list(logged.values_list("action", "record_id", "family_id")) == [
        (Action.LIST, f"criteria impact {draft.pk}:1", None)
    ]


def test_the_forum_sees_numbered_cases_and_no_names(ashvale, draft):
    decisions = _decisions(ashvale, two_areas=1, one_area=5)
    before = AccessEvent.objects.count()
    client = signed_in_client(forum_member_of(ashvale))
    response = client.get(_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Case 5: " in page
    assert "needs in 1 area" in page
    for decision in decisions:
        assessment = decision.assessment
        assert assessment.child.first_name not in page
        assert assessment.request.reference not in page
        assert f"/eligibility/{decision.pk}/" not in page
    assert AccessEvent.objects.count() == before


def test_the_forum_sees_an_age_group_and_a_number_for_this_page_only(ashvale, draft):
    """Not the child's exact age, and not where the decision comes in the council's history
    (the first three decisions do not change, so the first example is still case 1)."""
    decisions = _decisions(ashvale, two_areas=3, one_area=5)
    response = signed_in_client(forum_member_of(ashvale)).get(_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Case 1: a child aged " in page
    assert "Case 6: " not in page
    age = decisions[-1].case["child_age"]
    assert f"age {age}," not in page


@pytest.mark.parametrize(
    ("age", "words"),
    [
        (0, "under 5"),
        (4, "under 5"),
        (5, "5 to 10"),
        (10, "5 to 10"),
        (11, "11 to 15"),
        (15, "11 to 15"),
        (16, "16 or over"),
        (19, "16 or over"),
        (None, None),
    ],
)
def test_an_age_is_given_to_the_forum_as_an_age_group(age, words):
    from supportfirst.eligibility.impact import age_group

    assert age_group(age) == words


HELD_CELL = re.compile(r'govuk-table__cell">Fewer than 5 families\s*</td>')


def test_the_forum_sees_fewer_than_5_families_and_no_examples_for_a_small_figure(ashvale, draft):
    _decisions(ashvale, two_areas=0, one_area=2)
    response = signed_in_client(forum_member_of(ashvale)).get(_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert HELD_CELL.search(page)
    assert "Case 1" not in page
    assert "2 decisions" not in page
    # The council's own managers see the exact figures and the children.
    response = signed_in_client(manager_of(ashvale)).get(_url(draft))
    assert response.status_code == 200
    assert "2 decisions" in response.content.decode()


def test_the_forum_counts_families_not_decisions(ashvale, draft):
    """Five decisions about one family (five requests) are one family: held back."""
    family = family_with_everyone(ashvale)
    for _ in range(5):
        _decide(family, ("personal_care",))
    response = signed_in_client(forum_member_of(ashvale)).get(_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert HELD_CELL.search(page)
    assert "5 decisions" not in page
    assert "Case 1" not in page


def test_help_is_counted_in_kinds_of_help_not_decisions(ashvale, draft):
    # Three decisions newly eligible; each gains short breaks, help at home and equipment for
    # personal care: nine kinds of help, for three decisions.
    _decisions(ashvale, two_areas=1, one_area=3)
    response = signed_in_client(manager_of(ashvale)).get(_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert "9 kinds of help" in page
    assert "9 decisions" not in page


def test_the_draft_page_links_to_what_would_change(ashvale, draft):
    for user in (manager_of(ashvale), forum_member_of(ashvale)):
        response = signed_in_client(user).get(
            reverse("eligibility:criteria_draft", kwargs={"draft_id": draft.pk})
        )
        assert response.status_code == 200
        assert _url(draft) in response.content.decode()


def test_a_practitioner_cannot_open_it(ashvale, draft):
    client = signed_in_client(staff_user(ashvale, Role.PRACTITIONER))
    assert client.get(_url(draft)).status_code == 403


@pytest.mark.parametrize("who", ["manager", "forum"])
def test_loading_is_a_fixed_number_of_queries(ashvale, draft, who):
    user = manager_of(ashvale) if who == "manager" else forum_member_of(ashvale)
    client = signed_in_client(user)
    _decisions(ashvale, two_areas=1, one_area=1)
    client.get(_url(draft))  # warm the caches of the criteria sets

    def counted() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(_url(draft))
        assert response.status_code == 200
        return len(captured.captured_queries)

    small = counted()
    _decisions(ashvale, two_areas=2, one_area=4)
    assert counted() == small


def test_a_stored_case_is_read_as_the_full_check_reads_it(ashvale):
    from dataclasses import replace

    from supportfirst.eligibility.impact import stored_case
    from supportfirst.rules.criteria import Case, CaseError

    stored = _decisions(ashvale, two_areas=1, one_area=0)[0].case
    full = Case.from_dict(stored)
    assert stored_case(stored) == replace(
        full, needs=tuple(replace(n, description="") for n in full.needs), wellbeing_impact=""
    )
    broken = {**stored, "needs": [{**stored["needs"][0], "how_often": "sometimes"}]}
    with pytest.raises(CaseError):
        stored_case(broken)
    with pytest.raises(CaseError):
        stored_case({**stored, "child_age": "seven"})


def test_a_published_version_has_nothing_to_try(ashvale):
    from django.utils import timezone

    from supportfirst.eligibility import drafting
    from tests.eligibility.drafts import signed_off

    draft = a_draft(ashvale)
    drafting.criteria_draft_publish(
        actor=manager_of(ashvale),
        draft=signed_off(draft),
        in_force_from=timezone.localdate(),
        equality_impact_summary="We looked at the effect on disabled children.",
    )
    response = signed_in_client(forum_member_of(ashvale)).get(_url(draft), follow=True)
    assert response.status_code == 200
    assert "is published: there is nothing to try." in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse(
        "eligibility:criteria_draft", kwargs={"draft_id": draft.pk}
    )


def test_nobody_else_can_open_it_and_it_only_answers_a_look(ashvale, draft):
    from tests.accounts.factories import family_user

    elsewhere = CouncilFactory(la_code="812", slug="elsewhere")
    family = family_with_everyone(ashvale)
    for user, status in (
        (forum_member_of(elsewhere), 404),
        (manager_of(elsewhere), 404),
        (family_user(family), 403),
        (staff_user(ashvale, Role.COUNCIL_ADMIN), 403),
        (staff_user(ashvale, Role.COMPLAINTS_MANAGER), 403),
    ):
        response = signed_in_client(user).get(_url(draft))
        assert (user.username, response.status_code) == (user.username, status)
    client = signed_in_client(forum_member_of(ashvale))
    assert client.post(_url(draft), {}).status_code == 405
    huge = "/staff/criteria/99999999999999999999999/what-would-change/"
    assert client.get(huge).status_code == 404
    assert client.get("/staff/criteria/abc/what-would-change/").status_code == 404


def test_with_no_decisions_yet_the_page_says_so(ashvale, draft):
    for user in (manager_of(ashvale), forum_member_of(ashvale)):
        response = signed_in_client(user).get(_url(draft))
        page = response.content.decode()
        assert response.status_code == 200
        assert "has not made any eligibility decisions yet" in page
        assert "(0 decisions;" in page
        assert "Needs that would change, by criterion" not in page


def test_a_held_back_figure_cannot_be_worked_out_from_the_total(ashvale, draft):
    """Five families gain help for personal care and one gains help with travel: the travel
    figure is from one family, so the forum is not shown it; the total is shown, so one more
    figure in the column is held back, or the total less the others would give it away."""
    from supportfirst.rules.smallfigures import SUPPRESSED

    _decisions(ashvale, two_areas=0, one_area=5)
    _decide(family_with_everyone(ashvale), ("travel",))
    page = draft_impact(scope=scope_for(forum_member_of(ashvale)), draft=draft, named=False)
    words = {row.key: row.newly_met_words for row in page.by_service}
    assert words["travel-help"] == SUPPRESSED
    assert page.services.newly_met_words.endswith(" kinds of help")
    assert sorted(words.values()).count("held back") == 1
    held = next(row for row in page.by_service if row.newly_met_words == "held back")
    assert held.newly_met == []
    # The council's managers see every figure.
    named = draft_impact(scope=scope_for(manager_of(ashvale)), draft=draft, named=True)
    assert "held back" not in {row.newly_met_words for row in named.by_service}
    response = signed_in_client(forum_member_of(ashvale)).get(_url(draft))
    assert response.status_code == 200
    assert "so that a smaller figure cannot be worked out" in response.content.decode()
