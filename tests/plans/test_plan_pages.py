"""Support plan pages: reading a plan is logged, and the pages keep their query counts flat."""

from __future__ import annotations

from django.urls import reverse

from supportfirst.audit.models import AccessEvent
from supportfirst.plans import services
from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.letters.factories import actor_for
from tests.plans.factories import shared_plan_for


def test_reading_a_plan_is_logged(family, worker):
    plan = shared_plan_for(family)
    signed_in_client(worker).get(reverse("plans:plan", kwargs={"plan_id": plan.pk}))
    signed_in_client(family_user(family)).get(
        reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    )
    roles = set(
        AccessEvent.objects.filter(
            record_type="plans.supportplan", record_id=str(plan.pk), action="view"
        ).values_list("role", flat=True)
    )
    assert roles == {"practitioner", "family_member"}


def test_the_plan_lists_keep_their_query_counts_flat(
    council, worker, django_assert_max_num_queries
):
    families = [family_with_everyone(council) for _ in range(2)]
    for family in families:
        shared_plan_for(family)
    client = signed_in_client(worker)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    assert families[0].name in response.content.decode()
    for _ in range(8):
        family = family_with_everyone(council)
        services.review_ask(
            actor=actor_for(family_user(family)), plan=shared_plan_for(family), what_changed="x"
        )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    assert family.name in response.content.decode()  # the last family, asking for a review
    plan = shared_plan_for(families[0])
    with django_assert_max_num_queries(25):
        response = client.get(reverse("plans:plan", kwargs={"plan_id": plan.pk}))
    assert response.status_code == 200
    assert f"{plan.family.name}, {plan.request.reference}" in response.content.decode()


def test_the_plan_page_keeps_its_query_count_flat(family, worker):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.plans.factories import OutcomeFactory, PlannedServiceFactory, ReviewFactory

    plan = shared_plan_for(family)
    client = signed_in_client(worker)
    staff_url = reverse("plans:plan", kwargs={"plan_id": plan.pk})
    family_client = signed_in_client(family_user(family))
    family_url = reverse("family_plans:plan", kwargs={"plan_id": plan.pk})

    def counts() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as staff:
            staff_page = client.get(staff_url)
        with CaptureQueriesContext(connection) as own:
            own_page = family_client.get(family_url)
        for page in (staff_page, own_page):
            assert page.status_code == 200
            assert plan.child.first_name in page.content.decode()
        return len(staff), len(own)

    counts()  # the first visit may do one-off work (sessions, caches)
    before = counts()
    for _ in range(5):
        OutcomeFactory(plan=plan)
        PlannedServiceFactory(plan=plan)
        ReviewFactory(plan=plan)
    assert counts() == before
