"""The Annex A lists against the Annex A specification the ``liiatools`` package ships, read at
test time from the census tool environment (``scripts/census/setup`` makes it; ``.ci/run`` makes
it before the tests). Every heading must match exactly, in order, and every coded value the
writer can produce must be one the specification's data map knows.

A missing tool environment fails these tests: set SUPPORTFIRST_NO_CENSUS_TOOLS=1 to skip them on
a machine that cannot make it (never in continuous integration)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from supportfirst.rules.returns import annex_a

ROOT = Path(__file__).resolve().parents[2]

#: Codes the census gained after the specification's data map was drawn up (each is written in
#: the same shape as its neighbours; the council's Annex A tooling passes them through).
NEWER_THAN_THE_SPEC = {annex_a.SOURCE["5D"], annex_a.CLOSURE_REASON["RC9"]}


def _spec_dir() -> Path:
    tools = Path(os.environ.get("CENSUS_TOOLS", ROOT / ".tools" / "census"))
    found = sorted(tools.glob("lib/python*/site-packages/liiatools/spec/annex_a"))
    if not found:
        message = (
            f"No liiatools Annex A specification under {tools}: run scripts/census/setup "
            "(or set CENSUS_TOOLS to the census tool environment)."
        )
        if os.environ.get("SUPPORTFIRST_NO_CENSUS_TOOLS") == "1":
            pytest.skip(message)
        pytest.fail(message)
    return found[-1]


def _load(name: str) -> dict[str, Any]:
    with (_spec_dir() / name).open(encoding="utf-8") as f:
        loaded: dict[str, Any] = yaml.safe_load(f)
    return loaded


@pytest.fixture(scope="module")
def headings() -> dict[str, list[str]]:
    return {
        name: list(columns) for name, columns in _load("annex-a-merge.yml")["datasources"].items()
    }


@pytest.fixture(scope="module")
def data_map() -> dict[str, dict[str, set[str]]]:
    return {
        name: {column: {v["code"] for v in values} for column, values in columns.items()}
        for name, columns in _load("data-map.yml")["data_config"].items()
    }


def test_the_specification_has_the_eleven_lists(headings):
    assert list(headings) == [f"List {n}" for n in range(1, 12)]


@pytest.mark.parametrize("annex_list", annex_a.LISTS, ids=lambda lst: lst.title)
def test_every_heading_matches_the_specification_exactly(annex_list, headings):
    assert list(annex_list.headings) == headings[annex_list.title]


def test_the_lists_not_fed_are_the_ones_named(headings):
    fed = {lst.title for lst in annex_a.LISTS}
    assert fed == {"List 1", "List 3", "List 4", "List 6"}
    assert {f"List {n}" for n in annex_a.NOT_FED} | fed < set(headings)


def _allowed(data_map, list_title: str, column: str) -> set[str]:
    return data_map[list_title][column] | NEWER_THAN_THE_SPEC


@pytest.mark.parametrize("annex_list", annex_a.LISTS, ids=lambda lst: lst.title)
def test_gender_and_ethnicity_are_coded_as_the_data_map_codes_them(annex_list, data_map):
    assert set(annex_a.GENDER.values()) <= data_map[annex_list.title]["Gender"]
    assert set(annex_a.ETHNICITY.values()) <= data_map[annex_list.title]["Ethnicity"]


def test_contact_and_referral_sources_are_the_data_map_codes(data_map):
    assert set(annex_a.SOURCE.values()) <= _allowed(data_map, "List 1", "Contact Source")
    assert set(annex_a.SOURCE.values()) <= _allowed(data_map, "List 3", "Referral Source")


def test_yes_and_no_are_the_data_map_codes(data_map):
    answers = {annex_a.YES, annex_a.NO, annex_a.UNKNOWN}
    assert answers <= data_map["List 3"]["Referral NFA?"]
    assert answers <= data_map["List 4"]["Does the Child have a Disability"]
    assert answers <= data_map["List 4"]["Child Seen During Continuous Assessment"]
    assert answers <= data_map["List 6"]["Does the Child have a Disability"]


def test_need_closure_and_case_status_are_the_data_map_codes(data_map):
    assert set(annex_a.PRIMARY_NEED.values()) == data_map["List 6"]["Primary Need Code"]
    assert set(annex_a.CLOSURE_REASON.values()) <= _allowed(
        data_map, "List 6", "Reason for Closure"
    )
    statuses = {annex_a.CIN_PLAN, annex_a.OPEN_ASSESSMENT, annex_a.CLOSED}
    assert statuses <= data_map["List 6"]["Case status"]
