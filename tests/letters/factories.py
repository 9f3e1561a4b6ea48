"""Letters for tests, and a stand-in for a complaint (the complaints app owns the real one)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from supportfirst.audit.services import Actor
from supportfirst.councils.scoping import scope_for
from supportfirst.families.models import Family
from supportfirst.letters import services
from supportfirst.letters.models import Letter, LetterStatus
from tests.plans.factories import shared_plan_for


@dataclass
class ComplaintStandIn:
    """The fields a complaint letter uses, as the complaints app's Complaint has them."""

    pk: int
    family: Family
    reference: str
    stage: int
    received_on: datetime.date
    respond_by: datetime.date
    summary: str
    stages: object = None

    @property
    def family_id(self) -> int:
        return self.family.pk

    def get_stage_display(self) -> str:
        return {1: "stage 1", 2: "stage 2 (investigation)", 3: "stage 3 (review panel)"}[self.stage]


def actor_for(user) -> Actor:
    return Actor(user, scope_for(user))


def sent_letter_for(family: Family) -> Letter:
    """Deterministic: the family's first sent letter (about their shared plan), made once."""
    letter = Letter.objects.filter(family=family, status=LetterStatus.SENT).order_by("pk").first()
    if letter is None:
        from supportfirst.councils.models import Role
        from tests.accounts.factories import staff_user

        plan = shared_plan_for(family)
        worker = staff_user(family.council, Role.PRACTITIONER)
        actor = actor_for(worker)
        letter = services.letter_prepare(
            actor=actor, family=family, kind="support_plan", source=plan
        )
        letter, _told = services.letter_send(actor=actor, letter=letter)
    return letter
