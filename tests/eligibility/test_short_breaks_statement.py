"""The council's short breaks services statement (Breaks for Carers of Disabled Children
Regulations 2011, regulation 5): a public page built from the council's criteria, with the
council's own words for the parts only it can write."""

from __future__ import annotations

import datetime

from django.test import Client
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.eligibility.models import ShortBreaksStatement
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory

TODAY = timezone.localdate


def _ashvale():
    return CouncilFactory(la_code="957", name="Ashvale Borough Council", slug="ashvale")


def _dates(prefix: str, day: datetime.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def test_the_statement_lists_the_short_breaks_from_the_councils_criteria(db):
    _ashvale()
    response = Client().get("/criteria/ashvale/short-breaks/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ashvale Borough Council: short breaks services statement" in page
    # The range comes from the criteria: the short breaks, the activities and the carer's break;
    # help at home with personal care is not listed as a break.
    assert "Short breaks" in page
    assert "Clubs and activities" in page
    assert "A break for you" in page
    assert "Help at home with personal care</h3>" not in page
    # The criteria the breaks are decided by.
    assert "Help for your child" in page
    assert "Help for you as a parent carer" in page
    assert "regulation 5" in page


def test_the_statement_says_the_range_is_not_a_promise_and_names_each_route(db):
    _ashvale()
    page = Client().get("/criteria/ashvale/short-breaks/").content.decode()
    assert "It is not a promise of a particular break" in page
    assert "section 2(1)(a) and (c)" in page
    assert "section 17(6)" in page
    assert "In law your child is “looked after” by the council during each stay" in page
    assert "overnight care in the child&#x27;s home and elsewhere" in page


def test_the_carers_side_says_what_regulation_3_names(db):
    # Regulation 3: breaks so carers can take part in education, training or regular leisure,
    # meet other children's needs, or do day-to-day tasks at home. Paid work is not in it.
    _ashvale()
    page = Client().get("/criteria/ashvale/short-breaks/").content.decode()
    assert "time to study or train, for a regular leisure activity" in page
    assert "time to work" not in page


def test_the_statement_says_when_the_short_break_rules_apply_and_what_a_direct_payment_is_not(
    db,
):
    _ashvale()
    page = Client().get("/criteria/ashvale/short-breaks/").content.decode()
    assert "the stays add up to no more than 75 days in 12 months" in page
    assert "This is not possible for an overnight stay where your child is accommodated" in page


def test_without_the_councils_words_the_page_says_so_plainly(db):
    _ashvale()
    page = Client().get("/criteria/ashvale/short-breaks/").content.decode()
    assert "has not yet written how its breaks meet local carers' needs" in page
    assert "has not yet written how it reviews this statement with carers" in page


def test_the_council_administrator_writes_the_councils_parts(db):
    council = _ashvale()
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    client = signed_in_client(admin)
    page = client.get("/staff/short-breaks-statement/")
    assert page.status_code == 200
    reviewed = TODAY() - datetime.timedelta(days=30)
    response = client.post(
        "/staff/short-breaks-statement/",
        {
            "range_words": "Saturday clubs at Riverside; Willow House overnight stays.",
            "carers_needs_words": "Holiday schemes run until 6pm so that parents can work.",
            "carers_views_words": "We reviewed it with Ashvale Parent Carer Forum in March.",
            **_dates("reviewed_on", reviewed),
            **_dates("next_review_on", reviewed + datetime.timedelta(days=365)),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/criteria/ashvale/short-breaks/"
    saved = ShortBreaksStatement.objects.get(council=council)
    assert saved.updated_by == admin
    page = Client().get("/criteria/ashvale/short-breaks/").content.decode()
    assert "Willow House overnight stays" in page
    assert "Holiday schemes run until 6pm" in page
    assert "Ashvale Parent Carer Forum in March" in page
    assert f"{reviewed:%-d %B %Y}" in page


def test_the_statement_form_shows_the_error_summary_and_keeps_what_was_typed(db):
    council = _ashvale()
    client = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    response = client.post(
        "/staff/short-breaks-statement/",
        {
            "range_words": "Saturday clubs.",
            **_dates("reviewed_on", TODAY() + datetime.timedelta(days=3)),
            **_dates("next_review_on", TODAY()),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Say how the range meets the needs of carers in your area" in page
    assert "Saturday clubs." in page
    assert not ShortBreaksStatement.objects.exists()


def test_a_review_in_the_future_is_refused(db):
    council = _ashvale()
    client = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    response = client.post(
        "/staff/short-breaks-statement/",
        {
            "range_words": "a",
            "carers_needs_words": "b",
            "carers_views_words": "c",
            **_dates("reviewed_on", TODAY() + datetime.timedelta(days=3)),
            **_dates("next_review_on", TODAY() + datetime.timedelta(days=300)),
        },
    )
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()


def test_only_the_council_administrator_edits_the_statement(db):
    council = _ashvale()
    for role in (Role.PRACTITIONER, Role.TEAM_MANAGER, Role.FORUM_MEMBER):
        client = signed_in_client(staff_user(council, role))
        assert client.get("/staff/short-breaks-statement/").status_code == 403


def test_each_council_edits_only_its_own_statement(db):
    ashvale = _ashvale()
    other = CouncilFactory(la_code="958", slug="northmoor", name="Northmoor City Council")
    client = signed_in_client(staff_user(other, Role.COUNCIL_ADMIN))
    client.post(
        "/staff/short-breaks-statement/",
        {
            "range_words": "Northmoor clubs",
            "carers_needs_words": "b",
            "carers_views_words": "c",
            **_dates("reviewed_on", TODAY()),
            **_dates("next_review_on", TODAY() + datetime.timedelta(days=300)),
        },
    )
    assert ShortBreaksStatement.objects.get().council == other
    assert "Northmoor clubs" not in Client().get("/criteria/ashvale/short-breaks/").content.decode()
    assert ashvale.pk != other.pk


def test_the_criteria_page_links_to_the_statement(db):
    _ashvale()
    page = Client().get("/criteria/ashvale/").content.decode()
    assert 'href="/criteria/ashvale/short-breaks/"' in page


def test_an_unknown_council_has_no_statement(db):
    assert Client().get("/criteria/nowhere/short-breaks/").status_code == 404


def test_the_criteria_page_never_calls_a_power_a_free_choice(db):
    # LAW.md: a power is "may", but a decision about a family must still be fair and reasoned.
    _ashvale()
    page = Client().get("/criteria/ashvale/").content.decode()
    assert "a power: the council may provide it, and must still decide fairly" in page
