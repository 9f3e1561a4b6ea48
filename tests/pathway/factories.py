import datetime

import factory
from django.utils import timezone

from supportfirst.pathway.models import RequestStatus, SafeguardingMove, SupportRequest
from supportfirst.rules import workdays
from tests.families.factories import ChildFactory


class SupportRequestFactory(factory.django.DjangoModelFactory):
    """A request waiting for its next-step decision, received now."""

    class Meta:
        model = SupportRequest

    child = factory.SubFactory(ChildFactory)
    family = factory.LazyAttribute(lambda r: r.child.family)
    reference = factory.Sequence(lambda n: f"RT-{n:06d}")
    received_at = factory.LazyFunction(timezone.now)
    who_asked = "parent"
    requester_name = "Claire Hughes"
    help_asked_for = "A break at weekends, and help at bedtime."
    consent_to_contact_others = True
    preferred_contact = "email"
    status = RequestStatus.AWAITING_DECISION
    next_step_due = factory.LazyAttribute(
        lambda r: workdays.add_working_days(timezone.localdate(r.received_at), 1)
    )
    assessment_due = factory.LazyAttribute(
        lambda r: workdays.add_working_days(timezone.localdate(r.received_at), 45)
    )


class SupportPathwayRequestFactory(SupportRequestFactory):
    status = RequestStatus.SUPPORT_PATHWAY


class ProposedMoveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafeguardingMove

    request = factory.SubFactory(SupportRequestFactory, status=RequestStatus.SAFEGUARDING_PROPOSED)
    family = factory.LazyAttribute(lambda m: m.request.family)
    what_happened = "Alfie told his teacher on Monday that his dad hit him with a belt."
    seen_or_said_by = "Alfie, to Ms Green, his class teacher"
    when_it_happened = "Monday 2 March 2026, about 9am"
    family_told = False
    reason_not_told = "Telling his father before the strategy meeting could put Alfie at risk."
    proposed_at = factory.LazyFunction(timezone.now)


def agreed():
    """The family's recorded agreement that information and advice is enough."""
    from supportfirst.pathway.services import FamilyAgreement

    return FamilyAgreement("Claire Hughes", timezone.localdate(), "on the phone")


def long_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
