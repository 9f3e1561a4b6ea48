"""The corrections part of the demo story: two families with accounts have asked us to correct
their record; one request is waiting for an answer, the other was answered (not corrected, with
the reason, so the family's view is kept with the record). Made through the services, as the
pages make them."""

from __future__ import annotations

from typing import Any

from supportfirst.accounts.models import User
from supportfirst.audit.services import Actor
from supportfirst.corrections import records, services
from supportfirst.corrections.models import CorrectionRequest
from supportfirst.councils.models import Council, Role
from supportfirst.councils.scoping import scope_for

DEMO_ORDER = 80


def _actor(user: Any) -> Actor:
    return Actor(user, scope_for(user), "demo-loader")


def load_demo() -> None:
    councils = Council.objects.filter(is_demo=True)
    if CorrectionRequest.objects.filter(family__council__in=councils).exists():
        return
    accounts = list(
        User.objects.filter(
            is_demo_account=True,
            membership__council__in=councils,
            membership__role=Role.FAMILY_MEMBER,
        )
        .select_related("membership__family", "membership__family__allocated_worker")
        .order_by("username")
    )
    for number, user in enumerate(accounts[:2]):
        family: Any = user.membership.family
        actor = _actor(user)
        if number == 0:
            found = records.find_record(scope=actor.scope, key=f"family:{family.pk}")
            services.correction_ask(
                actor=actor,
                found=found,
                what_is_wrong="Our phone number is the old one. We moved in the summer.",
                what_it_should_say="Please use our new number, 07700 900123.",
            )
            continue
        request = family.support_requests.order_by("pk").first()
        worker = family.allocated_worker
        if request is None or worker is None:
            continue
        found = records.find_record(scope=actor.scope, key=f"request:{request.pk}")
        correction = services.correction_ask(
            actor=actor,
            found=found,
            what_is_wrong="It says I asked for a break. I asked for help at bedtime first.",
            what_it_should_say="Help at bedtime first, then a break at weekends.",
        )
        services.correction_answer(
            actor=_actor(worker),
            correction=correction,
            corrected=False,
            reason_not_corrected=(
                "The request keeps the words used on the day, so we do not change them. Your "
                "view is now kept with it, and your worker will start with bedtimes."
            ),
        )
