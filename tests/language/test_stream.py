"""Checking a long text in windows: the same findings as in one piece, line numbers counted
as the text passes, a short excerpt of the line, and the command line's plain and JSON
output printed as the findings come."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supportfirst.rules.language import check
from supportfirst.rules.language import cli as language_cli
from supportfirst.rules.language.stream import AROUND, check_stream

ROOT = Path(__file__).resolve().parents[2]


def sentences() -> list[str]:
    rows = (ROOT / "benchmarks" / "language_heldout.tsv").read_text(encoding="utf-8")
    return [line.split("\t")[2] for line in rows.splitlines()[1:] if line.count("\t") == 2]


def in_pieces(text: str, size: int = 777) -> list[str]:
    return [text[at : at + size] for at in range(0, len(text), size)]


@pytest.mark.parametrize("layout", ["lines", "one line", "wrapped at 70"])
def test_small_windows_find_exactly_what_one_piece_finds(layout):
    text = " ".join(sentences()) + "\n"
    text = (text * 2)[:60_000]
    if layout == "lines":
        text = text.replace(". ", ".\n")
    elif layout == "wrapped at 70":
        text = "\n".join(text[at : at + 70] for at in range(0, len(text), 70))
    whole = check(text)
    assert len(whole) > 300
    assert any(f.category == "unexplained-acronym" for f in whole)
    found = [located.finding for located in check_stream(in_pieces(text), chunk=3000, context=500)]
    assert found == whole


@pytest.mark.parametrize("lead", range(0, 40))
def test_a_finding_across_the_edge_of_a_window_is_found_once(lead):
    # Windows of 64 characters with no sentence end to cut at: the cut falls at a space,
    # sometimes the one inside "failed to".
    text = "x" * lead + " Leo likes the bus and Mum failed to come along to the park with Leo"
    found = [located.finding for located in check_stream([text], chunk=64, context=20)]
    assert found == check(text)
    assert [f.text for f in found].count("failed to") == 1


def test_line_numbers_columns_and_a_short_excerpt_of_a_long_line():
    filler = "Leo likes trains and buses and the park on Sundays with his sister. " * 30
    text = f"First line.\nSecond line.\n{filler}Dad failed to call. {filler}\nLast line."
    [located] = [x for x in check_stream(in_pieces(text, 100)) if x.finding.text == "failed to"]
    assert (located.line, located.column) == (3, len(filler) + 4)
    assert located.excerpt.startswith("…")
    assert located.excerpt.endswith("…")
    assert "Dad failed to call." in located.excerpt
    assert len(located.excerpt) <= 2 * AROUND + len("failed to") + 2
    column = located.excerpt_column
    assert located.excerpt[column : column + located.excerpt_width] == "failed to"


def test_json_output_is_the_same_text_as_before(tmp_path, capsys):
    text = "Zoë’s dad “is fine”.\nDad failed to call.\n\nThe CIN plan and the TAC.\n"
    text += 'A "quoted\\ word" \t tab. ' + " ".join(sentences()[:200])
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    handle, two = language_cli.open_input(str(path))
    with handle:
        language_cli.write_json(
            check_stream(language_cli._decoded(handle, "x"), ascii_lower=two), tmp := _Out()
        )
    assert tmp.text == language_cli.as_json(check(text)) + "\n"
    assert len(json.loads(tmp.text)) > 50


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)


def test_a_capital_that_becomes_two_letters_anywhere_lowers_only_a_to_z():
    text = "İstanbul. " + "Leo likes the bus. " * 400 + "DAD FAILED TO CALL."
    found = [x.finding for x in check_stream([text], chunk=1000, context=100, ascii_lower=True)]
    assert found == check(text)


def test_the_plain_output_shows_the_excerpt_with_carets(tmp_path, capsys, monkeypatch):
    long_line = "Leo likes the big red bus. " * 20 + "Mum failed to come. " + "Leo sings. " * 20
    path = tmp_path / "note.txt"
    path.write_text(f"Hello.\n{long_line}\n", encoding="utf-8")
    args = language_cli_args(str(path))
    assert args.handler(args) == 1
    lines = capsys.readouterr().out.splitlines()
    column = long_line.index("failed") + 1
    assert lines[0] == f"{path}:2:{column}: Words that blame or doubt parents: “failed to”"
    excerpt, carets = lines[1][4:], lines[2][4:]
    assert excerpt.startswith("…")
    assert excerpt.endswith("…")
    assert excerpt[carets.index("^") : carets.index("^") + carets.count("^")] == "failed to"


def language_cli_args(*argv: str):
    import argparse

    parser = argparse.ArgumentParser(prog="supportfirst")
    language_cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["language", "check", *argv])
