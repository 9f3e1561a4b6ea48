"""A family with every kind of record the project has, made through the services where they
exist, with names unique to the family so that a download can be searched for them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from supportfirst.assessments.models import CarerDecisions
from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.families.models import Family
from supportfirst.feedback.services import invitations_for
from supportfirst.pathway import services as pathway
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import staff_user
from tests.assessments.factories import FamilyCommentFactory, assessments_for
from tests.families.factories import family_with_everyone
from tests.pathway.factories import ProposedMoveFactory, SupportRequestFactory

INTRUSION = {
    "purpose": "To see the stairs Nia has to climb at bedtime.",
    "why_necessary": "The occupational therapist needs the measurements.",
    "less_intrusive_option": "Photographs taken by the family.",
    "less_intrusive_answer": "We would rather you came and measured.",
    "why_not_enough": "The family asked us to come and measure.",
    "family_view": "agree",
    "family_words": "Come on Tuesday after school.",
    "notice_given": "A week",
}


@dataclass(frozen=True)
class Made:
    family: Family
    names: tuple[str, ...]  # words that appear only in this family's records


def family_with_records(council, tag: str) -> Made:
    """Everything: the family, child, parent carer, sibling; a request decided through the
    service (next-step decision, offers, timeline), a contact with its intrusion record, a
    request with assessments of each kind, the family's account, a need and a comment, the
    parent carer's decisions, a reason kept for a flagged word, a safeguarding proposal the
    family was told about, and the survey invitation."""
    worker = staff_user(council, Role.PRACTITIONER, full_name=f"Worker {tag}")
    actor = Actor(worker, scope_for(worker))
    family = family_with_everyone(council, name=f"{tag} family", reference=f"SF-{tag}")
    child = family.children.get()
    child.first_name = f"{tag}child"
    child.save()
    family.parent_carers.update(full_name=f"{tag} Parent")
    family.siblings.update(first_name=f"{tag}sibling")

    made = assessments_for(family)
    decided = SupportRequestFactory(
        child=child, reference=f"R-{tag}-1", received_at=timezone.now() - datetime.timedelta(days=3)
    )
    pathway.decide_support(actor=actor, request=decided, notes=f"Notes for {tag}")
    pathway.contact_record(
        actor=actor,
        request=decided,
        kind="home_visit",
        happened_at=timezone.now() - datetime.timedelta(days=1),
        place=f"{tag} house",
        family_chose_time_and_place=True,
        notice_given="A week",
        intrusions=[],
        notes=f"Visited {tag} at home.",
        intrusion=INTRUSION,
    )
    FamilyCommentFactory(assessment=made.child, text=f"Comment from {tag}")
    CarerDecisions.objects.create(
        family=family,
        assessment=made.carer,
        carer_has_needs=True,
        carer_has_needs_reason="Broken nights.",
        child_has_needs=True,
        child_has_needs_reason="Needs help at night.",
        services_could_meet=True,
        services_could_meet_reason="A short break would help.",
        council_will_provide=True,
        council_will_provide_reason="Eligible.",
        decided_by=worker,
        decided_at=timezone.now(),
    )
    WordingReason.objects.create(
        family=family,
        record_type="assessments.assessment",
        record_id=made.child.pk,
        field="Analysis",
        rule="respite",
        words="respite",
        reason=f"Quoting {tag}'s own word",
        given_by=worker,
    )
    ProposedMoveFactory(
        request__child=child,
        request__reference=f"R-{tag}-2",
        proposed_by=worker,
        family_told=True,
        family_told_at=timezone.now(),
        reason_not_told="",
        what_happened=f"Told about {tag}: a fall on the stairs.",
    )
    invitations_for(family)
    names = (
        family.name,
        family.reference,
        child.first_name,
        f"{tag} Parent",
        f"{tag}sibling",
        f"R-{tag}-1",
        f"Worker {tag}",
    )
    return Made(family, names)
