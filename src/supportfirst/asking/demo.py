"""Demo story: one request for help sent online, waiting in Ashvale's queue.

Claire Hughes asked for help for Alfie with the online form; the pathway's demo already
recorded that request (waiting for the next-step decision). Here her online answers are kept
beside it, as the form's service keeps them, so staff can open /staff/online-requests/.
"""

from __future__ import annotations

from supportfirst.asking import services
from supportfirst.asking.models import OnlineRequest
from supportfirst.councils.models import Council
from supportfirst.pathway.models import RequestStatus, SupportRequest

DEMO_ORDER = 5


def _answers(request: SupportRequest) -> dict[str, object]:
    child = request.child
    carer = request.family.parent_carers.order_by("pk").first()
    sibling = request.family.siblings.order_by("pk").first()
    siblings = (
        [
            {
                "first_name": sibling.first_name,
                "date_of_birth": sibling.date_of_birth.isoformat(),
                "how_they_help": "Ruby plays with Alfie after school so I can cook.",
            }
        ]
        if sibling
        else []
    )
    return {
        "full_name": request.requester_name,
        "relationship": carer.relationship if carer else "Parent",
        "email": "claire.hughes@demo.example",
        "phone": "07700 900 123",
        "first_name": child.first_name,
        "last_name": child.last_name,
        "date_of_birth": child.date_of_birth.isoformat(),
        "age": None,
        "day_to_day": child.about,
        "help_wanted": request.help_asked_for,
        "good_week": "Alfie sleeps through two nights, goes swimming on Saturday with someone "
        "who knows him, and I get one evening to myself.",
        "parent_carer_help": "yes",
        "parent_carer_help_details": "I have not slept properly in a year. I would like to "
        "go back to work two days a week.",
        "siblings_help": "yes" if siblings else "no",
        "sibling_list": siblings,
        "preferred_contact": "email",
        "formats": ["large_print"],
        "communication_needs": "",
        "needs_interpreter": "no",
        "interpreter_language": "",
        "consent": "yes",
    }


def load_demo() -> None:
    council = Council.objects.filter(is_demo=True, slug="ashvale").first()
    if council is None:
        return
    request = (
        SupportRequest.objects.filter(
            family__council=council, status=RequestStatus.AWAITING_DECISION
        )
        .select_related("child", "family")
        .order_by("received_at")
        .first()
    )
    if request is None or OnlineRequest.objects.filter(support_request=request).exists():
        return
    services.online_answers_record(
        actor=services.online_form_actor(council),
        support_request=request,
        answers=_answers(request),
        estimated_birth=False,
    )
