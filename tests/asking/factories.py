"""Answers, drafts and online requests for the asking tests."""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from supportfirst.asking.models import OnlineRequest, OnlineRequestDraft
from tests.pathway.factories import SupportRequestFactory


def complete_answers(**changes: Any) -> dict[str, Any]:
    """Every question answered, as the draft stores them."""
    answers = {
        "full_name": "Priya Shah",
        "relationship": "Mum",
        "email": "priya@example.test",
        "phone": "07700 900982",
        "first_name": "Arjun",
        "last_name": "Shah",
        "date_of_birth": "2016-04-09",
        "age": None,
        "day_to_day": "Arjun is autistic and does not sleep much. He needs someone with him.",
        "help_wanted": "A break at weekends, and help at bedtime.",
        "good_week": "Two nights of sleep and a swim on Saturday.",
        "parent_carer_help": "yes",
        "parent_carer_help_details": "I would like to go back to work part time.",
        "siblings_help": "yes",
        "sibling_list": [
            {"first_name": "Maya", "date_of_birth": "2012-02-01", "how_they_help": "Reads to him"}
        ],
        "preferred_contact": "email",
        "formats": ["large_print"],
        "communication_needs": "",
        "needs_interpreter": "yes",
        "interpreter_language": "Gujarati",
        "consent": "yes",
    }
    answers.update(changes)
    return answers


class DraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OnlineRequestDraft

    council = factory.SubFactory("tests.councils.factories.CouncilFactory")
    answers = factory.LazyFunction(complete_answers)


class OnlineRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OnlineRequest

    support_request = factory.SubFactory(SupportRequestFactory)
    family = factory.LazyAttribute(lambda o: o.support_request.family)
    requester_name = "Priya Shah"
    requester_relationship = "Mum"
    requester_email = factory.Sequence(lambda n: f"asker{n}@example.test")
    day_to_day = "Needs someone with him at night."
    good_week = "Two nights of sleep."
    parent_carer_help = "yes"
    submitted_at = factory.LazyFunction(timezone.now)
