"""The forum's figures page, beside the survey, and each chart's CSV download. Thin: read the
figures, draw them (`rules.charts`, as the dashboard does), render (or write the CSV through
`rules.smallfigures.csv_text`)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from supportfirst.councils.access import role_required
from supportfirst.councils.models import Role
from supportfirst.figures import selectors
from supportfirst.rules.charts import Series, bar_chart
from supportfirst.rules.smallfigures import (
    SMALLEST_FIGURE,
    SUPPRESSED,
    SUPPRESSED_MARK,
    csv_text,
)

figures_required = role_required(
    {Role.FORUM_MEMBER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.COUNCIL_ADMIN}
)


@figures_required
@require_safe
def figures_page(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    charts = selectors.forum_figures(scope=scope)
    return render(
        request,
        "figures/figures.html",
        {
            "charts": [(chart, _drawn(chart)) for chart in charts],
            "trained": selectors.trained_share(scope=scope),
            "smallest": SMALLEST_FIGURE,
            "suppressed": SUPPRESSED,
            "mark": SUPPRESSED_MARK,
        },
    )


def _drawn(chart: selectors.Chart) -> SafeString:
    """The chart as an SVG of bars, a held-back figure marked as the table marks it."""
    series = [
        Series(
            name,
            tuple(None if row.cells[i].suppressed else row.cells[i].count for row in chart.rows),
        )
        for i, name in enumerate(chart.columns)
    ]
    svg = bar_chart(
        chart_id=f"chart-{chart.key}",
        title=chart.title,
        description=(
            f"{chart.about} Each kind of bar is drawn to its own scale. The table after the "
            "chart has the same figures."
        ),
        labels=[row.drawn_label for row in chart.rows],
        series=series,
        # Each column to its own scale, as the forum has always seen them: some charts count
        # different things side by side (services started, average days).
        scale_each=True,
    )
    # Made by the renderer, which escapes every piece of text it writes.
    return mark_safe(svg)


def _csv(charts: list[selectors.Chart]) -> str:
    """The charts' figures, one row per chart and month (a held-back figure is the mark)."""
    one = len(charts) == 1
    lines = []
    for chart in charts:
        header = ("Month", *((chart.detail,) if chart.detail else ()), *chart.columns)
        rows = [
            (
                row.label,
                *((row.detail,) if chart.detail else ()),
                *(cell.cell for cell in row.cells),
            )
            for row in chart.rows
        ]
        if not one:
            header = ("Chart", *header)
            rows = [(chart.title, *row) for row in rows]
        lines.append(csv_text(header, rows))
    if any(chart.any_suppressed for chart in charts):
        lines.append(csv_text((f"{SUPPRESSED_MARK}: {SUPPRESSED}, not shown",), []))
    return "".join(lines)


@figures_required
@require_safe
def download(request: HttpRequest) -> HttpResponse:
    """One chart's figures as CSV (`?chart=requests`), or every chart's, one after another."""
    scope = request.scope  # type: ignore[attr-defined]
    key = request.GET.get("chart", "")
    if key:
        chart = selectors.one_chart(scope=scope, key=key)
        if chart is None:
            raise Http404("There is no chart with that name.")
        charts, name = [chart], chart.key
    else:
        charts, name = selectors.forum_figures(scope=scope), "forum-figures"
    response = HttpResponse(_csv(charts), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    return response
