"""A small valid criteria set and helpers for the loader's rule tests: change the set, load it,
and read the problems found."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from supportfirst.rules.criteria import CriteriaFileError, Problem, load_text


def valid() -> dict[str, Any]:
    """A small valid set: one criterion, two services, and the two worked examples that test
    each thing the criterion says (two areas are needed; a need counts when it cannot be managed
    without help)."""
    return {
        "id": "999-testshire",
        "owner": "999",
        "version": "1.0",
        "effective_from": "2026-04-01",
        "status": "published",
        "title": "Help in Testshire",
        "summary": "When we help. You do not need a diagnosis.",
        "sign_off": [
            {
                "name": "A Person",
                "organisation": "Testshire Council",
                "kind": "council",
                "on": "2026-03-01",
            },
            {
                "name": "B Person",
                "organisation": "Testshire Parent Carer Forum",
                "kind": "parent_carer_forum",
                "on": "2026-03-02",
            },
        ],
        "criteria": [
            {
                "id": "child",
                "title": "Your child's needs",
                "plain_english": "Two areas of life your child can only manage with help.",
                "counts": ["cannot_without_help"],
                "outcomes_needed": 2,
                "needs_impairment_or_illness": False,
                "needs_significant_impact": False,
                "compare_with_same_age": False,
            }
        ],
        "services": [
            {
                "code": "help-at-home",
                "name": "Help at home",
                "plain_english": "Help with washing and dressing.",
                "legal_basis": [
                    {"act": "Chronically Sick and Disabled Persons Act 1970", "section": "2(1)(a)"}
                ],
                "duty_or_power": "duty",
                "criterion": "child",
                "areas": ["personal_care"],
            },
            {
                "code": "family-support",
                "name": "Family support",
                "plain_english": "A family support worker.",
                "legal_basis": [{"act": "Children Act 1989", "section": "17(1)"}],
                "duty_or_power": "general",
                "criterion": "child",
            },
        ],
        "examples": [
            {
                "name": "Two areas",
                "case": {
                    "arises_from_impairment_or_illness": True,
                    "significant_impact_on_wellbeing": True,
                    "needs": [
                        {
                            "id": "wash",
                            "area": "personal_care",
                            "cannot_without_help": True,
                            "how_often": "every_day",
                        },
                        {
                            "id": "sleep",
                            "area": "sleep",
                            "cannot_without_help": True,
                            "how_often": "every_day",
                        },
                    ],
                },
                "expect": {
                    "eligible": True,
                    "needs": {"wash": "met", "sleep": "met"},
                    "services": {"help-at-home": "met", "family-support": "met"},
                },
            },
            {
                "name": "One area",
                "case": {
                    "arises_from_impairment_or_illness": True,
                    "significant_impact_on_wellbeing": True,
                    "needs": [
                        {
                            "id": "wash",
                            "area": "personal_care",
                            "cannot_without_help": True,
                            "how_often": "every_day",
                        },
                    ],
                },
                "expect": {
                    "eligible": False,
                    "needs": {"wash": "not met"},
                    "services": {"help-at-home": "not met", "family-support": "not met"},
                },
            },
        ],
    }


def text_of(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def problems_after(change: Callable[[dict[str, Any]], object]) -> list[Problem]:
    data = copy.deepcopy(valid())
    change(data)
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text_of(data), "test.yaml")
    return caught.value.problems


def only(problems: list[Problem], path: str) -> Problem:
    found = [problem for problem in problems if problem.field_path == path]
    assert found, f"no problem at {path}: {[str(p) for p in problems]}"
    return found[0]
