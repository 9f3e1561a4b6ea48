"""`supportfirst language check`: exit codes, the caret output and the JSON shape."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from supportfirst.rules.language import cli


def parser() -> argparse.ArgumentParser:
    """A parser with only the language sub-command, as supportfirst.cli builds it."""
    built = argparse.ArgumentParser(prog="supportfirst")
    cli.register(built.add_subparsers(dest="command", required=True))
    return built


def run(capsys, monkeypatch, *argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(stdin)))
    args = parser().parse_args(["language", "check", *argv])
    code = args.handler(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_nothing_found_exits_0(tmp_path, capsys, monkeypatch):
    path = tmp_path / "ok.txt"
    path.write_text("Mum told us that Alfie wakes at night.", encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, str(path))
    assert (code, err) == (0, "")
    assert "Nothing found." in out


def test_findings_exit_1_with_line_and_caret(tmp_path, capsys, monkeypatch):
    path = tmp_path / "note.txt"
    path.write_text("First line.\nMum failed to attend.\n", encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{path}:2:5: Words that blame or doubt parents: “failed to”"
    assert lines[1] == "    Mum failed to attend."
    assert lines[2] == "        ^^^^^^^^^"
    assert lines[3].startswith("    Why: ")
    assert lines[4].startswith("    Try: ")
    assert lines[-1] == "1 finding."


def test_the_caret_follows_tabs_and_curly_quotes(tmp_path, capsys, monkeypatch):
    path = tmp_path / "note.txt"
    path.write_text("\t“Zoë’s” dad refused.\r\n", encoding="utf-8")
    _, out, _ = run(capsys, monkeypatch, str(path))
    lines = out.splitlines()
    assert lines[1] == "    \t“Zoë’s” dad refused."
    assert lines[2] == "    \t            ^^^^^^^"


def test_json_from_standard_input(capsys, monkeypatch):
    text = "Zoë’s dad “is fine”.\u00a0Dad failed to call."
    code, out, _ = run(capsys, monkeypatch, "--json", "-", stdin=text.encode("utf-8"))
    assert code == 1
    rows = json.loads(out)
    assert [set(row) for row in rows] == [
        {"start", "end", "text", "category", "explanation", "suggestions"}
    ]
    [row] = rows
    assert (row["text"], row["category"]) == ("failed to", "parent-blame")
    assert text[row["start"] : row["end"]] == "failed to"
    assert isinstance(row["suggestions"], list)


def test_json_with_nothing_found_is_an_empty_list(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--json", "-", stdin=b"Leo loves trains.")
    assert (code, json.loads(out)) == (0, [])


@pytest.mark.parametrize("problem", ["missing", "directory", "not-utf8"])
def test_unreadable_or_not_utf8_exits_2_with_one_line(tmp_path, capsys, monkeypatch, problem):
    path = tmp_path / "input.txt"
    if problem == "directory":
        path.mkdir()
    elif problem == "not-utf8":
        path.write_bytes(b"Mum \xff\xfe failed")
    code, out, err = run(capsys, monkeypatch, str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("supportfirst language check: ")
    if problem == "not-utf8":
        assert "not UTF-8" in err


def test_not_utf8_on_standard_input_exits_2(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "-", stdin=b"\xff")
    assert code == 2
    assert "standard input is not UTF-8" in err


def test_the_installed_command_runs_it():
    result = subprocess.run(
        [sys.executable, "-m", "supportfirst", "language", "check", "--json", "-"],
        input=b"Dad failed to call.",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["text"] == "failed to"
