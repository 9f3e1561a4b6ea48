"""Each chart drawn as a server-rendered SVG of horizontal bars (no JavaScript): the sizes are
worked out here and the template draws them. The table beside each chart carries the same
figures for screen readers, so the drawing itself is hidden from them."""

from __future__ import annotations

from dataclasses import dataclass

from supportfirst.figures.selectors import Chart

COLOURS = ("#1d70b8", "#00703c", "#d4351c", "#6f72af")
"""GOV.UK blue, green, red and purple."""
HELD_BACK = "#b1b4b6"
"""GOV.UK mid-grey: a held-back figure is a short grey bar marked *."""
WIDTH = 560
FONT = 16
CHARACTER = 8.5  # about how wide one character of the 16px font is
BAR_HEIGHT = 22
GAP = 14
KEY_LINE = 24
ROOM_FOR_VALUE = 48


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    colour: str
    text: str
    text_x: int
    text_y: int


@dataclass(frozen=True)
class Label:
    y: int
    text: str


@dataclass(frozen=True)
class Key:
    y: int
    text_y: int
    colour: str
    text: str


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    font: int
    bars: tuple[Bar, ...]
    labels: tuple[Label, ...]
    keys: tuple[Key, ...]
    bar_height: int


def draw(chart: Chart) -> Drawing:
    columns = len(chart.columns)
    longest = max([len(r.drawn_label) for r in chart.rows] + [8])
    label_width = min(int(longest * CHARACTER) + 12, WIDTH // 2)
    bar_area = WIDTH - label_width - ROOM_FOR_VALUE
    biggest = [
        max([r.cells[i].count for r in chart.rows if not r.cells[i].suppressed] + [1])
        for i in range(columns)
    ]
    legend = columns * KEY_LINE + GAP
    keys = tuple(
        Key(
            y=i * KEY_LINE + 4,
            text_y=i * KEY_LINE + 19,
            colour=COLOURS[i % len(COLOURS)],
            text=name,
        )
        for i, name in enumerate(chart.columns)
    )
    group = columns * BAR_HEIGHT + GAP
    bars: list[Bar] = []
    labels: list[Label] = []
    for n, row in enumerate(chart.rows):
        top = legend + n * group
        labels.append(Label(top + (columns * BAR_HEIGHT) // 2 + FONT // 3, row.drawn_label))
        for i, cell in enumerate(row.cells):
            width = 6 if cell.suppressed else round(cell.count * bar_area / biggest[i])
            y = top + i * BAR_HEIGHT
            bars.append(
                Bar(
                    x=label_width,
                    y=y,
                    width=width,
                    colour=HELD_BACK if cell.suppressed else COLOURS[i % len(COLOURS)],
                    text=cell.cell,
                    text_x=label_width + width + 6,
                    text_y=y + BAR_HEIGHT - 6,
                )
            )
    height = legend + max(len(chart.rows), 1) * group
    return Drawing(WIDTH, height, FONT, tuple(bars), tuple(labels), keys, BAR_HEIGHT - 3)
