"""The demo has one online request waiting in Ashvale's queue."""

from __future__ import annotations

from supportfirst import demo
from supportfirst.asking.models import OnlineRequest, OnlineStatus
from supportfirst.pathway.models import RequestStatus


def test_one_online_request_waits_in_ashvales_queue(db):
    demo.load()
    online = OnlineRequest.objects.select_related("support_request", "family__council").get()
    assert online.family.council.slug == "ashvale"
    assert online.status == OnlineStatus.WAITING
    assert online.support_request.status == RequestStatus.AWAITING_DECISION
    assert online.good_week
    assert online.parent_carer_help == "yes"
