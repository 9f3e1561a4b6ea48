"""Support plans: started after the assessment is authorised, written, shared and reopened."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from supportfirst.councils.models import Role
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, guard_message
from supportfirst.pathway.models import PathwayEvent
from supportfirst.plans import moves, services
from supportfirst.plans.models import PlanStatus
from tests.accounts.factories import staff_user
from tests.assessments.factories import AssessmentFactory, AuthorisedAssessmentFactory
from tests.conftest import signed_in_client
from tests.letters.factories import actor_for
from tests.lost_updates import second_save
from tests.plans.factories import draft_plan_for, shared_plan_for, written_plan


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


def test_sharing_tells_the_family(sent_at_once, family, worker):
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
    assert "You can ask for a direct payment for each service in this plan" in page
    assert "We must make it if we are satisfied that the need can be met this way" in page
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


def _details(words: str) -> dict[str, str]:
    return {
        "starts_on_0": "1",
        "starts_on_1": "12",
        "starts_on_2": "2026",
        "review_due_on_0": "1",
        "review_due_on_1": "6",
        "review_due_on_2": "2027",
        "direct_payment_choice": "mix",
        "direct_payment_words": words,
        "charging": "no_charge",
    }


def test_a_second_save_of_the_plans_details_does_not_overwrite_the_first(family, worker, council):
    plan = draft_plan_for(family)
    url = reverse("plans:details", kwargs={"plan_id": plan.pk})
    colleague = signed_in_client(staff_user(council, Role.PRACTITIONER))
    page = second_save(
        signed_in_client(worker),
        colleague,
        url,
        _details("Claire wants the council to arrange the sitter."),
        _details("Claire wants a direct payment for everything."),
    )
    assert "Claire wants the council to arrange the sitter." in page
    assert "Claire wants a direct payment for everything." in page
    assert worker.get_full_name() in page
    plan.refresh_from_db()
    assert plan.direct_payment_words == "Claire wants the council to arrange the sitter."
    assert plan.updated_by == worker
