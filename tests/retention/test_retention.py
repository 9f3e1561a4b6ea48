"""Retention: each council's periods, the page where its administrator sets them, and the
daily task that removes what is past them, never anything about a family with an open case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from supportfirst.audit.models import AccessEvent
from supportfirst.councils.models import Role
from supportfirst.families.models import Family
from supportfirst.notifications.models import Notification
from supportfirst.pathway.models import RequestStatus, SupportRequest
from supportfirst.retention import services
from supportfirst.retention.models import Kind, RetentionPeriod, RetentionRun
from supportfirst.retention.tasks import apply_retention
from tests.accounts.factories import staff_user
from tests.complaints.factories import complaint_for
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

TODAY = date(2026, 12, 4)


def _message(family: Family, *, days_ago: int) -> Notification:
    return Notification.objects.create(
        family=family,
        event="decision_made",
        channel="email",
        sent_at=timezone.now() - timedelta(days=days_ago),
        to="c***@example.test",
        subject="Next step",
        status="sent",
    )


def _closed(family: Family) -> Family:
    """The family's only request ended with information and advice: no open case."""
    SupportRequestFactory(child=family.children.first(), status=RequestStatus.INFORMATION_GIVEN)
    return family


def _grown_up(family: Family, *, years_past_18: int) -> Family:
    born = date(TODAY.year - 18 - years_past_18, 1, 1)
    family.children.update(date_of_birth=born)
    family.siblings.update(date_of_birth=born)
    return family


@pytest.fixture
def admin(council):
    return staff_user(council, Role.COUNCIL_ADMIN, full_name="Ada Admin")


# The periods and the page ----------------------------------------------------------------------


def test_every_kind_has_a_sensible_default(council):
    periods = {p.kind: p for p in services.periods_for(council.pk)}
    assert periods[Kind.MESSAGES].months == 24
    assert periods[Kind.FAMILY_RECORDS].in_words == "25 years"
    assert all(p.is_default for p in periods.values())


