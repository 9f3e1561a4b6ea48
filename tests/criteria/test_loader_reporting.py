"""How the criteria file loader reports problems: file, line and field path for each, and odd
shapes reported as problems, never crashes (found by fuzzing)."""

from __future__ import annotations

import pytest

from supportfirst.rules.criteria import CriteriaFileError, load_file
from tests.criteria.loader_helpers import only, problems_after, text_of, valid

# --- places and completeness ----------------------------------------------------------------


def test_every_problem_is_reported_with_file_line_and_field_path():
    def change(d):
        d["owner"] = "ashvale"
        d["services"][1]["criterion"] = "nope"
        d["services"][1]["duty_or_power"] = "duty"
        d["criteria"][0]["plain_english"] = "Excludes autism."

    problems = problems_after(change)
    paths = [problem.field_path for problem in problems]
    assert {
        "owner",
        "services[1].criterion",
        "services[1].duty_or_power",
        "criteria[0].plain_english",
    } <= set(paths)
    for problem in problems:
        assert problem.file == "test.yaml"
        assert problem.line is not None
        assert problem.where == f"test.yaml:{problem.line}: {problem.field_path}"
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_the_line_is_the_line_of_the_field():
    text = text_of(valid())
    lines = text.splitlines()
    problems = problems_after(lambda d: d["services"][1].update({"duty_or_power": "duty"}))
    problem = only(problems, "services[1].duty_or_power")
    assert lines[problem.line - 1].strip().startswith("duty_or_power:")


def test_load_file_names_the_file(tmp_path):
    path = tmp_path / "mine.yaml"
    data = valid()
    data["status"] = "live"
    path.write_text(text_of(data), encoding="utf-8")
    with pytest.raises(CriteriaFileError) as caught:
        load_file(path)
    assert caught.value.problems[0].where.startswith(f"{path}:")
    assert str(path) in str(caught.value)


def test_load_file_reports_an_unreadable_file(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(CriteriaFileError) as caught:
        load_file(path)
    assert "not UTF-8" in caught.value.problems[0].message
    with pytest.raises(CriteriaFileError):
        load_file(tmp_path / "missing.yaml")


# --- odd shapes are problems, never crashes (found by fuzzing) ------------------------------


def test_rule_a_published_set_with_no_sign_off_field():
    problems = problems_after(lambda d: d.pop("sign_off"))
    messages = [problem.message for problem in problems]
    assert "A criteria set needs the field “sign_off”." in messages
    assert any("there is no sign-off by the council" in message for message in messages)


def test_rule_a_required_field_left_empty():
    problems = problems_after(lambda d: d["services"][0].update({"criterion": None}))
    assert only(problems, "services[0].criterion").message == "“criterion” must not be empty."


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["examples"][0]["case"]["needs"][0].update({"area": ["sleep"]}),
        lambda d: d["examples"][0]["case"]["needs"][0].update({"person": {"a": 1}}),
        lambda d: d["examples"][0]["case"]["needs"][0].update({"how_often": []}),
        lambda d: d["examples"][0]["case"].update({"needs": 2.5}),
        lambda d: d["examples"][0]["expect"]["needs"].update({"wash": {"a": 1}}),
        lambda d: d["services"][0].update({"legal_basis": ""}),
        lambda d: d["criteria"][0].update({"areas": {"a": 1}}),
        lambda d: d.update({"criteria": "child"}),
    ],
)
def test_odd_shapes_are_reported_as_problems(change):
    assert problems_after(change)
