"""Running a criteria file's worked examples: does each come out as the file says?"""

from __future__ import annotations

from dataclasses import dataclass

from supportfirst.rules.criteria.evaluate import evaluate
from supportfirst.rules.criteria.model import CriteriaSet, Decision, Example


@dataclass(frozen=True)
class ExampleResult:
    example: Example
    decision: Decision
    differences: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.differences


def _word(met: bool) -> str:
    return "met" if met else "not met"


def check_example(criteria_set: CriteriaSet, example: Example) -> ExampleResult:
    decision = evaluate(criteria_set, example.case)
    differences: list[str] = []
    if decision.eligible != example.eligible:
        differences.append(
            f"eligible: expected {str(example.eligible).lower()}, "
            f"got {str(decision.eligible).lower()}"
        )
    for need_id, met in example.needs:
        got = decision.need(need_id).met
        if got != met:
            differences.append(f"need {need_id}: expected {_word(met)}, got {_word(got)}")
    for code, met in example.services:
        got = decision.service(code).met
        if got != met:
            differences.append(f"service {code}: expected {_word(met)}, got {_word(got)}")
    return ExampleResult(example, decision, tuple(differences))


def run_examples(criteria_set: CriteriaSet) -> list[ExampleResult]:
    """Each worked example in the file, in file order, with any differences from expected."""
    return [check_example(criteria_set, example) for example in criteria_set.examples]
