import datetime

import factory
from django.utils import timezone

from supportfirst.pathway.models import (
    Contact,
    ContactStatus,
    FamilyView,
    IntrusionRecord,
    RequestStatus,
    SafeguardingMove,
    SupportRequest,
)
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


class PlannedContactFactory(factory.django.DjangoModelFactory):
    """A home visit planned for next week, with its intrusion record: the family objected."""

    class Meta:
        model = Contact
        skip_postgeneration_save = True

    request = factory.SubFactory(SupportPathwayRequestFactory)
    family = factory.LazyAttribute(lambda c: c.request.family)
    kind = "home_visit"
    status = ContactStatus.PLANNED
    happened_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    planned_for = factory.LazyAttribute(lambda c: c.happened_at)
    planned_by = factory.SubFactory("tests.accounts.factories.UserFactory")
    planned_at = factory.LazyFunction(timezone.now)
    what_for = "To see the stairs Alfie finds hard at bedtime."
    intrusions = factory.LazyFunction(lambda: ["home_visit", "child_alone"])
    recorded_by = factory.LazyAttribute(lambda c: c.planned_by)
    recorded_at = factory.LazyFunction(timezone.now)
    record = factory.RelatedFactory(
        "tests.pathway.factories.IntrusionRecordFactory", factory_related_name="contact"
    )


class IntrusionRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntrusionRecord

    contact = factory.SubFactory(PlannedContactFactory, record=None)
    family = factory.LazyAttribute(lambda r: r.contact.family)
    purpose = "To hear what Alfie thinks about overnight breaks."
    why_necessary = "Alfie speaks more freely about his worries away from home."
    less_intrusive_option = "Talking with Alfie with his mum beside him."
    less_intrusive_answer = "Mum said Alfie would want her there."
    why_not_enough = "Alfie has said he does not want to worry his mum."
    family_view = FamilyView.OBJECT
    family_words = "We do not want Alfie seen without one of us."
    notice_given = "Two weeks, by email."
