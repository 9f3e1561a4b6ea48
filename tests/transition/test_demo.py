"""The demo story includes a young person planning for adult life and an EHC advice clock."""

from supportfirst import demo
from supportfirst.transition.models import EhcAdviceRequest, Transition


def test_demo_has_a_plan_for_adult_life_and_an_advice_clock(db):
    demo.load()
    transition = Transition.objects.get(child__first_name="Jasmine")
    assert (transition.consent, transition.referred_on is not None) == ("given", True)
    assert transition.events.count() == 4
    advice = EhcAdviceRequest.objects.get(child__first_name="Ama")
    assert advice.given_on is None
