"""Independent advocacy in the plan: offered and recorded while it is a draft, needed before it
is shared, and shown to the family on the plan page and in the plan letter and its PDF."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from supportfirst.families.advocacy import AdvocacyAnswer, AdvocacyInput
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, guard_message
from supportfirst.letters import services as letter_services
from supportfirst.pathway.models import PathwayEvent
from supportfirst.plans import moves, services
from supportfirst.plans.models import PlanStatus
from supportfirst.plans.selectors import staff_text_of
from tests.accounts.factories import family_user
from tests.assessments.conftest import text_of
from tests.conftest import signed_in_client
from tests.letters.factories import actor_for
from tests.letters.world import make_world
from tests.plans.factories import draft_plan_for, shared_plan_for, written_plan


def _url(plan) -> str:
    return reverse("plans:advocacy", kwargs={"plan_id": plan.pk})


def test_advocacy_answer_is_recorded(family, worker):
    plan = written_plan(draft_plan_for(family))
    plan.advocacy_answer = ""
    plan.save(update_fields=["advocacy_answer"])
    with pytest.raises(MoveRefused) as refused:
        services.plan_share(actor=actor_for(worker), plan=plan)
    assert refused.value.messages == [guard_message(moves.advocacy_answer_is_recorded)]


def test_sharing_without_the_answer_is_explained_on_the_plan_page(family, worker):
    plan = written_plan(draft_plan_for(family))
    plan.advocacy_answer = ""
    plan.save(update_fields=["advocacy_answer"])
    response = signed_in_client(worker).post(reverse("plans:share", kwargs={"plan_id": plan.pk}))
    assert response.status_code == 400
    assert "Record whether independent advocacy was offered" in text_of(response)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_the_worker_records_the_answer_on_the_plan(family, worker):
    plan = draft_plan_for(family)
    client = signed_in_client(worker)
    page = client.get(_url(plan))
    assert page.status_code == 200
    assert f"Offer {plan.child.first_name} an independent advocate" in text_of(page)

    missing = client.post(_url(plan), {"answer": "accepted"})
    assert missing.status_code == 400
    assert "Enter the advocate's organisation" in text_of(missing)
    assert re.search(r'value="accepted"\s+checked', text_of(missing))

    response = client.post(
        _url(plan),
        {"on_0": "1", "on_1": "12", "on_2": "2026", "answer": "declined", "organisation": "X"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.advocacy_answer, plan.advocacy_on, plan.advocate_organisation) == (
        AdvocacyAnswer.DECLINED,
        datetime.date(2026, 12, 1),
        "",
    )
    assert PathwayEvent.objects.filter(move="record_advocacy").exists()
    staff_page = client.get(reverse("plans:plan", kwargs={"plan_id": plan.pk}))
    assert staff_page.status_code == 200
    assert "Declined: they do not want an advocate now" in text_of(staff_page)


def test_the_answer_cannot_change_once_shared(family, worker):
    plan = shared_plan_for(family)
    with pytest.raises(IllegalMove):
        services.advocacy_save(
            actor=actor_for(worker),
            plan=plan,
            given=AdvocacyInput(answer=AdvocacyAnswer.ACCEPTED, on=timezone.localdate()),
        )


def test_the_reason_it_is_not_appropriate_is_checked_by_the_wording_gate(family, worker):
    plan = draft_plan_for(family)
    reason = "Sam asked us to talk only with his mum, and said no to anyone new."
    saved = services.advocacy_save(
        actor=actor_for(worker),
        plan=plan,
        given=AdvocacyInput(
            answer=AdvocacyAnswer.NOT_APPROPRIATE, on=timezone.localdate(), reason=reason
        ),
    )
    assert staff_text_of(saved)["why an advocate is not appropriate"] == reason


def test_the_family_sees_the_answer_and_how_to_get_an_advocate(family):
    plan = shared_plan_for(family)
    name = plan.child.first_name
    response = signed_in_client(family_user(family)).get(
        reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    )
    assert response.status_code == 200
    page = text_of(response)
    assert f"An advocate for {name}" in page
    assert f"{name} did not want an advocate." in page
    assert "Advocacy services are for children and young people" in page
    assert f"To ask for an advocate for {name}, at any time, tell your worker" in page


@pytest.mark.parametrize(
    ("variant", "words"),
    [
        ("standard", "Sam wanted an advocate. The advocate is from Northshire Young Voices."),
        ("easy_read", "The advocate is from Northshire Young Voices."),
    ],
)
def test_the_plan_letter_and_its_pdf_say_it(db, variant, words):
    world = make_world()
    letter = letter_services.letter_prepare(
        actor=actor_for(world.worker),
        family=world.family,
        kind="support_plan",
        source=world.plan,
        variant=variant,
    )
    reader = PdfReader(io.BytesIO(letter.pdf_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "An advocate for Sam" in text
    assert words in text
