"""The survey: offered after a stage, answered once, kept without any link to the family, and
shown only in aggregate to forum members, team managers and council administrators."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.feedback.models import SurveyAnswer, SurveyInvitation, SurveyStage
from supportfirst.feedback.services import invitations_for, store_answer
from supportfirst.pathway import services as pathway
from tests.accounts.factories import staff_user
from tests.assessments.factories import AuthorisedAssessmentFactory
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory

URL = "/family/feedback/next-step/"
ANSWERS = {
    "listened": "4",
    "respected": "5",
    "blamed": "1",
    "proportionate": "3",
    "understood": "4",
    "anything_else": "Quick and kind.",
}


@pytest.fixture
def decided(family, practitioner):
    request = SupportRequestFactory(child=family.children.get())
    pathway.decide_support(actor=Actor(practitioner, scope_for(practitioner)), request=request)
    return family


def test_no_survey_before_the_decision(family, parent):
    client = signed_in_client(parent)
    assert client.get(URL).status_code == 404
    assert "Tell us how it felt" not in client.get("/family/").content.decode()


def test_after_the_decision_the_family_is_invited(decided, parent):
    client = signed_in_client(parent)
    home = client.get("/family/").content.decode()
    assert "Tell us how it felt: after the decision about the next step" in home
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "This survey is anonymous" in text
    assert "your worker cannot see your answers" in text


def test_an_answer_is_kept_with_no_link_to_the_family(decided, parent):
    client = signed_in_client(parent)
    response = client.post(URL, ANSWERS)
    assert response.status_code == 302
    answer = SurveyAnswer.objects.get()
    assert answer.council_id == decided.council_id
    assert answer.stage == SurveyStage.NEXT_STEP
    assert answer.month == timezone.localdate().replace(day=1)
    assert (answer.listened, answer.blamed, answer.anything_else) == ("4", "1", "Quick and kind.")
    names = {f.name for f in SurveyAnswer._meta.get_fields()}
    assert not names & {"family", "user", "author", "created_at", "answered_at"}
    invitation = SurveyInvitation.objects.get(family=decided)
    assert invitation.answered_in == answer.month
    # Answered: the home page no longer asks, and a second answer is refused.
    assert "Tell us how it felt" not in client.get("/family/").content.decode()
    assert client.get(URL).status_code == 200
    assert client.post(URL, ANSWERS).status_code == 409
    assert SurveyAnswer.objects.count() == 1


def test_nothing_answered_shows_the_error_and_stores_nothing(decided, parent):
    response = signed_in_client(parent).post(URL, {"anything_else": "   "})
    assert response.status_code == 400
    assert "Answer at least one question" in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_a_made_up_answer_is_refused_and_what_was_typed_kept(decided, parent):
    response = signed_in_client(parent).post(URL, {"listened": "9", "anything_else": "Kept words"})
    assert response.status_code == 400
    assert "Kept words" in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_long_free_text_is_accepted(decided, parent):
    words = "We waited a long time. " * 200
    response = signed_in_client(parent).post(URL, {"anything_else": words})
    assert response.status_code == 302
    assert SurveyAnswer.objects.get().anything_else == words.strip()


def test_an_unknown_stage_is_not_found(decided, parent):
    assert signed_in_client(parent).get("/family/feedback/nothing/").status_code == 404


def test_an_authorised_assessment_invites_for_the_assessment(family):
    AuthorisedAssessmentFactory(request__child=family.children.get())
    stages = [i.stage for i in invitations_for(family)]
    assert stages == [SurveyStage.ASSESSMENT]


def _answers(council, stage, n, text=""):
    for _ in range(n):
        store_answer(
            council_id=council.pk,
            stage=stage,
            month=timezone.localdate(),
            answers={**ANSWERS, "anything_else": text},
        )


@pytest.mark.parametrize("role", [Role.FORUM_MEMBER, Role.TEAM_MANAGER, Role.COUNCIL_ADMIN])
def test_four_answers_are_suppressed_five_are_shown(council, other_council, role):
    _answers(council, SurveyStage.NEXT_STEP, 4, text="Fourwords")
    _answers(council, SurveyStage.ASSESSMENT, 5, text="Fivewords")
    _answers(other_council, SurveyStage.NEXT_STEP, 5, text="Otherwords")
    page = signed_in_client(staff_user(council, role)).get("/staff/feedback/")
    assert page.status_code == 200
    text = page.content.decode()
    next_step, rest = text.split("After the needs assessment", 1)
    assert "Fewer than 5 answers" in next_step
    assert "Fourwords" not in text
    assert "Otherwords" not in text
    assert "Fivewords" in rest
    assert "Did you feel listened to? (5 answers)" in rest
    assert "100%" in rest


def test_practitioners_and_families_do_not_see_the_figures(council, family, parent):
    worker = staff_user(council, Role.PRACTITIONER)
    assert signed_in_client(worker).get("/staff/feedback/").status_code == 403
    assert signed_in_client(parent).get("/staff/feedback/").status_code == 403


def test_the_figures_take_the_same_queries_however_many_answers(
    council, django_assert_max_num_queries
):
    forum = staff_user(council, Role.FORUM_MEMBER)
    client = signed_in_client(forum)
    _answers(council, SurveyStage.PLAN, 5)
    client.get("/staff/feedback/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        response = client.get("/staff/feedback/")
    assert response.status_code == 200
    assert "Answers: 5." in response.content.decode()
    _answers(council, SurveyStage.PLAN, 60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/staff/feedback/")
    assert response.status_code == 200
    assert "Answers: 65." in response.content.decode()


def test_the_demo_shows_some_figures_and_hides_one_stage(db):
    from supportfirst import demo
    from supportfirst.councils.models import Council
    from supportfirst.feedback.selectors import council_figures

    demo.load()
    ashvale = Council.objects.get(la_code="957")
    forum = staff_user(ashvale, Role.FORUM_MEMBER)
    stages = {s.stage: s for s in council_figures(scope=scope_for(forum))}
    assert stages[SurveyStage.NEXT_STEP].answers >= 5
    assert not stages[SurveyStage.NEXT_STEP].questions[0].suppressed
    assert stages[SurveyStage.PLAN].answers < 5
    assert stages[SurveyStage.PLAN].questions[0].suppressed
    assert SurveyAnswer.objects.exclude(council=ashvale).count() == 0
