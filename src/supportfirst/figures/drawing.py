"""Each chart drawn as a server-rendered SVG of horizontal bars (no JavaScript): the sizes are
worked out here and the template draws them. The table beside each chart carries the same
figures for screen readers, so the drawing itself is hidden from them."""

from __future__ import annotations

from dataclasses import dataclass

from supportfirst.figures.selectors import Chart

COLOURS = ("#1d70b8", "#00703c", "#d4351c", "#6f72af")
"""GOV.UK blue, green, red and purple."""
WIDTH = 640
LABEL_WIDTH = 220
BAR_AREA = 360
BAR_HEIGHT = 14
GAP = 10
LEGEND = 26


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    colour: str
    text: str
    text_x: int
    suppressed: bool


@dataclass(frozen=True)
class Label:
    y: int
    text: str


@dataclass(frozen=True)
class Key:
    x: int
    colour: str
    text: str


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    bars: tuple[Bar, ...]
    labels: tuple[Label, ...]
    keys: tuple[Key, ...]
    bar_height: int


def draw(chart: Chart) -> Drawing:
    columns = len(chart.columns)
    biggest = [
        max([r.cells[i].count for r in chart.rows if not r.cells[i].suppressed] + [1])
        for i in range(columns)
    ]
    group = columns * BAR_HEIGHT + GAP
    bars: list[Bar] = []
    labels: list[Label] = []
    for n, row in enumerate(chart.rows):
        top = LEGEND + n * group
        labels.append(Label(top + (columns * BAR_HEIGHT) // 2 + 5, row.drawn_label))
        for i, cell in enumerate(row.cells):
            width = 6 if cell.suppressed else round(cell.count * BAR_AREA / biggest[i])
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=top + i * BAR_HEIGHT,
                    width=width,
                    colour="#b1b4b6" if cell.suppressed else COLOURS[i % len(COLOURS)],
                    text=cell.cell,
                    text_x=LABEL_WIDTH + width + 4,
                    suppressed=cell.suppressed,
                )
            )
    keys = tuple(
        Key(x=i * (WIDTH // max(columns, 1)), colour=COLOURS[i % len(COLOURS)], text=name)
        for i, name in enumerate(chart.columns)
    )
    height = LEGEND + max(len(chart.rows), 1) * group
    return Drawing(WIDTH, height, tuple(bars), tuple(labels), keys, BAR_HEIGHT - 2)
