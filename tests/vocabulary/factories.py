import factory
from django.utils import timezone

from supportfirst.vocabulary.models import VocabularyEntry
from tests.accounts.factories import UserFactory
from tests.councils.factories import CouncilFactory


class VocabularyEntryFactory(factory.django.DjangoModelFactory):
    """An active entry of a council's own, agreed with its forum."""

    class Meta:
        model = VocabularyEntry

    council = factory.SubFactory(CouncilFactory)
    entry_id = factory.Sequence(lambda n: f"local-words-{n}")
    category = "jargon"
    words = "tier 3"
    explanation = "Families do not know what the council's tiers mean."
    suggestions = "Say what the help is, for example “a social worker who visits weekly”."
    agreed_with_forum = True
    forum_note = "Forum steering group, 4 March 2026"
    created_by = factory.SubFactory(UserFactory)
    created_at = factory.LazyFunction(timezone.now)
    updated_by = factory.SelfAttribute("created_by")
    updated_at = factory.LazyFunction(timezone.now)


class RetiredVocabularyEntryFactory(VocabularyEntryFactory):
    retired_at = factory.LazyFunction(timezone.now)
    retired_by = factory.SelfAttribute("created_by")
