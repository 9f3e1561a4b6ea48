"""The dashboards' SVG bar chart renderer (plain Python): accessible, escaped, no colour-only
meaning, bars in proportion."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from supportfirst.rules.charts import PATTERNS, Series, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def _chart(**kwargs):
    defaults = dict(
        chart_id="requests",
        title="Requests for help",
        description="Requests received each month. The table after the chart has the figures.",
        labels=["January 2026", "February 2026"],
        series=[Series("Met in time", (4, 8)), Series("Late", (2, None))],
    )
    return bar_chart(**{**defaults, **kwargs})


def test_the_chart_is_an_image_with_a_title_and_a_description():
    root = ET.fromstring(_chart())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "requests-title requests-desc"
    assert root.find(f"{SVG}title").text == "Requests for help"
    assert root.find(f"{SVG}title").get("id") == "requests-title"
    assert "The table after the chart" in root.find(f"{SVG}desc").text


def test_every_figure_is_written_beside_its_bar_and_a_held_back_one_is_marked():
    texts = [t.text for t in ET.fromstring(_chart()).iter(f"{SVG}text")]
    assert texts[:2] == ["Met in time", "Late"]
    assert texts[2:] == ["January 2026", "4", "2", "February 2026", "8", "*"]


def test_bars_are_in_proportion_to_the_biggest_figure():
    root = ET.fromstring(_chart())
    widths = [int(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("height") == "16"]
    assert len(widths) == 3  # 4, 2 and 8; the held-back figure has no bar
    assert abs(widths[2] - 2 * widths[0]) <= 1
    assert abs(widths[2] - 4 * widths[1]) <= 2


def test_each_series_has_its_own_pattern_not_only_its_own_colour():
    root = ET.fromstring(_chart(series=[Series(f"S{i}", (1, 2)) for i in range(4)]))
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("height") == "16"}
    assert len(fills) == 4
    patterns = [p.get("id") for p in root.iter(f"{SVG}pattern")]
    assert patterns == ["requests-p1", "requests-p2", "requests-p3"]
    assert len(PATTERNS) == 4


def test_text_is_escaped():
    svg = _chart(labels=["<script>x</script>", "A & B"], title='Team "<b>"')
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "A &amp; B" in svg
    ET.fromstring(svg)  # still well-formed


def test_empty_chart_is_still_drawn():
    root = ET.fromstring(_chart(labels=[], series=[Series("Requests", ())]))
    assert int(re.split(" ", root.get("viewBox"))[3]) > 0


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="one value for each row"):
        _chart(series=[Series("Late", (1,))])
    with pytest.raises(ValueError, match="letters, digits and hyphens"):
        _chart(chart_id='x" onload="y')


def test_each_series_can_have_its_own_scale():
    series = [Series("Services started", (2, 4)), Series("Average days", (30, 60))]
    shared = ET.fromstring(_chart(series=series))
    each = ET.fromstring(_chart(series=series, scale_each=True))

    def widths(root):
        return [int(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("height") == "16"]

    # Rows in order: January (started, days), February (started, days).
    assert widths(shared)[1] == widths(shared)[3] // 2
    assert widths(shared)[2] < widths(shared)[3] // 10
    assert widths(each)[2] == widths(each)[3]  # each series' biggest bar is full length
    assert widths(each)[0] == widths(each)[2] // 2


def test_a_label_too_long_for_its_space_is_shortened_with_an_ellipsis():
    long = "September 2026: personal-care-and-hygiene-at-school"
    root = ET.fromstring(_chart(labels=[long, "October 2026"]))
    shown = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]

    assert shown[0].endswith("\u2026")
    assert long.startswith(shown[0][:-1])
    assert len(shown[0]) * 8.5 <= 640 // 2
    assert shown[1] == "October 2026"
