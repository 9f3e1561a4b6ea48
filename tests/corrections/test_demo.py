"""The demo story includes correction requests: one waiting, one answered."""

from supportfirst import demo
from supportfirst.corrections.demo import load_demo
from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus


def test_demo_families_have_asked_for_corrections(db):
    demo.load()
    statuses = sorted(CorrectionRequest.objects.values_list("status", flat=True))
    assert statuses == [CorrectionStatus.NOT_CORRECTED, CorrectionStatus.RECEIVED]
    load_demo()
    assert CorrectionRequest.objects.count() == 2
