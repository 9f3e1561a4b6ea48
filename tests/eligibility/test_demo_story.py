"""The demo story: criteria published, and decisions made and confirmed through the services."""

from supportfirst import demo
from supportfirst.eligibility import demo as eligibility_demo
from supportfirst.eligibility.models import EligibilityDecision, PublishedCriteria


def test_the_demo_has_published_criteria_and_confirmed_decisions(db):
    demo.load()
    owners = set(PublishedCriteria.objects.values_list("owner", flat=True))
    assert {"national", "957", "958"} <= owners
    decisions = EligibilityDecision.objects.select_related("criteria", "family__council")
    assert decisions.exists()
    assert all(d.status == "confirmed" for d in decisions)
    assert all(d.criteria.owner == d.family.council.la_code for d in decisions)
    assert {d.family.council.la_code for d in decisions} == {"957", "958"}
    # Where the criteria found nothing, the practitioner decided differently, with a reason.
    departed = [d for d in decisions if d.departed_anywhere]
    assert departed
    assert all(
        line.departure_reason for d in departed for line in d.final_services() if line.departed
    )
    assert all(d.eligible for d in decisions)
    count = decisions.count()
    eligibility_demo.load_demo()
    assert EligibilityDecision.objects.count() == count
