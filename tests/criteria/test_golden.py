"""The compiled evaluator decides and words everything exactly as the evaluator before it did.

`golden/digests.json` and `golden/cases.json.gz` were written by the evaluator before it was
compiled into tables (see golden.py). A test of equality, not of time: whole decisions for a
few hundred cases first (so a difference names its case and field), then a sha256 over
10,000 seeded cases for each of twelve sets. `python benchmarks/criteria_speed.py --check`
checks the 100,000-case digests.
"""

from __future__ import annotations

import importlib
import pickle
from dataclasses import FrozenInstanceError

import pytest

from supportfirst.rules.criteria import Case, Decision, evaluate
from supportfirst.rules.criteria.evaluate import decide

from . import golden

SETS = dict(golden.criteria_sets())
RECORDED = golden.recorded_cases()


def test_the_recorded_decisions_are_given_word_for_word():
    assert len(RECORDED) == golden.GOLDEN_PER_SET * len(SETS)
    for entry in RECORDED:
        decision = evaluate(SETS[entry["set"]], Case.from_dict(entry["case"]))
        where = f"first differing case: set {entry['set']}, case {entry['index']}"
        assert decision.to_dict() == entry["decision"], where


def test_deciding_alone_gives_the_recorded_decisions():
    for entry in RECORDED:
        verdict = decide(SETS[entry["set"]], Case.from_dict(entry["case"]))
        recorded = entry["decision"]
        where = f"set {entry['set']}, case {entry['index']}"
        assert verdict.eligible == recorded["eligible"], where
        assert verdict.needs == tuple((n["met"], n["criterion_id"]) for n in recorded["needs"])
        assert verdict.services == tuple(s["met"] for s in recorded["services"]), where


@pytest.mark.parametrize("name", list(SETS))
def test_seeded_cases_give_the_recorded_digest(name):
    recorded = golden.recorded_digests()
    assert recorded["quick_cases"] == golden.QUICK
    assert golden.digest(SETS[name], name, golden.QUICK) == recorded["quick"][name]


def test_a_decision_is_written_when_read_and_behaves_as_a_frozen_value():
    entry = next(e for e in RECORDED if e["decision"]["needs"])
    criteria_set = SETS[entry["set"]]
    lazy = evaluate(criteria_set, Case.from_dict(entry["case"]))
    again = evaluate(criteria_set, Case.from_dict(entry["case"]))
    assert lazy._write is not None  # nothing written yet
    assert lazy.eligible == entry["decision"]["eligible"]
    assert lazy == again
    assert hash(lazy) == hash(again)
    assert lazy._write is None
    built = Decision(
        lazy.set_id, lazy.set_version, lazy.set_digest, lazy.eligible, lazy.needs, lazy.services
    )
    assert built == lazy
    assert Decision.from_dict(lazy.to_dict()) == lazy
    fresh = evaluate(criteria_set, Case.from_dict(entry["case"]))
    assert pickle.loads(pickle.dumps(fresh)) == lazy
    assert "needs=(NeedOutcome(" in repr(lazy)
    with pytest.raises(FrozenInstanceError):
        lazy.eligible = not lazy.eligible  # type: ignore[misc]


def test_the_same_words_when_what_was_written_is_often_forgotten(monkeypatch):
    """Everything written is kept in tables that start afresh when full; a tiny limit makes
    every table (a case's outcomes, each criterion's, each sentence's) fill and clear many
    times, and each decision, written again from what is kept, is still word for word."""
    module = importlib.import_module("supportfirst.rules.criteria.evaluate")
    monkeypatch.setattr(module, "_TEXTS_AT_MOST", 3)
    monkeypatch.setattr(module, "_COMPILED", {})
    monkeypatch.setattr(module, "_BY_OBJECT", {})
    for _ in range(2):
        for entry in RECORDED:
            decision = evaluate(SETS[entry["set"]], Case.from_dict(entry["case"]))
            where = f"set {entry['set']}, case {entry['index']}"
            assert decision.to_dict() == entry["decision"], where
