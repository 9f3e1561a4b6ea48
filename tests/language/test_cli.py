"""`supportfirst language check`: exit codes, the caret output and the JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "supportfirst", "language", "check", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_nothing_found_exits_0(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("Mum told us that Alfie wakes at night.", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 0
    assert b"Nothing found." in result.stdout


def test_findings_exit_1_with_line_and_caret(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("First line.\nMum failed to attend.\n", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith(f"{path}:2:5: Words that blame or doubt parents")
    assert lines[1] == "    Mum failed to attend."
    assert lines[2] == "        ^^^^^^^^^"


def test_json_from_standard_input():
    text = "Zoë’s dad “is fine”. Dad failed to call."
    result = run("--json", "-", stdin=text.encode("utf-8"))
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    assert set(rows[0]) == {"start", "end", "text", "category", "explanation", "suggestions"}
    assert rows[0]["text"] == "failed to"
    assert text[rows[0]["start"] : rows[0]["end"]] == "failed to"
    assert isinstance(rows[0]["suggestions"], list)


def test_unreadable_or_not_utf8_exits_2_with_one_line(tmp_path):
    missing = run(str(tmp_path / "missing.txt"))
    assert missing.returncode == 2
    assert missing.stderr.decode().count("\n") == 1
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = run(str(bad))
    assert result.returncode == 2
    assert b"not UTF-8" in result.stderr
