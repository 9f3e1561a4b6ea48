"""The family's page about growing up: what a transition assessment is, that it is their right
to ask for one, and each step of the young person's plan for adult life. Never a staff view."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.councils.models import Role
from supportfirst.rules import transition as rules
from supportfirst.transition import selectors


@family_required
def growing_up(request: HttpRequest, child_id: int) -> HttpResponse:
    page = selectors.growing_up_read(
        actor=Actor.of(request), child_id=child_id, today=timezone.localdate()
    )
    return render(
        request,
        "transition/family/growing_up.html",
        {
            "page": page,
            "law_sentence": rules.LAW_SENTENCE,
            # A young person reading their own page is not addressed as their own parent.
            "young_person": request.scope.holds_any({Role.YOUNG_PERSON}),  # type: ignore[attr-defined]
        },
    )
