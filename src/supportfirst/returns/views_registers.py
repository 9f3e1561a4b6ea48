"""The register of disabled children and equality monitoring (issue 19 points 5 and 6), for the
data team and managers. Thin: parse, call one selector, render or stream."""

from __future__ import annotations

from typing import cast

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from supportfirst.audit.services import Actor, log_list_view
from supportfirst.councils.access import returns_required
from supportfirst.returns import equality, register
from supportfirst.returns.equality_forms import PeriodForm, default_period, sent
from supportfirst.rules.returns import equality as rules
from supportfirst.rules.smallfigures import SMALLEST_FIGURE, SUPPRESSED_MARK, csv_text


@returns_required
@require_safe
def register_page(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    page = Paginator(register.register_children(actor.scope.council_id), register.PAGE_SIZE)
    shown = page.get_page(request.GET.get("page"))
    log_list_view(request, list_name="register", page=shown.number)
    return render(
        request,
        "returns/register.html",
        {
            "page": shown,
            "entries": register.entries(shown.object_list),
            "nothing": register.NOTHING,
        },
    )


@returns_required
@require_safe
def register_download(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    register.log_register_download(actor=actor)
    response = StreamingHttpResponse(
        register.register_csv(actor.scope.council_id), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="register-of-disabled-children-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    response["Cache-Control"] = "no-store"
    # A streamed response is served like any other; the decorators' type names the usual one.
    return cast(HttpResponse, response)


def _period(request: HttpRequest) -> tuple[PeriodForm, equality.EqualityFigures | None]:
    start, end = default_period(timezone.localdate())
    form = PeriodForm(sent(request.GET), initial={"start": start, "end": end})
    if form.is_bound:
        if not form.is_valid():
            return form, None
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    council_id = Actor.of(request).scope.council_id
    return form, equality.equality_figures(council_id=council_id, start=start, end=end)


@returns_required
@require_safe
def equality_page(request: HttpRequest) -> HttpResponse:
    form, figures = _period(request)
    return render(
        request,
        "returns/equality.html",
        {
            "form": form,
            "figures": figures,
            "columns": rules.COLUMNS,
            "held_back_why": rules.HELD_BACK_WHY,
            "own_use": rules.OWN_USE,
            "smallest": SMALLEST_FIGURE,
            "mark": SUPPRESSED_MARK,
            "query": request.GET.urlencode(),
        },
        status=400 if figures is None else 200,
    )


@returns_required
@require_safe
def equality_download(request: HttpRequest) -> HttpResponse:
    form, figures = _period(request)
    if figures is None:
        return render(
            request,
            "returns/equality.html",
            {"form": form, "figures": None, "columns": rules.COLUMNS, "query": ""},
            status=400,
        )
    text = csv_text(rules.csv_header(), rules.csv_rows(figures.tables))
    text += csv_text((rules.HELD_BACK_WHY,), [(rules.OWN_USE,)])
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="equality-monitoring-{figures.start:%Y-%m-%d}-to-'
        f'{figures.end:%Y-%m-%d}.csv"'
    )
    return response
