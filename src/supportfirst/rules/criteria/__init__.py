"""Eligibility criteria as published, versioned data, and the decisions they give.

Plain Python: no Django import anywhere in this package (a test checks it), so the rules can
be read, tested and run on their own (`supportfirst criteria test`).

    from supportfirst.rules.criteria import Case, evaluate, load_file, shipped_set_paths
    criteria_set = load_file(shipped_set_paths()[0])
    decision = evaluate(criteria_set, Case.from_dict(data))
    for outcome in decision.services:
        print(outcome.service_name, outcome.met, outcome.reason, outcome.what_would_change)

The file format is described in docs/criteria-format.md.
"""

from supportfirst.rules.criteria.evaluate import evaluate
from supportfirst.rules.criteria.examples import ExampleResult, check_example, run_examples
from supportfirst.rules.criteria.law import CATALOGUE, Law
from supportfirst.rules.criteria.loader import load_file, load_text, shipped_set_paths, shipped_sets
from supportfirst.rules.criteria.model import (
    AssessedNeed,
    CarerGates,
    Case,
    CaseError,
    CriteriaFileError,
    CriteriaSet,
    Criterion,
    Decision,
    Example,
    LegalBasis,
    NeedOutcome,
    Problem,
    Service,
    ServiceOutcome,
    SignOff,
)

__all__ = [
    "CATALOGUE",
    "AssessedNeed",
    "CarerGates",
    "Case",
    "CaseError",
    "CriteriaFileError",
    "CriteriaSet",
    "Criterion",
    "Decision",
    "Example",
    "ExampleResult",
    "Law",
    "LegalBasis",
    "NeedOutcome",
    "Problem",
    "Service",
    "ServiceOutcome",
    "SignOff",
    "check_example",
    "evaluate",
    "load_file",
    "load_text",
    "run_examples",
    "shipped_set_paths",
    "shipped_sets",
]
