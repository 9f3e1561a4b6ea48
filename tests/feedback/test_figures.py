"""The survey's figures: plain Python, no Django. Shown only from 5 answers."""

from __future__ import annotations

from supportfirst.feedback import figures
from supportfirst.feedback.figures import QUESTIONS, SUPPRESSED, question_figures, stage_figures

LISTENED = QUESTIONS[0]


def _answers(n: int, value: str = "4", text: str = "") -> list[dict[str, str]]:
    return [{"listened": value, "anything_else": text} for _ in range(n)]


def test_four_answers_are_not_shown():
    result = question_figures(LISTENED, ["4", "4", "5", "1"])
    assert result.suppressed
    assert result.shares is None


def test_five_answers_are_shown_with_counts_and_percentages():
    result = question_figures(LISTENED, ["4", "4", "5", "1", "4"])
    assert not result.suppressed
    shares = {s.label: (s.count, s.percent) for s in result.shares}
    assert shares == {
        "Not at all": (1, 20),
        "A little": (0, 0),
        "Somewhat": (0, 0),
        "Mostly": (3, 60),
        "Completely": (1, 20),
    }


def test_unanswered_questions_do_not_count_towards_five():
    result = question_figures(LISTENED, ["4", "4", None, "", "5", "1"])
    assert result.suppressed
    assert result.answers == 4


def test_percentages_add_up_to_100():
    assert sum(figures.percentages([1, 1, 1])) == 100
    assert figures.percentages([1, 1, 1]) == [34, 33, 33]
    assert figures.percentages([0, 0]) == [0, 0]


def test_own_words_only_from_five_answers_at_the_stage():
    four = stage_figures("plan", "After the plan", _answers(4, text="They listened to us."))
    assert four.comments is None
    assert four.answers_shown == SUPPRESSED
    five = stage_figures("plan", "After the plan", _answers(5, text="They listened to us."))
    assert five.comments == ("They listened to us.",) * 5
    assert five.answers_shown == "5"


def test_own_words_are_sorted_so_the_order_gives_nothing_away():
    rows = [{"anything_else": t} for t in ("zebra", "apple", "", "mango", "kiwi")]
    assert stage_figures("plan", "x", rows).comments == ("apple", "kiwi", "mango", "zebra")


def test_the_module_does_not_use_django():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(figures.__file__).read_text())
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any(name.startswith("django") for name in imported)
