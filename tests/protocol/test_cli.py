"""`supportfirst protocol audit`: exit codes, one-line reasons, JSON and HTML, and no Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.protocol import protocols

PROGRAM = (
    "import sys\n"
    "from supportfirst.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "assert 'django' not in sys.modules, 'the protocol audit imported Django'\n"
    "sys.exit(code)\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, "protocol", "audit", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(protocols.GOOD)
    (tmp_path / "poor.html").write_bytes(protocols.as_html(protocols.POOR, "poor"))
    (tmp_path / "copy.docx").write_bytes(protocols.as_docx(protocols.POOR_EDITED_A))
    (tmp_path / "damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_readable_files_exit_0_with_the_checklist_and_the_pairs(folder: Path) -> None:
    result = run(str(folder / "good.txt"), str(folder / "poor.html"), str(folder / "copy.docx"))
    assert result.returncode == 0, result.stderr
    assert "[NOT MET] The child's bedroom and the home are not looked at" in result.stdout
    assert "“The child's bedroom must be seen on every home visit" in result.stdout
    assert "NEAR-COPY" in result.stdout
    assert result.stderr == ""


def test_an_unreadable_file_exits_2_naming_it_and_the_rest_are_still_audited(folder: Path) -> None:
    result = run(str(folder / "good.txt"), str(folder / "damaged.pdf"), str(folder / "empty.txt"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"Could not read {folder / 'damaged.pdf'} is a damaged or incomplete PDF.",
        f"Could not read {folder / 'empty.txt'} is empty.",
    ]
    assert "Traceback" not in result.stderr
    assert "good.txt (text" in result.stdout


def test_a_missing_file_and_a_file_over_the_limit(folder: Path) -> None:
    big = folder / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    result = run(str(folder / "nothing.pdf"), str(big), "--max-mb", "2")
    assert result.returncode == 2
    assert "nothing.pdf cannot be found." in result.stderr
    assert "big.pdf is 3 MB, larger than the 2 MB limit." in result.stderr
    assert result.stdout == ""


def test_json_output(folder: Path) -> None:
    result = run(str(folder / "good.txt"), str(folder / "poor.html"), "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["documents"][0]["summary"] == {"met": 14, "not met": 0, "unclear": 0}
    poor = data["documents"][1]
    alone = next(i for i in poor["checklist"] if i["id"] == "no-routine-child-alone")
    assert alone["answer"] == "not met"
    assert alone["evidence"][0]["quote"].startswith("The child must be seen alone")
    assert len(data["pairs"]) == 1
    assert data["pairs"][0]["near_copy"] is False


def test_html_report(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run(str(folder / "poor.html"), str(folder / "copy.docx"), "--html", str(out))
    assert result.returncode == 0
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert "What poor.html" not in html  # names are shown as given (full paths)
    assert "Near-copy" in html
    assert "<blockquote>" in html


def test_a_bad_threshold_is_a_usage_error(folder: Path) -> None:
    result = run(str(folder / "good.txt"), "--threshold", "7")
    assert result.returncode == 2
    assert "give a number between 0 and 1" in result.stderr
