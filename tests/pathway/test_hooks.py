"""The pathway's declared hooks: what other apps do when a request moves on, listed explicitly."""

from __future__ import annotations

from supportfirst.assessments.models import Assessment, Kind
from supportfirst.assessments.services import offer_assessments
from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.letters.services import prepare_not_assessing_letter
from supportfirst.pathway import hooks, services
from tests.accounts.factories import staff_user
from tests.pathway.factories import SupportRequestFactory


def test_the_assessments_app_declares_what_happens_when_support_is_chosen():
    assert [offer_assessments] == hooks.WHEN_SUPPORT_IS_CHOSEN


def test_the_letters_app_declares_what_happens_when_not_assessing_is_confirmed():
    assert [prepare_not_assessing_letter] == hooks.WHEN_NOT_ASSESSING_IS_CONFIRMED


def test_declaring_twice_runs_once():
    hooks.declare_when_support_is_chosen(offer_assessments)
    assert hooks.WHEN_SUPPORT_IS_CHOSEN.count(offer_assessments) == 1


def test_choosing_support_starts_the_childs_assessment_through_the_hook(council, family):
    worker = staff_user(council, Role.PRACTITIONER)
    request = SupportRequestFactory(child=family.children.first())
    services.decide_support(actor=Actor(worker, scope_for(worker)), request=request)
    assert Assessment.objects.filter(request=request, kind=Kind.CHILD).count() == 1
