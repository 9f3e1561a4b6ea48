"""The growing-up pages: the prompt on My work and the family page, the forms with their error
summaries, the advice clock on My work, the H1/H2 export and the family's page."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from supportfirst.audit.models import AccessEvent
from supportfirst.rules import transition as rules
from supportfirst.transition.models import Transition
from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.families.factories import ChildFactory, family_with_everyone
from tests.plans.factories import PlannedServiceFactory, shared_plan_for
from tests.transition.factories import AdviceRequestFactory, TransitionFactory, born_years_ago


@pytest.fixture
def sam(family):
    return ChildFactory(family=family, first_name="Sam", date_of_birth=born_years_ago(15))


def test_my_work_prompts_for_a_young_person_of_14_with_no_plan(worker, sam):
    response = signed_in_client(worker).get(reverse("frontdoor:my_work"))
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "Young people to start planning for adult life with" in page
    assert reverse("transition:growing_up", kwargs={"child_id": sam.pk}) in page


def test_the_prompt_goes_once_planning_has_started(worker, sam):
    TransitionFactory(child=sam)
    response = signed_in_client(worker).get(reverse("frontdoor:my_work"))
    assert response.status_code == 200
    assert "Young people to start planning for adult life with" not in unescape(
        response.content.decode()
    )


def test_the_family_page_prompts_the_worker(worker, sam):
    response = signed_in_client(worker).get(
        reverse("staff:family", kwargs={"family_id": sam.family_id})
    )
    assert response.status_code == 200
    assert "Start planning with Sam" in unescape(response.content.decode())


def test_my_work_keeps_its_query_count_flat_as_young_people_grow(
    council, worker, django_assert_max_num_queries
):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("frontdoor:my_work"))
        assert response.status_code == 200
        return len(queries)

    client = signed_in_client(worker)
    ChildFactory(family=family_with_everyone(council), date_of_birth=born_years_ago(15))
    few = count()
    for _ in range(6):
        family = family_with_everyone(council)
        ChildFactory(family=family, date_of_birth=born_years_ago(16))
        AdviceRequestFactory(child=family.children.first())
    assert count() == few


def test_starting_from_the_page(worker, sam):
    client = signed_in_client(worker)
    page = client.get(reverse("transition:growing_up", kwargs={"child_id": sam.pk}))
    assert page.status_code == 200
    assert "Start planning for Sam's adult life" in unescape(page.content.decode())
    response = client.post(reverse("transition:start", kwargs={"child_id": sam.pk}), follow=True)
    assert response.status_code == 200
    assert "Planning for Sam's adult life started." in unescape(response.content.decode())
    assert Transition.objects.filter(child=sam).exists()


def test_the_consent_form_shows_the_rule_in_the_error_summary(worker, sam):
    transition = TransitionFactory(child=sam)
    today = timezone.localdate()
    response = signed_in_client(worker).post(
        reverse("transition:assessment", kwargs={"transition_id": transition.pk}),
        {
            "benefit": "yes",
            "consent_asked": "cannot_decide",
            "capacity_reason": "",
            "consent": "given",
            "consent_on_0": today.day,
            "consent_on_1": today.month,
            "consent_on_2": today.year,
        },
    )
    assert response.status_code == 400
    page = unescape(response.content.decode())
    assert "govuk-error-summary" in page
    assert "Write why the young person cannot make this decision for themselves" in page


def test_the_consent_form_keeps_what_was_typed(worker, sam):
    transition = TransitionFactory(child=sam)
    response = signed_in_client(worker).post(
        reverse("transition:assessment", kwargs={"transition_id": transition.pk}),
        {"benefit": "no", "benefit_reason": ""},
    )
    assert response.status_code == 400
    assert "Write why a transition assessment would not be of significant benefit now" in (
        unescape(response.content.decode())
    )


def test_the_advice_clock_is_on_my_work_with_its_due_date(worker, sam):
    requested = timezone.localdate() - timedelta(days=10)
    advice = AdviceRequestFactory(child=sam, requested_on=requested)
    response = signed_in_client(worker).get(reverse("frontdoor:my_work"))
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "Social care advice for Sam's EHC needs assessment" in page
    assert reverse("transition:advice", kwargs={"advice_id": advice.pk}) in page
    due = rules.advice_due(requested)
    assert f"{due.day} {due:%B %Y}" in page


def test_recording_a_request_starts_the_clock(worker, sam):
    day = timezone.localdate()
    response = signed_in_client(worker).post(
        reverse("transition:advice_new", kwargs={"child_id": sam.pk}),
        {"requested_on_0": day.day, "requested_on_1": day.month, "requested_on_2": day.year},
        follow=True,
    )
    assert response.status_code == 200
    due = day + timedelta(weeks=6)
    assert f"The advice is due by {due.day} {due:%B %Y}." in unescape(response.content.decode())


def test_the_export_writes_sections_h1_and_h2(worker, family):
    plan = shared_plan_for(family)  # a Saturday club under CSDPA s2(1)(c)
    PlannedServiceFactory(
        plan=plan,
        name="Overnight stays",
        route="s17_overnight",
        legal_basis="Children Act 1989, section 17(1); Children Act 1989, section 17(6)",
    )
    child = plan.child
    client = signed_in_client(worker)
    page = client.get(reverse("transition:provision", kwargs={"child_id": child.pk}))
    assert page.status_code == 200
    text = client.get(reverse("transition:provision_text", kwargs={"child_id": child.pk}))
    assert text.status_code == 200
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    body = unescape(text.content.decode())
    h1, h2 = body.split(rules.H2_TITLE)
    assert "Short breaks in the day" in h1
    assert "Overnight stays" in h2
    assert AccessEvent.objects.filter(
        record_type="plans.supportplan", record_id=str(plan.pk), action="view"
    ).exists()


def test_the_export_without_a_plan_says_so(worker, sam):
    client = signed_in_client(worker)
    response = client.get(
        reverse("transition:provision_text", kwargs={"child_id": sam.pk}), follow=True
    )
    assert response.status_code == 200
    assert "Sam has no support plan shared with the family yet" in unescape(
        response.content.decode()
    )


def test_the_family_reads_their_rights_and_each_step(worker, sam):
    transition = TransitionFactory(child=sam, own_words="I want to go to college in town.")
    from supportfirst.transition import services
    from tests.letters.factories import actor_for

    services.own_words_record(
        actor=actor_for(worker), transition=transition, words="I want to go to college in town."
    )
    response = signed_in_client(family_user(sam.family)).get(
        reverse("family_transition:growing_up", kwargs={"child_id": sam.pk})
    )
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert rules.LAW_SENTENCE in page
    assert "It is Sam's right to ask for one" in page
    assert "Sam's own words about adult life were written down." in page
    assert "I want to go to college in town." in page
    assert AccessEvent.objects.filter(
        record_type="transition.transition", record_id=str(transition.pk), role="family_member"
    ).exists()


def test_a_parent_does_not_read_words_the_young_person_keeps_private(sam):
    from supportfirst.asking.models import YoungPersonSharing

    TransitionFactory(child=sam, own_words="Secretplan: my own flat by the sea.")
    YoungPersonSharing.objects.create(
        family=sam.family, child=sam, share_own_views_with_parents=False
    )
    url = reverse("family_transition:growing_up", kwargs={"child_id": sam.pk})
    response = signed_in_client(family_user(sam.family)).get(url)
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "Secretplan" not in page
    assert "Sam has chosen to keep their own words between themselves and the council" in page
    own = signed_in_client(family_user(sam.family, child=sam)).get(url)
    assert own.status_code == 200
    assert "Secretplan" in unescape(own.content.decode())


def test_the_family_reads_the_significant_benefit_test_and_written_reasons(sam):
    TransitionFactory(child=sam, benefit="no", benefit_reason="Sam's needs are met at school.")
    response = signed_in_client(family_user(sam.family)).get(
        reverse("family_transition:growing_up", kwargs={"child_id": sam.pk})
    )
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert (
        "Why the council decided a transition assessment would not be of significant benefit "
        "to Sam now" in page
    )
    assert "would not help now" not in page
    # Care Act 2014 s58(5): a refused request gets written reasons.
    assert "it must tell the person who asked why, in writing" in page
    assert "does the council decide whether the assessment is in their best interests" in page


def test_the_consent_question_explains_best_interests_and_abuse_or_neglect(worker, sam):
    transition = TransitionFactory(child=sam)
    response = signed_in_client(worker).get(
        reverse("transition:assessment", kwargs={"transition_id": transition.pk})
    )
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "only if the assessment is in their best interests" in page
    assert "at risk of, abuse or neglect, the council must still assess" in page


@pytest.mark.parametrize(
    ("first_name", "filename"),
    [
        ("Zoë", "ehc-plan-social-care-zoe.txt"),
        ('Jo "JJ"\nSmith', "ehc-plan-social-care-jo-jj-smith.txt"),
    ],
)
def test_the_download_is_named_safely_whatever_the_name(worker, family, first_name, filename):
    # A name as the family typed it (accents, quotes, a line break) never breaks the header.
    plan = shared_plan_for(family)
    plan.child.first_name = first_name
    plan.child.save(update_fields=["first_name"])
    response = signed_in_client(worker).get(
        reverse("transition:provision_text", kwargs={"child_id": plan.child.pk})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert first_name in response.content.decode()


def test_the_young_person_is_spoken_to_not_as_their_own_parent(sam):
    url = reverse("family_transition:growing_up", kwargs={"child_id": sam.pk})
    own = signed_in_client(family_user(sam.family, child=sam)).get(url)
    assert own.status_code == 200
    page = unescape(own.content.decode())
    assert "It is your right to ask for one, and your parent carers' too." in page
    assert "yours as a parent carer" not in page
    assert "We ask you whether you agree: your answer is the one that counts" in page
    parent = signed_in_client(family_user(sam.family)).get(url)
    assert parent.status_code == 200
    assert "It is Sam's right to ask for one, and yours as a parent carer." in unescape(
        parent.content.decode()
    )


def test_the_family_is_told_when_the_social_care_advice_is_late(sam):
    today = timezone.localdate()
    late = AdviceRequestFactory(child=sam, requested_on=today - timedelta(weeks=7))
    AdviceRequestFactory(child=sam, requested_on=today - timedelta(days=3))
    response = signed_in_client(family_user(sam.family)).get(
        reverse("family_transition:growing_up", kwargs={"child_id": sam.pk})
    )
    assert response.status_code == 200
    page = " ".join(unescape(response.content.decode()).split())
    due = late.due_on
    assert f"It was due by {due.day} {due:%B %Y} and is late: the law gives 6 weeks" in page
    on_time = today - timedelta(days=3) + timedelta(weeks=6)
    assert f"It is due by {on_time.day} {on_time:%B %Y}: the law gives 6 weeks" in page


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        ("has_plan", "Sam has an EHC plan, issued 3 March 2026."),
        ("assessing", "An EHC needs assessment for Sam is under way, started 1 February 2026."),
        ("none", "Sam does not have an EHC plan."),
    ],
)
def test_the_family_reads_the_ehc_plan_in_a_sentence_with_the_name(worker, sam, status, sentence):
    import datetime

    from supportfirst.transition.models import EhcLink

    EhcLink.objects.create(
        family=sam.family,
        child=sam,
        status=status,
        assessment_started_on=datetime.date(2026, 2, 1),
        plan_issued_on=datetime.date(2026, 3, 3) if status == "has_plan" else None,
        recorded_by=worker,
        recorded_at=timezone.now(),
    )
    response = signed_in_client(family_user(sam.family)).get(
        reverse("family_transition:growing_up", kwargs={"child_id": sam.pk})
    )
    assert response.status_code == 200
    assert sentence in " ".join(unescape(response.content.decode()).split())


def test_the_export_for_a_young_person_of_18_puts_everything_in_h2(worker, family):
    plan = shared_plan_for(family)  # a Saturday club under CSDPA s2(1)(c)
    plan.child.date_of_birth = born_years_ago(18)
    plan.child.save(update_fields=["date_of_birth"])
    text = signed_in_client(worker).get(
        reverse("transition:provision_text", kwargs={"child_id": plan.child.pk})
    )
    assert text.status_code == 200
    h1, h2 = text.content.decode().split(rules.H2_TITLE)
    assert "Short breaks in the day" not in h1
    assert "Short breaks in the day" in h2
