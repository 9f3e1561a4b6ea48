"""The demo story includes plans and letters for the families far enough along."""

from django.core import mail

from supportfirst import demo
from supportfirst.letters.models import Letter
from supportfirst.plans.models import PlanStatus, SupportPlan


def test_demo_families_have_plans_and_letters(db):
    demo.load()
    statuses = set(SupportPlan.objects.values_list("status", flat=True))
    assert PlanStatus.AGREED in statuses
    assert SupportPlan.objects.filter(reviews__isnull=False).exists()
    sent = Letter.objects.filter(status="sent")
    assert sent.filter(kind="support_plan").exists()
    assert sent.filter(kind="eligibility_decision").exists()
    assert sent.filter(kind="request_acknowledgement").exists()
    assert sent.filter(kind="plan_review").exists()
    assert Letter.objects.filter(status="draft").exists()
    assert {"large_print", "easy_read"} <= set(sent.values_list("variant", flat=True))
    assert all(letter.html for letter in sent)
    assert mail.outbox == []
