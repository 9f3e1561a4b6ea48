"""The asking app's entries in the isolation matrix."""

from __future__ import annotations

from supportfirst.asking import questions
from supportfirst.families.models import Family


def _online_request_id(family: Family) -> int:
    from supportfirst.asking.models import OnlineRequest
    from tests.asking.factories import OnlineRequestFactory
    from tests.pathway.factories import SupportRequestFactory

    online = OnlineRequest.objects.filter(family=family).order_by("pk").first()
    if online is None:
        request = family.support_requests.order_by("pk").first() or SupportRequestFactory(
            child=family.children.order_by("pk").first()
        )
        online = OnlineRequestFactory(support_request=request)
    return online.pk


PUBLIC = {
    "asking:councils",
    "asking:link_not_working",
    "asking:resume",
    "asking:account",
    *(f"asking:{step.name}" for step in questions.STEPS),
    f"asking:{questions.SIBLING_ADD}",
    f"asking:{questions.SIBLING_LIST}",
    f"asking:{questions.CHECK}",
    "asking:sent",
    "asking:save",
    "asking:saved",
}

PUBLIC_ARGUMENTS = {
    "council_slug": "no-such-council",
    "draft_token": "not-a-real-link",
    "invite_token": "not-a-real-link",
}

# With no saved answers in the session, or a link that does not work, the pages send the
# person back to the start of asking or to the page saying the link is not working.
PUBLIC_REDIRECTS = {
    **{name: "/ask/" for name in PUBLIC - {"asking:councils", "asking:link_not_working"}},
    "asking:resume": "/ask/link-not-working/",
    "asking:account": "/ask/link-not-working/",
}

OBJECT_IDS = {"online_request_id": _online_request_id}
