import factory
from django.utils import timezone

from supportfirst.corrections import clock
from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus
from tests.accounts.factories import UserFactory
from tests.families.factories import FamilyFactory


class CorrectionRequestFactory(factory.django.DjangoModelFactory):
    """A family's request to correct their family details, just received."""

    class Meta:
        model = CorrectionRequest

    family = factory.SubFactory(FamilyFactory)
    record_kind = "family"
    record_id = factory.LazyAttribute(lambda c: c.family.pk)
    record_label = factory.LazyAttribute(lambda c: f"{c.family.name}: your family's details")
    shown_on = "family"
    shown_on_id = factory.LazyAttribute(lambda c: c.family.pk)
    what_is_wrong = "Our surname is spelt wrongly."
    what_it_should_say = "Hughes, with an s at the end."
    asked_by = factory.SubFactory(UserFactory)
    asked_at = factory.LazyFunction(timezone.now)
    due_on = factory.LazyFunction(lambda: clock.rectification_due(timezone.localdate()))
    status = CorrectionStatus.RECEIVED
