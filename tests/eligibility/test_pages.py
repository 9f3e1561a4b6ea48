"""The eligibility pages: public criteria, the practitioner's decision, the manager's
confirmation and the family's reading page."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from supportfirst.councils.models import Role
from supportfirst.eligibility.models import EligibilityDecision
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.eligibility.factories import authorised_assessment, decision_for
from tests.families.factories import family_with_everyone

# Public pages


def test_the_start_page_links_to_the_criteria(db):
    page = Client().get(reverse("pages:start")).content.decode()
    assert 'href="/criteria/"' in page


def test_the_index_lists_councils_with_their_current_criteria_and_the_national_model(ashvale):
    from tests.councils.factories import CouncilFactory

    CouncilFactory(name="Nowhere Council")
    response = Client().get("/criteria/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Help for disabled children and their families in Ashvale" in page
    assert "Version 2.1, in force from 1 December 2026" in page
    assert "Nowhere Council" in page
    assert "has not published its own criteria here yet" in page
    assert 'href="/criteria/national/"' in page


def test_a_councils_page_has_version_date_sign_off_and_the_law_by_name(ashvale):
    page = Client().get("/criteria/ashvale/").content.decode()
    assert "Ashvale Borough Council: eligibility criteria" in page
    assert '<dd class="govuk-summary-list__value">2.1</dd>' in page
    assert "1 December 2026" in page
    assert "Morgan Ellis" in page
    assert "25 November 2026" in page
    assert "The parent carer forum: Helen Marsh" in page
    assert "20 November 2026" in page
    assert "Chronically Sick and Disabled Persons Act 1970, section 2" in page
    assert (
        "This is a duty: once the council is satisfied it is needed, the law says it must "
        "arrange it." in page
    )
    assert "This is a general duty: the council must provide a range" in page
    assert "a general duty: the council must provide a range of this kind of help" in page
    assert "may give it (a power)" not in page
    assert "Duty or power" not in page
    assert "What the law says" in page
    assert "Help for your child" in page
    assert 'href="/criteria/ashvale/1.1/"' in page


def test_an_older_version_can_be_read_and_says_it_is_older(ashvale):
    response = Client().get("/criteria/ashvale/1.1/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "an older version" in page
    assert 'href="/criteria/ashvale/"' in page
    assert "1 April 2025" in page


def test_the_national_model_has_its_own_page(db):
    page = Client().get("/criteria/national/").content.decode()
    assert "Support First model criteria" in page
    assert "A starting point for councils to adapt: never used for a decision" in page


def test_unknown_councils_and_versions_are_not_found(ashvale):
    assert Client().get("/criteria/nowhere/").status_code == 404
    assert Client().get("/criteria/ashvale/9.9/").status_code == 404


def test_the_index_makes_the_same_queries_however_many_councils(db, django_assert_max_num_queries):
    from tests.councils.factories import CouncilFactory

    first = [CouncilFactory() for _ in range(2)]
    with django_assert_max_num_queries(6) as small:
        response = Client().get("/criteria/")
    assert response.status_code == 200
    assert all(council.name in response.content.decode() for council in first)
    more = [CouncilFactory() for _ in range(20)]
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = Client().get("/criteria/")
    assert response.status_code == 200
    assert all(council.name in response.content.decode() for council in first + more)


# The practitioner's page


def _decide_url(assessment) -> str:
    return reverse("eligibility:decide", kwargs={"assessment_id": assessment.pk})


def _check(client, assessment, **extra):
    data = {
        "action": "check",
        "impairment": "yes",
        "impact": "yes",
        "wellbeing_impact": "Sam's family has had no sleep for months.",
        **extra,
    }
    return client.post(_decide_url(assessment), data)


def test_the_page_asks_the_two_questions(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    page = signed_in_client(worker).get(_decide_url(assessment)).content.decode()
    assert "arise from a disability or illness" in page
    assert "significant impact on" in page
    assert "Help for disabled children and their families in Ashvale, version 2.1" in page


def test_missing_answers_show_the_error_summary_and_keep_what_was_typed(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    response = signed_in_client(worker).post(
        _decide_url(assessment), {"action": "check", "wellbeing_impact": "Typed words kept."}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "Typed words kept." in page
    assert "<title>Error: " in page


def test_running_the_criteria_shows_each_service_and_need_with_reason_and_law(
    ashvale_family, worker
):
    assessment = authorised_assessment(ashvale_family)
    response = _check(signed_in_client(worker), assessment)
    page = response.content.decode()
    assert response.status_code == 200
    assert "What the criteria say" in page
    assert "Short breaks" in page
    assert "Children Act 1989, Schedule 2" in page
    assert "What would change it" in page
    assert "Decide that" in page
    assert "Sam&#x27;s family has had no sleep for months." in page
    assert not EligibilityDecision.objects.exists()


def _fields(page: str) -> list[str]:
    return re.findall(r'name="((?:service|need)_[a-z0-9_]+_depart)"', page)


def test_a_departure_without_a_reason_is_refused_and_the_form_kept(ashvale_family, worker):
    client = signed_in_client(worker)
    assessment = authorised_assessment(ashvale_family)
    page = _check(client, assessment).content.decode()
    depart = _fields(page)[0]
    criteria_id = re.search(r'name="criteria_id" value="(\d+)"', page).group(1)
    response = _check(client, assessment, action="send", criteria_id=criteria_id, **{depart: "on"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Give your professional reason for deciding differently" in page
    assert "Sam&#x27;s family has had no sleep for months." in page
    assert not EligibilityDecision.objects.exists()


def test_sending_the_decision_with_a_departure(ashvale_family, worker):
    client = signed_in_client(worker)
    assessment = authorised_assessment(ashvale_family)
    page = _check(client, assessment).content.decode()
    depart = next(name for name in _fields(page) if "help_at_home" in name)
    criteria_id = re.search(r'name="criteria_id" value="(\d+)"', page).group(1)
    reason = depart.replace("_depart", "_reason")
    response = _check(
        client,
        assessment,
        action="send",
        criteria_id=criteria_id,
        **{depart: "on", reason: "Bath times need two adults at home."},
    )
    decision = EligibilityDecision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "eligibility:decision", kwargs={"decision_id": decision.pk}
    )
    line = next(s for s in decision.final_services() if s.code == "help-at-home")
    assert line.departed
    assert line.departure_reason == "Bath times need two adults at home."
    page = client.get(response["Location"]).content.decode()
    assert "Decided differently from the criteria" in page
    assert "Bath times need two adults at home." in page
    # A second visit to the decide page points to the decision instead.
    again = client.get(_decide_url(assessment)).content.decode()
    assert "Read the decision" in again


def test_an_assessment_not_yet_authorised_cannot_be_decided(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    assessment.status = "ready_for_family"
    assessment.save()
    response = signed_in_client(worker).get(_decide_url(assessment))
    assert response.status_code == 409


# The manager's confirmation


def test_a_manager_confirms_and_the_family_can_then_read_it(ashvale_family, worker, manager):
    decision = decision_for(ashvale_family, practitioner=worker)
    parent = family_user(ashvale_family)
    family_url = reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk})
    assert signed_in_client(parent).get(family_url).status_code == 404
    client = signed_in_client(manager)
    page = client.get(reverse("eligibility:decision", kwargs={"decision_id": decision.pk}))
    assert "Confirm the decision" in page.content.decode()
    response = client.post(reverse("eligibility:confirm", kwargs={"decision_id": decision.pk}))
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.status == "confirmed"
    assert signed_in_client(parent).get(family_url).status_code == 200


def test_a_manager_cannot_confirm_their_own_decision(ashvale_family, manager):
    decision = decision_for(ashvale_family, practitioner=manager)
    response = signed_in_client(manager).post(
        reverse("eligibility:confirm", kwargs={"decision_id": decision.pk})
    )
    assert response.status_code == 400
    assert "cannot confirm a decision you made" in response.content.decode()


def test_returning_needs_a_reason(ashvale_family, worker, manager):
    decision = decision_for(ashvale_family, practitioner=worker)
    client = signed_in_client(manager)
    url = reverse("eligibility:return", kwargs={"decision_id": decision.pk})
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    response = client.post(
        url, {"reason": "Look again at sleep: the family said nights are worse."}
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.status == "returned"
    lists = signed_in_client(worker).get(reverse("eligibility:list")).content.decode()
    assert "Decide again for" in lists


def test_the_staff_list_makes_the_same_queries_however_many_decisions(
    ashvale, worker, django_assert_max_num_queries
):
    client = signed_in_client(worker)
    family = family_with_everyone(ashvale)
    decision_for(family, practitioner=worker)
    authorised_assessment(family)
    with django_assert_max_num_queries(40) as small:
        response = client.get(reverse("eligibility:list"))
    assert response.status_code == 200
    assert response.content.decode().count("Decide eligibility for") == 1
    for _ in range(4):
        other = family_with_everyone(ashvale)
        decision_for(other, practitioner=worker, confirm=True)
        decision_for(other, practitioner=worker)
        authorised_assessment(other)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("eligibility:list"))
    assert response.status_code == 200
    assert response.content.decode().count("Decide eligibility for") == 5


# The family's pages


def test_the_family_reads_each_reason_the_law_and_how_to_challenge(ashvale_family, ashvale_parent):
    decision = decision_for(ashvale_family, confirm=True)
    client = signed_in_client(ashvale_parent)
    listing = client.get(reverse("family_eligibility:list")).content.decode()
    assert f"/family/eligibility/{decision.pk}/" in listing
    page = client.get(
        reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk})
    ).content.decode()
    assert "Short breaks" in page
    assert "Children Act 1989, Schedule 2" in page
    assert "Ask for a review" in page
    assert 'class="govuk-link" href="/family/complaints/"' in page
    assert "version 2.1" in page


def test_the_family_list_makes_the_same_queries_however_many(
    ashvale_family, ashvale_parent, django_assert_max_num_queries
):
    client = signed_in_client(ashvale_parent)
    decisions = [decision_for(ashvale_family, confirm=True)]
    with django_assert_max_num_queries(30) as small:
        response = client.get(reverse("family_eligibility:list"))
    assert response.status_code == 200
    assert f"/family/eligibility/{decisions[0].pk}/" in response.content.decode()
    for _ in range(3):
        decisions.append(decision_for(ashvale_family, confirm=True))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("family_eligibility:list"))
    assert response.status_code == 200
    assert all(f"/family/eligibility/{d.pk}/" in response.content.decode() for d in decisions)


def test_another_familys_decision_is_not_found(ashvale, ashvale_parent):
    other = family_with_everyone(ashvale)
    decision = decision_for(other, confirm=True)
    response = signed_in_client(ashvale_parent).get(
        reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk})
    )
    assert response.status_code == 404


def test_a_young_person_reads_only_their_own_decision(ashvale_family):
    decision = decision_for(ashvale_family, confirm=True)
    own = decision.assessment.child
    from tests.families.factories import ChildFactory

    brother = ChildFactory(family=ashvale_family)
    url = reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk})
    assert signed_in_client(family_user(ashvale_family, child=own)).get(url).status_code == 200
    assert signed_in_client(family_user(ashvale_family, child=brother)).get(url).status_code == 404


def test_staff_of_another_role_cannot_confirm(ashvale_family, worker):
    decision = decision_for(ashvale_family, practitioner=worker)
    forum = staff_user(ashvale_family.council, Role.FORUM_MEMBER)
    response = signed_in_client(forum).post(
        reverse("eligibility:confirm", kwargs={"decision_id": decision.pk})
    )
    assert response.status_code == 403


def test_words_to_check_need_a_reason_before_confirming_never_shown_to_family(
    ashvale_family, worker, manager
):
    from supportfirst.eligibility.services import Departure, Departures
    from supportfirst.wording.models import WordingReason

    reason = "Mum failed to engage with the club, so travel help is needed."
    decision = decision_for(
        ashvale_family,
        practitioner=worker,
        departures=Departures(services={"travel-help": Departure(True, reason)}),
    )
    client = signed_in_client(manager)
    url = reverse("eligibility:decision", kwargs={"decision_id": decision.pk})
    page = client.get(url).content.decode()
    assert "Words to check in the reason" in page
    assert "failed to engage" in page
    confirm = reverse("eligibility:confirm", kwargs={"decision_id": decision.pk})
    response = client.post(confirm, {})
    assert response.status_code == 400
    assert "Give a reason for keeping “failed to engage”" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == "awaiting_confirmation"
    # The shared gate's reason field, one per distinct flagged phrase.
    field = re.search(r'name="(reason_\d+_[0-9a-f]{8})"', page).group(1)
    response = client.post(confirm, {field: "Quoting what the club told us."})
    assert response.status_code == 302
    kept = WordingReason.objects.get(record_id=decision.pk)
    assert kept.reason == "Quoting what the club told us."
    shown = (
        signed_in_client(family_user(ashvale_family))
        .get(reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk}))
        .content.decode()
    )
    assert reason in shown
    assert "Words to check" not in shown


def test_with_no_criteria_at_all_the_pages_say_so(ashvale_family, worker):
    from supportfirst.eligibility.models import CriteriaAdoption, PublishedCriteria

    CriteriaAdoption.objects.all().delete()
    PublishedCriteria.objects.all().delete()
    assert "not been published on this service yet" in Client().get("/criteria/").content.decode()
    assert (
        "has not published its own criteria" in Client().get("/criteria/ashvale/").content.decode()
    )
    national = Client().get("/criteria/national/").content.decode()
    assert "The Support First model criteria have not been published on this service yet." in (
        national
    )
    response = signed_in_client(worker).get(_decide_url(authorised_assessment(ashvale_family)))
    assert response.status_code == 409
    assert "has no eligibility criteria of its own" in response.content.decode()
