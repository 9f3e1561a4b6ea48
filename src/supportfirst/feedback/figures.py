"""The survey's questions, and its anonymous figures: plain Python, no Django.

A figure is shown only when at least SMALLEST_FIGURE answers make it up; below that it reads
"fewer than 5 answers", so that nobody can work out what one family said. What families wrote
in their own words is shown only when at least SMALLEST_FIGURE answers were given at that stage.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from supportfirst.rules.smallfigures import SMALLEST_FIGURE

SUPPRESSED = f"fewer than {SMALLEST_FIGURE} answers"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str
    options: tuple[Option, ...]


def _scale(*labels: str) -> tuple[Option, ...]:
    return tuple(Option(str(i), label) for i, label in enumerate(labels, start=1))


HOW_MUCH = ("Not at all", "A little", "Somewhat", "Mostly", "Completely")

QUESTIONS: tuple[Question, ...] = (
    Question("listened", "Did you feel listened to?", "", _scale(*HOW_MUCH)),
    Question("respected", "Did you feel respected?", "", _scale(*HOW_MUCH)),
    Question(
        "blamed",
        "Did you feel blamed?",
        "For example, for asking for help, or for how things are at home.",
        _scale(*HOW_MUCH),
    ),
    Question(
        "proportionate",
        "Were the visits and questions in proportion to the help you asked for?",
        "For example, were you asked only what was needed, and visited only when it helped?",
        _scale(
            "Far too many",
            "A few too many",
            "About right",
            "A few too few",
            "Far too few",
        ),
    ),
    Question("understood", "Did you understand the decision?", "", _scale(*HOW_MUCH)),
)
QUESTION_KEYS = tuple(q.key for q in QUESTIONS)


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class QuestionFigures:
    question: Question
    answers: int  # how many answered this question
    shares: tuple[Share, ...] | None  # None when fewer than SMALLEST_FIGURE answers

    @property
    def suppressed(self) -> bool:
        return self.shares is None


@dataclass(frozen=True)
class StageFigures:
    stage: str
    label: str
    answers: int
    questions: tuple[QuestionFigures, ...]
    comments: tuple[str, ...] | None  # None when fewer than SMALLEST_FIGURE answers

    @property
    def answers_shown(self) -> str:
        return SUPPRESSED if self.answers < SMALLEST_FIGURE else str(self.answers)


def percentages(counts: list[int]) -> list[int]:
    """Whole-number percentages that add up to 100 (largest remainder), or all 0 when empty."""
    total = sum(counts)
    if not total:
        return [0 for _ in counts]
    exact = [c * 100 / total for c in counts]
    floors = [int(e) for e in exact]
    left = 100 - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def question_figures(question: Question, values: Iterable[str | None]) -> QuestionFigures:
    counted = Counter(v for v in values if v)
    answered = sum(counted[o.value] for o in question.options)
    if answered < SMALLEST_FIGURE:
        return QuestionFigures(question, answered, None)
    counts = [counted[o.value] for o in question.options]
    shares = tuple(
        Share(o.label, c, p)
        for o, c, p in zip(question.options, counts, percentages(counts), strict=True)
    )
    return QuestionFigures(question, answered, shares)


def stage_figures(
    stage: str, label: str, answers: Iterable[Mapping[str, str | None]]
) -> StageFigures:
    """Figures for one stage from its answers (each a mapping of question key to the option
    chosen, or empty, and "anything_else" to the family's own words)."""
    rows = list(answers)
    questions = tuple(question_figures(q, (row.get(q.key) for row in rows)) for q in QUESTIONS)
    comments: tuple[str, ...] | None = None
    if len(rows) >= SMALLEST_FIGURE:
        # Sorted, so that the order says nothing about who answered when.
        comments = tuple(
            sorted(text.strip() for row in rows if (text := row.get("anything_else") or "").strip())
        )
    return StageFigures(stage, label, len(rows), questions, comments)
