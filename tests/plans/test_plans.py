"""Support plans: written with the family, shared, agreed or disagreed, reviewed."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from supportfirst.audit.models import AccessEvent
from supportfirst.councils.models import Role
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, guard_message
from supportfirst.pathway.models import PathwayEvent
from supportfirst.plans import catalogue, moves, services
from supportfirst.plans.models import PlanReviewRequest, PlanStatus
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import AssessmentFactory, AuthorisedAssessmentFactory
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.letters.factories import actor_for
from tests.plans.factories import draft_plan_for, shared_plan_for, written_plan


@pytest.fixture
def worker(council):
    return staff_user(council, Role.PRACTITIONER)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 8, 31), 6, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 12, 1), 6, datetime.date(2027, 6, 1)),
        (datetime.date(2026, 7, 15), 12, datetime.date(2027, 7, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert services.add_months(day, months) == expected


def test_a_plan_starts_only_after_the_assessment_is_authorised(family, worker):
    request = AssessmentFactory(request__child=family.children.first()).request
    with pytest.raises(MoveRefused, match="must be authorised"):
        services.plan_start(actor=actor_for(worker), request=request)


def test_the_review_date_defaults_to_the_councils_setting(family, worker):
    family.council.plan_review_months = 3
    family.council.save()
    request = AuthorisedAssessmentFactory(request__child=family.children.first()).request
    today = datetime.date(2026, 11, 30)
    plan = services.plan_start(actor=actor_for(worker), request=request, today=today)
    assert plan.review_due_on == datetime.date(2027, 2, 28)
    assert services.plan_start(actor=actor_for(worker), request=request) == plan
    assert PathwayEvent.objects.filter(request=request, move="start", record_id=plan.pk).exists()


@pytest.mark.parametrize(
    ("guard", "missing"),
    [
        (moves.has_an_outcome, "outcomes"),
        (moves.has_a_service, "services"),
        (moves.direct_payment_choice_recorded, "choice"),
    ],
)
def test_sharing_needs_each_part_of_the_plan(family, worker, guard, missing):
    plan = written_plan(draft_plan_for(family))
    if missing == "choice":
        plan.direct_payment_choice = ""
        plan.save()
    else:
        getattr(plan, missing).all().delete()
    with pytest.raises(MoveRefused) as refused:
        services.plan_share(actor=actor_for(worker), plan=plan)
    assert refused.value.messages == [guard_message(guard)]


def test_sharing_tells_the_family(family, worker):
    family.parent_carers.update(email="parent@example.test")
    plan = written_plan(draft_plan_for(family))
    services.plan_share(actor=actor_for(worker), plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED
    assert plan.shared_by == worker
    assert [m.subject for m in mail.outbox] == [
        f"{plan.child.first_name}'s support plan is ready to read"
    ]
    with pytest.raises(IllegalMove):
        services.plan_share(actor=actor_for(worker), plan=plan)


def test_the_family_cannot_read_a_draft(family):
    plan = draft_plan_for(family)
    client = signed_in_client(family_user(family))
    assert client.get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk})).status_code == 404
    assert client.get(reverse("family_plans:list")).status_code == 200


def test_the_family_agrees_in_their_own_words(family):
    plan = shared_plan_for(family)
    client = signed_in_client(family_user(family))
    url = reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    response = client.post(
        url, {"answer": "agree", "words": "Thank you, this is what we asked for."}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    assert plan.family_response == "Thank you, this is what we asked for."
    assert "You agreed with this plan" in client.get(url).content.decode()
    assert client.post(url, {"answer": "disagree", "words": "x"}).status_code == 409


def test_disagreeing_needs_their_words_and_shows_how_to_complain(family):
    plan = shared_plan_for(family)
    client = signed_in_client(family_user(family))
    url = reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    empty = client.post(url, {"answer": "disagree", "words": "  "})
    assert empty.status_code == 400
    assert "Tell us what you disagree with, in your own words" in empty.content.decode()
    assert PlanStatus(type(plan).objects.get(pk=plan.pk).status) == PlanStatus.SHARED
    words = "Six hours is not enough. He needs a weekend overnight."
    assert client.post(url, {"answer": "disagree", "words": words}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DISAGREED
    assert not plan.is_agreed
    page = client.get(url).content.decode()
    assert words in page
    assert 'href="/family/complaints/"' in page
    assert "Local Government and Social Care Ombudsman" in page
    staff_page = signed_in_client(staff_user(family.council)).get(
        reverse("plans:plan", kwargs={"plan_id": plan.pk})
    )
    assert words in staff_page.content.decode()


def test_only_the_family_answers(family, worker):
    plan = shared_plan_for(family)
    with pytest.raises(PermissionDenied):
        services.plan_respond(actor=actor_for(worker), plan=plan, agree=True, words="")


def test_the_family_asks_for_a_review_and_staff_see_it(family, worker):
    plan = shared_plan_for(family)
    client = signed_in_client(family_user(family))
    url = reverse("family_plans:ask_review", kwargs={"plan_id": plan.pk})
    assert client.post(url, {"what_changed": ""}).status_code == 400
    assert client.post(url, {"what_changed": "Sam has started a new school."}).status_code == 302
    staff = signed_in_client(worker)
    page = staff.get(reverse("plans:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "The family asked for a review" in page
    assert "Sam has started a new school." in page
    listing = staff.get(reverse("plans:list")).content.decode()
    assert reverse("plans:plan", kwargs={"plan_id": plan.pk}) in listing


def test_a_review_sets_the_next_review_date_and_answers_requests(family, worker):
    plan = shared_plan_for(family)
    parent = family_user(family)
    services.review_ask(actor=actor_for(parent), plan=plan, what_changed="New school.")
    given = services.ReviewInput(
        reviewed_on=datetime.date(2027, 1, 10),
        what_changed="Sam now goes to the club twice a week.",
        family_view="It is working well.",
        next_review_on=datetime.date(2027, 7, 10),
    )
    review = services.review_record(actor=actor_for(worker), plan=plan, given=given)
    plan.refresh_from_db()
    assert plan.review_due_on == datetime.date(2027, 7, 10)
    assert not PlanReviewRequest.objects.filter(plan=plan, answered_by__isnull=True).exists()
    assert review.requests.count() == 1


def test_a_review_date_before_the_review_is_refused(family, worker):
    plan = shared_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:review_new", kwargs={"plan_id": plan.pk})
    response = client.post(
        url,
        {
            "reviewed_on_0": "10",
            "reviewed_on_1": "1",
            "reviewed_on_2": "2027",
            "what_changed": "Kept text",
            "family_view": "Their view",
            "next_review_on_0": "1",
            "next_review_on_1": "1",
            "next_review_on_2": "2027",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The next review date must be after the date of this review" in page
    assert "Kept text" in page


def test_a_draft_cannot_be_reviewed(family, worker):
    plan = draft_plan_for(family)
    given = services.ReviewInput(
        reviewed_on=datetime.date(2027, 1, 10),
        what_changed="x",
        family_view="y",
        next_review_on=datetime.date(2027, 7, 10),
    )
    with pytest.raises(IllegalMove):
        services.review_record(actor=actor_for(worker), plan=plan, given=given)


def test_a_service_takes_its_law_from_the_criteria(db):
    from tests.councils.factories import CouncilFactory

    ashvale = CouncilFactory(la_code="957")  # Ashvale's own published criteria
    plan = draft_plan_for(family_with_everyone(ashvale))
    client = signed_in_client(staff_user(ashvale, Role.PRACTITIONER))
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    page = client.get(url).content.decode()
    assert "Short breaks (the council must provide it)" in page
    data = {
        "code": "short-breaks",
        "provider": "Riverside Club",
        "amount": "6 hours",
        "frequency": "every week",
        "start_on_0": "1",
        "start_on_1": "12",
        "start_on_2": "2026",
        "cost": "90.50",
        "cost_period": "week",
        "arrangement": "council",
    }
    assert client.post(url, data).status_code == 302
    service = plan.services.get()
    assert service.legal_basis == (
        "Children Act 1989, Schedule 2, paragraph 6; "
        "Breaks for Carers of Disabled Children Regulations 2011, regulation 3"
    )
    assert service.duty_or_power == "duty"
    assert service.cost == Decimal("90.50")
    assert service.weekly_cost == Decimal("90.50")


def test_bad_input_on_a_service_keeps_what_was_typed(family, worker):
    plan = draft_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    response = client.post(
        url,
        {"code": "other", "provider": "Typed provider", "cost": "-3", "cost_period": "week"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter the name of the service" in page
    assert "Enter the law the service is given under" in page
    assert "The cost cannot be less than £0" in page
    assert "Typed provider" in page
    assert not plan.services.exists()
    response = client.post(url, {"code": "not-a-service", "provider": "P"})
    assert response.status_code == 400


def test_another_service_is_written_in_with_its_law(family, worker):
    plan = draft_plan_for(family)
    given = services.ServiceInput(
        code=catalogue.OTHER,
        provider="Equipment library",
        amount="1 car seat",
        frequency="once",
        start_on=datetime.date(2026, 12, 1),
        cost=Decimal("450"),
        cost_period="once",
        other_name="A special car seat",
        other_legal_basis="Chronically Sick and Disabled Persons Act 1970, section 2(1)(e)",
    )
    service = services.service_add(actor=actor_for(worker), plan=plan, given=given)
    assert service.cost_text == "£450.00 once only"
    assert service.weekly_cost is None


def test_outcomes_are_kept_in_the_familys_words(family, worker):
    plan = draft_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:outcome_add", kwargs={"plan_id": plan.pk})
    assert client.post(url, {"text": "", "said_by": ""}).status_code == 400
    words = "We'd like a whole night's sleep, just once a week."
    assert client.post(url, {"text": words, "said_by": "Claire (Mum)"}).status_code == 302
    assert plan.outcomes.get().text == words
    remove = reverse("plans:outcome_remove", kwargs={"plan_id": plan.pk})
    assert client.post(remove, {"item": "nonsense"}).status_code == 400
    assert client.post(remove, {"item": plan.outcomes.get().pk}).status_code == 302
    assert not plan.outcomes.exists()


def test_details_review_date_before_start_is_refused(family, worker):
    plan = draft_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:details", kwargs={"plan_id": plan.pk})
    page = client.get(url).content.decode()
    assert "A direct payment is money from the council" in page
    response = client.post(
        url,
        {
            "starts_on_0": "1",
            "starts_on_1": "12",
            "starts_on_2": "2026",
            "review_due_on_0": "1",
            "review_due_on_1": "11",
            "review_due_on_2": "2026",
            "direct_payment_choice": "mix",
            "direct_payment_words": "Typed words",
        },
    )
    assert response.status_code == 400
    assert "The review date must be after the date the plan starts" in response.content.decode()
    assert "Typed words" in response.content.decode()


def test_changes_after_sharing_need_the_plan_reopened(family, worker):
    plan = shared_plan_for(family)
    with pytest.raises(IllegalMove):
        services.outcome_add(actor=actor_for(worker), plan=plan, text="x", said_by="y")
    services.plan_reopen(actor=actor_for(worker), plan=plan)
    assert services.outcome_add(actor=actor_for(worker), plan=plan, text="x", said_by="y")


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


def test_the_service_types_come_from_the_councils_published_criteria(db):
    from tests.councils.factories import CouncilFactory

    ashvale = CouncilFactory(la_code="957")
    found = catalogue.from_criteria(ashvale, datetime.date(2026, 11, 23))
    help_at_home = next(c for c in found if c.code == "help-at-home")
    assert help_at_home.legal_basis == (
        "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"
    )
    assert help_at_home.duty_or_power == "duty"


def test_the_confirmed_decisions_met_services_come_first(db):
    from tests.councils.factories import CouncilFactory

    line = type(
        "Line",
        (),
        {
            "code": "short-breaks",
            "name": "Short breaks",
            "met": True,
            "legal_basis_citations": ["Children Act 1989, Schedule 2, paragraph 6"],
            "duty_or_power": "duty",
        },
    )
    unmet = type("Unmet", (line,), {"code": "help-at-home", "name": "Help", "met": False})
    decision = type(
        "Decision", (), {"status": "confirmed", "final_services": lambda self: [line(), unmet()]}
    )()
    found = catalogue.choices_for(decision=decision, council=None, today=datetime.date.today())
    assert [c.code for c in found] == ["short-breaks"]
    # A decision not yet confirmed: every service in the council's criteria, and what that
    # decision says is not met (help at home) is not marked so.
    ashvale = CouncilFactory(la_code="957")
    today = datetime.date.today()
    decision.status = "awaiting_confirmation"
    found = catalogue.choices_for(decision=decision, council=ashvale, today=today)
    assert found == catalogue.from_criteria(ashvale, today)
    help_at_home = next(c for c in found if c.code == "help-at-home")
    assert not help_at_home.not_met


def test_a_plan_takes_its_services_from_the_confirmed_decision(db):
    from tests.councils.factories import CouncilFactory
    from tests.eligibility.factories import decision_for

    family = family_with_everyone(CouncilFactory(la_code="957"))
    decision = decision_for(family, confirm=True)
    worker = decision.made_by
    plan = services.plan_start(actor=actor_for(worker), request=decision.assessment.request)
    assert plan.decision == decision
    met = [line.code for line in decision.final_services() if line.met]
    assert met
    assert [c.code for c in services.service_choices(plan)] == met


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


def test_a_young_person_reads_only_their_own_plan(family):
    from tests.families.factories import ChildFactory

    own = shared_plan_for(family)
    brother = ChildFactory(family=family)
    other = draft_plan_for(family)
    other.child = brother
    other.status = PlanStatus.SHARED
    other.save()
    client = signed_in_client(family_user(family, child=own.child))
    assert client.get(reverse("family_plans:plan", kwargs={"plan_id": own.pk})).status_code == 200
    assert client.get(reverse("family_plans:plan", kwargs={"plan_id": other.pk})).status_code == 404


def _not_met_world():
    from tests.councils.factories import CouncilFactory
    from tests.eligibility.factories import decision_for

    family = family_with_everyone(CouncilFactory(la_code="957"))
    decision = decision_for(family, confirm=True)
    plan = services.plan_start(
        actor=actor_for(decision.made_by), request=decision.assessment.request
    )
    [unmet, *_] = [line for line in decision.final_services() if not line.met]
    [met, *_] = [line for line in decision.final_services() if line.met]
    return family, decision, plan, unmet, met


NOT_MET_POST = {
    "code": "other",
    "other_legal_basis": "Chronically Sick and Disabled Persons Act 1970, section 2(1)(d)",
    "provider": "Ashvale Transport",
    "amount": "2 journeys",
    "frequency": "every week",
    "start_on_0": "1",
    "start_on_1": "12",
    "start_on_2": "2026",
    "cost": "40",
    "cost_period": "week",
    "arrangement": "council",
}


def test_a_service_the_decision_said_no_to_needs_a_recorded_reason(db):
    _family, decision, plan, unmet, _met = _not_met_world()
    client = signed_in_client(decision.made_by)
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    response = client.post(url, {**NOT_MET_POST, "other_name": unmet.name})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f"The decision said “{unmet.name}” is not met" in page
    assert not plan.services.exists()
    with pytest.raises(MoveRefused, match="not met"):
        services.service_add(
            actor=actor_for(decision.made_by),
            plan=plan,
            given=services.ServiceInput(
                code=catalogue.OTHER,
                other_name=unmet.name.upper(),
                other_legal_basis="Children Act 1989, section 17",
                provider="P",
                amount="1",
                frequency="once",
                start_on=datetime.date(2026, 12, 1),
                cost=Decimal("0"),
                cost_period="once",
            ),
        )
    reason = "Sam cannot get to school clubs without this; we agreed at the meeting."
    response = client.post(
        url, {**NOT_MET_POST, "other_name": unmet.name, "not_met_reason": reason}
    )
    assert response.status_code == 302
    service = plan.services.get()
    assert service.not_met_reason == reason
    staff_page = client.get(reverse("plans:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "Added although the decision said not now, because:" in staff_page
    assert "The council has agreed to provide this." in staff_page
    assert "The council must provide this." not in staff_page


def test_a_met_service_needs_no_reason_and_the_family_reads_the_truth(db):
    family, decision, plan, unmet, met = _not_met_world()
    worker = decision.made_by
    given = services.ServiceInput(
        code=met.code,
        provider="Riverside Club",
        amount="6 hours",
        frequency="every week",
        start_on=datetime.date(2026, 12, 1),
        cost=Decimal("90"),
        cost_period="week",
    )
    services.service_add(actor=actor_for(worker), plan=plan, given=given)
    services.service_add(
        actor=actor_for(worker),
        plan=plan,
        given=services.ServiceInput(
            **{
                **given.__dict__,
                "code": catalogue.OTHER,
                "other_name": unmet.name,
                "other_legal_basis": "Children Act 1989, section 17",
                "not_met_reason": "Agreed with the family at the meeting.",
            }
        ),
    )
    from supportfirst.plans.models import PlanStatus as Status

    type(plan).objects.filter(pk=plan.pk).update(status=Status.SHARED)
    page = signed_in_client(family_user(family)).get(
        reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Added although the decision said not now, because: Agreed with the family" in text
    assert text.count("The council has agreed to provide this.") == 1
    if met.duty_or_power == "duty":
        assert text.count("The council must provide this.") == 1
