"""Ofsted's Annex A lists for the council's data team: choose a period, see how many rows each
list has, download the workbook or a list's CSV file (each download in the access log). Thin:
parse, call the Annex A reader, render."""

from __future__ import annotations

import datetime as dt
import tempfile
from typing import cast

from crispy_forms_gds.layout import Field
from django import forms
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from supportfirst.audit.services import Actor
from supportfirst.councils.access import returns_required
from supportfirst.kernel.formsupport import RealDateField, form_status, gds_helper, submitted
from supportfirst.returns import annex_a, selectors
from supportfirst.rules.returns import annex_a as annex

EARLIEST = dt.date(2000, 1, 1)


class PeriodForm(forms.Form):
    start = RealDateField(
        label="From",
        help_text="The first day of the period, for example 1 10 2025",
    )
    end = RealDateField(
        label="To",
        help_text="The last day of the period, for example 31 3 2026",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.helper = gds_helper(Field("start"), Field("end"), button="Show the lists")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        today = timezone.localdate()
        if isinstance(start, dt.date) and start < EARLIEST:
            self.add_error("start", "The period must start on or after 1 January 2000")
        if isinstance(end, dt.date) and end > today:
            self.add_error("end", "The period must end today or earlier")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            self.add_error("end", "The last day must be the same as or after the first day")
        return data


def _default_period() -> annex_a.Period:
    """The six months to today: what an inspection usually asks for."""
    today = timezone.localdate()
    month = today.month - 6
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    try:
        start = today.replace(year=year, month=month) + dt.timedelta(days=1)
    except ValueError:  # the 29th to 31st of a shorter month
        start = dt.date(year, month % 12 + 1, 1) if month < 12 else dt.date(year + 1, 1, 1)
    return annex_a.Period(start, today)


def _period(request: HttpRequest) -> annex_a.Period | None:
    """The period in the address, or None if it is not a real one."""
    try:
        start = dt.date.fromisoformat(request.GET.get("from", ""))
        end = dt.date.fromisoformat(request.GET.get("to", ""))
    except ValueError:
        return None
    if not (EARLIEST <= start <= end <= timezone.localdate()):
        return None
    return annex_a.Period(start, end)


def _query(period: annex_a.Period, number: int | None = None) -> str:
    which = f"list={number}&" if number else ""
    return f"?{which}from={period.start:%Y-%m-%d}&to={period.end:%Y-%m-%d}"


@returns_required
@require_http_methods(["GET", "POST"])
def annex_a_page(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    period = _period(request) or _default_period()
    form = PeriodForm(submitted(request), initial={"start": period.start, "end": period.end})
    if form.is_bound and form.is_valid():
        chosen = annex_a.Period(form.cleaned_data["start"], form.cleaned_data["end"])
        return redirect(reverse("returns:annex_a") + _query(chosen))
    council = selectors.council_of(actor)
    counts = annex_a.counts(council, period)
    lists = [
        (lst, counts[lst.number], reverse("returns:annex_a_csv") + _query(period, lst.number))
        for lst in annex.LISTS
    ]
    return render(
        request,
        "returns/annex_a.html",
        {
            "form": form,
            "period": period,
            "lists": lists,
            "not_fed": sorted(annex.NOT_FED.items()),
            "workbook_url": reverse("returns:annex_a_xlsx") + _query(period),
        },
        status=form_status(form),
    )


def _no_period(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "returns/annex_a_bad_period.html",
        {"back_url": reverse("returns:annex_a")},
        status=400,
    )


def _no_list(request: HttpRequest, asked: str) -> HttpResponse:
    numbers = [str(lst.number) for lst in annex.LISTS]
    asked = asked.strip()[:20]
    return render(
        request,
        "returns/annex_a_bad_list.html",
        {
            "heading": f"There is no list {asked} here"
            if asked
            else "Choose one of the Annex A lists",
            "lists": ", ".join(numbers[:-1]) + " and " + numbers[-1],
            "back_url": reverse("returns:annex_a"),
        },
        status=400,
    )


@returns_required
@require_safe
def annex_a_xlsx(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    if period is None:
        return _no_period(request)
    actor = Actor.of(request)
    council = selectors.council_of(actor)
    annex_a.log_download(actor=actor, period=period, what="xlsx")
    # Written to a temporary file in openpyxl's write-only mode, then sent from it.
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    annex_a.write_workbook(council, period, out)
    out.seek(0)
    response = FileResponse(
        out,
        as_attachment=True,
        filename=annex_a.filename(council, period),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Cache-Control"] = "no-store"
    return cast(HttpResponse, response)


@returns_required
@require_safe
def annex_a_csv(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("list", "")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 3 else 0
    if number not in annex.BY_NUMBER:
        return _no_list(request, raw)
    period = _period(request)
    if period is None:
        return _no_period(request)
    actor = Actor.of(request)
    council = selectors.council_of(actor)
    annex_a.log_download(actor=actor, period=period, what=f"list-{number}")
    response = StreamingHttpResponse(
        annex_a.csv_chunks(council, period, number), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{annex_a.filename(council, period, number)}"'
    )
    response["Cache-Control"] = "no-store"
    return cast(HttpResponse, response)
