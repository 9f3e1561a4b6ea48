"""`supportfirst criteria test` and `supportfirst criteria explain`: output and exit codes."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from supportfirst.rules.criteria import cli, shipped_set_paths

ASHVALE = next(path for path in shipped_set_paths() if path.name == "957-ashvale.yaml")


def parser() -> argparse.ArgumentParser:
    built = argparse.ArgumentParser(prog="supportfirst")
    cli.register(built.add_subparsers(dest="command", required=True))
    return built


def run(capsys, *argv: str) -> tuple[int, str, str]:
    args = parser().parse_args(["criteria", *argv])
    code = args.handler(args)
    out, err = capsys.readouterr()
    return code, out, err


def write_set(tmp_path: Path, change=None) -> Path:
    data = yaml.safe_load(ASHVALE.read_text(encoding="utf-8"))
    for entry in data["sign_off"]:  # PyYAML reads a bare `on` as true
        entry["on"] = entry.pop(True)
    if change:
        change(data)
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_every_shipped_set_passes_with_no_file_given(capsys):
    code, out, err = run(capsys, "test")
    assert (code, err) == (0, "")
    assert out.count("  PASS ") == 76
    assert "FAIL" not in out
    assert out.splitlines()[-1] == "5 files, 0 invalid; 76 examples: 76 passed, 0 failed."


def test_one_file(capsys):
    code, out, _ = run(capsys, "test", str(ASHVALE))
    assert code == 0
    assert "  PASS Keeping safe every day is enough on its own" in out
    assert out.splitlines()[-1] == "1 file, 0 invalid; 14 examples: 14 passed, 0 failed."


def test_a_failing_example_exits_1_and_says_what_differed(tmp_path, capsys):
    def change(data):
        data["examples"][0]["expect"]["services"]["activities"] = "met"

    code, out, _ = run(capsys, "test", str(write_set(tmp_path, change)))
    assert code == 1
    assert "  FAIL Personal care and nights, every day" in out
    assert "       service activities: expected met, got not met" in out
    assert "3 passed, 1 failed" in out


def test_an_invalid_file_exits_1_with_every_problem_and_its_place(tmp_path, capsys):
    def change(data):
        data["owner"] = "ashvale"
        data["services"][0]["duty_or_power"] = "power"

    path = write_set(tmp_path, change)
    code, out, _ = run(capsys, "test", str(path), str(ASHVALE))
    assert code == 1
    assert f"INVALID {path}: 2 problems" in out
    assert f"{path}:2: owner:" in out
    assert "services[0].duty_or_power:" in out
    assert "  PASS Personal care and nights, every day" in out  # the good file still runs
    assert out.splitlines()[-1] == "2 files, 1 invalid; 14 examples: 14 passed, 0 failed."


def test_a_missing_file_is_a_usage_error(tmp_path, capsys):
    code, out, err = run(capsys, "test", str(tmp_path / "nothing.yaml"))
    assert code == 2
    assert out == ""
    assert "there is no file" in err


def test_explain_prints_the_decision_with_reasons(tmp_path, capsys):
    from supportfirst.rules.criteria import load_file

    example = load_file(ASHVALE).examples[0]
    case_path = tmp_path / "case.json"
    case_path.write_text(json.dumps(example.case.to_dict()), encoding="utf-8")
    code, out, err = run(capsys, "explain", str(ASHVALE), str(case_path))
    assert (code, err) == (0, "")
    assert "Eligible: yes" in out
    assert "Criteria 957-ashvale, version 2.1, in force from 2026-12-01 (published)" in out
    assert "  washing (Needs two adults for bathing and help with the toilet.): met" in out
    assert "  Help at home with personal care [help-at-home]: met (duty)" in out
    assert "Law: Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)" in out
    assert "What would change:" in out


def test_explain_json(tmp_path, capsys):
    case_path = tmp_path / "case.json"
    case_path.write_text(
        json.dumps(
            {
                "arises_from_impairment_or_illness": True,
                "significant_impact_on_wellbeing": True,
                "needs": [
                    {
                        "id": "road",
                        "area": "keeping_safe",
                        "only_with_danger": True,
                        "how_often": "every_day",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "explain", "--json", str(ASHVALE), str(case_path))
    assert code == 0
    decision = json.loads(out)
    assert decision["eligible"] is True
    assert decision["needs"][0]["need_id"] == "road"
    services = {service["service_code"]: service for service in decision["services"]}
    assert services["short-breaks"]["met"] is True
    assert services["short-breaks"]["legal_basis"][0]["act"] == "Children Act 1989"


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "is not valid JSON"), ('{"needs": []}', "arises_from_impairment_or_illness")],
)
def test_explain_a_bad_case_is_a_usage_error(tmp_path, capsys, content, message):
    case_path = tmp_path / "case.json"
    case_path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "explain", str(ASHVALE), str(case_path))
    assert code == 2
    assert out == ""
    assert message in err


def test_explain_with_an_invalid_set_exits_1(tmp_path, capsys):
    path = write_set(tmp_path, lambda data: data.update({"status": "live"}))
    case_path = tmp_path / "case.json"
    case_path.write_text("{}", encoding="utf-8")
    code, out, _ = run(capsys, "explain", str(path), str(case_path))
    assert code == 1
    assert "status" in out


def test_explain_missing_files_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "explain", str(ASHVALE), str(tmp_path / "none.json"))
    assert code == 2
    assert "there is no file" in err


def test_the_supportfirst_command_has_the_criteria_commands():
    result = subprocess.run(
        [sys.executable, "-m", "supportfirst", "criteria", "test"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "76 passed, 0 failed" in result.stdout
    usage = subprocess.run(
        [sys.executable, "-m", "supportfirst", "criteria"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert usage.returncode == 2
