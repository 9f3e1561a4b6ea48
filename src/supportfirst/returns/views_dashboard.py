"""The dashboard for managers and the data team, and each figure's CSV download. Thin: read the
filters, count the figures (`returns.dashboard`), draw each chart (`rules.charts`), render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from supportfirst.councils.access import returns_required
from supportfirst.returns import dashboard
from supportfirst.returns.dashboard_forms import DashboardFilterForm, default_range
from supportfirst.rules.charts import HELD_BACK_MARK, Series, bar_chart
from supportfirst.rules.smallfigures import SMALLEST_FIGURE, csv_text

FILTER_KEYS = ("start_0", "start_1", "start_2", "end_0", "end_1", "end_2", "team")
HELD_BACK = f"fewer than {SMALLEST_FIGURE} answers"


def _filters(request: HttpRequest) -> tuple[DashboardFilterForm, dashboard.Filters | None]:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    today = timezone.localdate()
    bound = any(key in request.GET for key in FILTER_KEYS)
    start, end = default_range(today)
    form = DashboardFilterForm(
        request.GET if bound else None,
        initial={"start": start, "end": end},
        teams=dashboard.teams(council_id),
        today=today,
    )
    if not bound:
        return form, dashboard.Filters(start, end)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, dashboard.Filters(data["start"], data["end"], data["team"])


def _team_name(form: DashboardFilterForm, filters: dashboard.Filters) -> str:
    if filters.team_id is None:
        return ""
    return str(dict(form.fields["team"].choices).get(filters.team_id, ""))  # type: ignore[attr-defined]


def _chart(figure: dashboard.Figure, described: str) -> str:
    svg = bar_chart(
        chart_id=f"chart-{figure.key}",
        title=figure.title,
        description=f"{figure.about} {described} The table after the chart has the same figures.",
        labels=figure.labels,
        series=[Series(name, figure.column(i)) for i, name in enumerate(figure.columns)],
    )
    # Made by the renderer, which escapes every piece of text it writes.
    return mark_safe(svg)


def _described(filters: dashboard.Filters, team: str) -> str:
    return (
        f"From {filters.start.day} {filters.start:%B %Y} to {filters.end.day} {filters.end:%B %Y}"
        f"{', ' + team if team else ', all teams'}."
    )


@returns_required
@require_safe
def dashboard_page(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    if filters is None:
        return render(request, "returns/dashboard.html", {"form": form}, status=400)
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    today = timezone.localdate()
    board = dashboard.dashboard(council_id, filters, today)
    team = _team_name(form, filters)
    described = _described(filters, str(team))
    query = request.GET.urlencode()
    return render(
        request,
        "returns/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "team": team,
            "board": board,
            "waiting": (board.waiting, _chart(board.waiting, described)),
            "timeliness": (board.timeliness, _chart(board.timeliness, described)),
            "clocks": [(f, _chart(f, described)) for f in board.clocks],
            "monthly": [(f, _chart(f, described)) for f in board.monthly],
            "query": query,
            "mark": HELD_BACK_MARK,
            "held_back": HELD_BACK,
            "today": today,
        },
    )


def _csv(figure: dashboard.Figure, filters: dashboard.Filters, team: str) -> str:
    rows = [
        (label, *(HELD_BACK_MARK if cell is None else cell for cell in cells))
        for label, cells in figure.rows
    ]
    text = csv_text((figure.row_heading, *figure.columns), rows)
    notes = [(figure.title,), (_described(filters, team),)]
    if figure.any_held_back:
        notes.append((f"{HELD_BACK_MARK}: {HELD_BACK}, not shown",))
    return text + csv_text(("About these figures",), notes)


@returns_required
@require_safe
def dashboard_download(request: HttpRequest) -> HttpResponse:
    """One figure's table as CSV (`?figure=requests`), or every figure's one after another,
    with the page's filters."""
    form, filters = _filters(request)
    if filters is None:
        return render(request, "returns/dashboard.html", {"form": form}, status=400)
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    today = timezone.localdate()
    team = _team_name(form, filters)
    key = request.GET.get("figure", "")
    if key:
        figure = dashboard.one_figure(council_id, filters, today, key)
        if figure is None:
            raise Http404("There is no figure with that name.")
        text, key = _csv(figure, filters, team), figure.key
    else:  # every figure, one table after another
        board = dashboard.dashboard(council_id, filters, today)
        text, key = "".join(_csv(f, filters, team) for f in board.figures), "dashboard"
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    name = f"{key}-{filters.start:%Y-%m-%d}-to-{filters.end:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
