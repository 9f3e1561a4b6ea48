"""Bar charts drawn as SVG on the server: plain Python, no Django, no JavaScript.

`bar_chart` draws one horizontal bar per series for each row (a month, a clock, a stage), with
the figure written at the end of every bar. Each series has its own colour *and* its own fill
pattern (solid, stripes, dots, crossed lines), shown in the key, so no meaning rests on colour
alone. The drawing is an image for screen readers (`role="img"`, with a <title> and a <desc>
that say what it shows and that the table after it holds the same figures). Every piece of
text is escaped here, so the markup returned is safe to put in a page as it is.

A figure that is held back (``None``, for a small count from an anonymous survey) is drawn as
no bar with the mark ``*`` beside it; the page says what the mark means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

#: GOV.UK blue, green, purple and orange: each with text-coloured labels beside, never on them.
COLOURS = ("#1d70b8", "#00703c", "#4c2c92", "#f47738")
PATTERNS = ("solid", "stripes", "dots", "crossed")
TEXT = "#0b0c0c"  # GOV.UK text colour on white: contrast well over 4.5 to 1
HELD_BACK_MARK = "*"
WIDTH = 640
FONT = 16
CHARACTER = 8.5  # about how wide one character of the 16px font is
BAR = 18
GAP = 12
KEY_LINE = 26
ROOM_FOR_VALUE = 64


@dataclass(frozen=True)
class Series:
    """One kind of bar: its name (in the key) and one figure for each row."""

    name: str
    values: tuple[int | None, ...]


def _fill(chart_id: str, index: int) -> str:
    pattern = PATTERNS[index % len(PATTERNS)]
    return COLOURS[index % len(COLOURS)] if pattern == "solid" else f"url(#{chart_id}-p{index})"


def _pattern(chart_id: str, index: int) -> str:
    colour = COLOURS[index % len(COLOURS)]
    kind = PATTERNS[index % len(PATTERNS)]
    if kind == "solid":
        return ""
    start = (
        f'<pattern id="{chart_id}-p{index}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="#ffffff"/>'
    )
    if kind == "stripes":
        body = f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{colour}" stroke-width="3"/>'
    elif kind == "dots":
        body = f'<circle cx="4" cy="4" r="2.5" fill="{colour}"/>'
    else:
        body = f'<path d="M0,4 h8 M4,0 v8" stroke="{colour}" stroke-width="2.5"/>'
    return start + body + "</pattern>"


def _number(value: int | None) -> str:
    return HELD_BACK_MARK if value is None else f"{value:,}"


def _fit(label: str, characters: int) -> str:
    return label if len(label) <= characters else label[: max(characters - 1, 1)] + "\u2026"


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    scale_each: bool = False,
) -> str:
    """The chart as one <svg> element. `chart_id` makes its ids unique on the page (letters,
    digits and hyphens only); `labels` names each row; each series has one value per row.
    `scale_each`: each series drawn to its own scale (series that count different things, such
    as services started and average days); otherwise one scale for all. A label too long for
    its space is shortened with an ellipsis (the table with the chart has it whole)."""
    if not chart_id.replace("-", "").isalnum():
        raise ValueError("A chart's id is letters, digits and hyphens only.")
    for one in series:
        if len(one.values) != len(labels):
            raise ValueError(f"The series {one.name!r} needs one value for each row.")
    longest = max([len(label) for label in labels] + [8])
    # Up to half the width: a month with what it is about ("September 2026: parent-carer").
    label_width = min(int(longest * CHARACTER) + 12, WIDTH // 2)
    bar_area = WIDTH - label_width - ROOM_FOR_VALUE
    shared = max([v for one in series for v in one.values if v is not None] + [1])
    biggest = [
        max([v for v in one.values if v is not None] + [1]) if scale_each else shared
        for one in series
    ]
    room = max(1, int((label_width - 8) / CHARACTER))
    key_height = len(series) * KEY_LINE + GAP
    group = max(len(series), 1) * BAR + GAP
    height = key_height + max(len(labels), 1) * group
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sf-chart" role="img" '
        f'width="100%" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="GDS Transport, arial, sans-serif" font-size="{FONT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    patterns = "".join(_pattern(chart_id, i) for i in range(len(series)))
    if patterns:
        parts.append(f"<defs>{patterns}</defs>")
    for i, one in enumerate(series):
        y = i * KEY_LINE
        parts.append(
            f'<rect x="0" y="{y + 4}" width="{BAR}" height="{BAR}" fill="{_fill(chart_id, i)}" '
            f'stroke="{COLOURS[i % len(COLOURS)]}" stroke-width="2"/>'
            f'<text x="{BAR + 8}" y="{y + 19}" fill="{TEXT}">{escape(one.name)}</text>'
        )
    for n, label in enumerate(labels):
        top = key_height + n * group
        middle = top + (len(series) * BAR) // 2 + FONT // 3
        parts.append(
            f'<text x="{label_width - 8}" y="{middle}" text-anchor="end" fill="{TEXT}">'
            f"{escape(_fit(label, room))}</text>"
        )
        for i, one in enumerate(series):
            value = one.values[n]
            y = top + i * BAR
            width = 0 if value is None else round(max(value, 0) * bar_area / biggest[i])
            if width:
                parts.append(
                    f'<rect x="{label_width}" y="{y + 1}" width="{width}" height="{BAR - 2}" '
                    f'fill="{_fill(chart_id, i)}" stroke="{COLOURS[i % len(COLOURS)]}" '
                    f'stroke-width="1"/>'
                )
            parts.append(
                f'<text x="{label_width + width + 6}" y="{y + BAR - 4}" fill="{TEXT}" '
                f'font-size="14">{_number(value)}</text>'
            )
    parts.append(
        f'<line x1="{label_width}" y1="{key_height - 4}" x2="{label_width}" y2="{height}" '
        f'stroke="{TEXT}" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return "".join(parts)