def test_the_administrator_sees_and_changes_the_periods(admin, council, other_council):
    client = signed_in_client(admin)
    page = client.get("/staff/retention/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "2 years, from the day the message was sent (the default)" in text
    assert "25 years, from the youngest child&#x27;s 18th birthday (the default)" in text
    response = client.post("/staff/retention/", {"messages": "36", "family_records": "300"})
    assert response.status_code == 302
    assert RetentionPeriod.objects.get(council=council, kind=Kind.MESSAGES).months == 36
    assert services.periods_for(other_council.pk)[0].months == 24  # another council's own
    page = client.get("/staff/retention/").content.decode()
    assert "3 years, from the day the message was sent</dd>" in page


def test_a_period_too_short_is_explained_and_what_was_typed_is_kept(admin):
    response = signed_in_client(admin).post(
        "/staff/retention/", {"messages": "2", "family_records": "300"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert "Enter at least 6 months" in text
    assert 'value="2"' in text
    assert not RetentionPeriod.objects.exists()


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER])
def test_only_the_council_administrator_sets_them(council, role):
    response = signed_in_client(staff_user(council, role)).get("/staff/retention/")
    assert response.status_code == 403


# The task: messages ----------------------------------------------------------------------------


def test_old_messages_are_removed_and_logged_but_not_on_an_open_case(council):
    closed = _closed(family_with_everyone(council))
    open_case = family_with_everyone(council)
    SupportRequestFactory(child=open_case.children.first())  # waiting for a decision
    old = _message(closed, days_ago=800)
    recent = _message(closed, days_ago=30)
    kept_open = _message(open_case, days_ago=800)
    runs = {run.kind: run for run in services.retention_apply(council=council)}
    assert (runs[Kind.MESSAGES].removed, runs[Kind.MESSAGES].kept_open) == (1, 1)
    assert set(Notification.objects.values_list("pk", flat=True)) == {recent.pk, kept_open.pk}
    assert not Notification.objects.filter(pk=old.pk).exists()
    event = AccessEvent.objects.get(family_id=closed.pk, action="delete")
    assert (event.actor_username, event.record_type, event.record_id) == (
        "retention (daily task)",
        "notifications.notification",
        "1 old messages",
    )
    assert not AccessEvent.objects.filter(family_id=open_case.pk, action="delete").exists()


def test_a_council_with_a_shorter_period_removes_sooner(council, admin):
    family = _closed(family_with_everyone(council))
    _message(family, days_ago=250)
    RetentionPeriod.objects.create(
        council=council, kind=Kind.MESSAGES, months=6, updated_at=timezone.now()
    )
    services.retention_apply(council=council)
    assert not Notification.objects.exists()


# The task: whole family records ----------------------------------------------------------------


def test_a_closed_familys_record_goes_25_years_after_the_youngest_turns_18(council):
    gone = _grown_up(_closed(family_with_everyone(council)), years_past_18=26)
    younger = _grown_up(_closed(family_with_everyone(council)), years_past_18=20)
    runs = {run.kind: run for run in services.retention_apply(council=council)}
    assert runs[Kind.FAMILY_RECORDS].removed == 1
    assert not Family.objects.filter(pk=gone.pk).exists()
    assert not SupportRequest.objects.filter(family_id=gone.pk).exists()
    assert Family.objects.filter(pk=younger.pk).exists()
    event = AccessEvent.objects.get(family_id=gone.pk, action="delete")
    assert event.record_type == "families.family"


@pytest.mark.parametrize(
    "still_open",
    [
        lambda family: SupportRequestFactory(
            child=family.children.first(), status=RequestStatus.SUPPORT_PATHWAY
        ),
        lambda family: complaint_for(family),
    ],
    ids=["a request in progress", "a complaint being answered"],
)
def test_nothing_in_an_open_case_is_ever_removed(council, still_open):
    family = _grown_up(_closed(family_with_everyone(council)), years_past_18=40)
    still_open(family)
    _message(family, days_ago=5000)
    runs = {run.kind: run for run in services.retention_apply(council=council)}
    assert Family.objects.filter(pk=family.pk).exists()
    assert Notification.objects.filter(family=family).count() == 1
    assert (runs[Kind.FAMILY_RECORDS].removed, runs[Kind.FAMILY_RECORDS].kept_open) == (0, 1)
    assert not AccessEvent.objects.filter(family_id=family.pk, action="delete").exists()


def test_the_daily_task_covers_every_council_and_the_page_shows_the_last_run(
    council, other_council, admin
):
    _message(_closed(family_with_everyone(council)), days_ago=900)
    _message(_closed(family_with_everyone(other_council)), days_ago=900)
    assert apply_retention.call() == {"messages": 2, "family_records": 0, "finished_tasks": 0}
    assert RetentionRun.objects.filter(kind=Kind.MESSAGES, removed=1).count() == 2
    page = signed_in_client(admin).get("/staff/retention/")
    assert page.status_code == 200
    assert "Messages sent to families: 1 removed." in page.content.decode()


def test_months_before_keeps_to_the_end_of_a_short_month():
    assert services.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert services.months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_a_whole_record_goes_with_its_letters_decisions_and_plans(council, other_council):
    """A child, an assessment and a decision are each guarded against being removed alone (a
    letter names the child, a decision its assessment, a plan its decision); the whole family
    goes together. One family that could not go would stop every council's nightly run."""
    from supportfirst.eligibility.models import EligibilityDecision
    from supportfirst.letters.models import Letter
    from supportfirst.plans.models import SupportPlan
    from tests.eligibility.factories import decision_for
    from tests.letters.factories import sent_letter_for

    family = family_with_everyone(council)
    decision_for(family, confirm=True)
    sent_letter_for(family)
    SupportRequest.objects.filter(family=family).update(status=RequestStatus.INFORMATION_GIVEN)
    _grown_up(family, years_past_18=26)
    assert Letter.objects.filter(family=family, child__isnull=False).exists()
    later = _grown_up(_closed(family_with_everyone(other_council)), years_past_18=26)

    assert apply_retention.call()["family_records"] == 2

    assert not Family.objects.filter(pk__in=[family.pk, later.pk]).exists()
    assert not Letter.objects.filter(family_id=family.pk).exists()
    assert not EligibilityDecision.objects.filter(family_id=family.pk).exists()
    assert not SupportPlan.objects.filter(family_id=family.pk).exists()
    assert AccessEvent.objects.filter(family_id=family.pk, action="delete").exists()


def test_a_second_save_from_an_old_page_gets_the_conflict_page(admin, council):
    first, second = signed_in_client(admin), signed_in_client(admin)
    opened = services.periods_version(council.pk)
    assert (
        first.post(
            "/staff/retention/", {"version": opened, "messages": "36", "family_records": "300"}
        ).status_code
        == 302
    )
    stale = second.post(
        "/staff/retention/", {"version": opened, "messages": "12", "family_records": "300"}
    )
    assert stale.status_code == 409
    assert "Someone else saved the retention periods after you opened the page." in (
        stale.content.decode()
    )
    assert RetentionPeriod.objects.get(council=council, kind=Kind.MESSAGES).months == 36
    page = second.get("/staff/retention/").content.decode()
    assert f'name="version" value="{services.periods_version(council.pk)}"' in page
