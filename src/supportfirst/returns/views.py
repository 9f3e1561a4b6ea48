"""The returns pages: the data team's home (every return and register in one list), a child's
and a request's details for the council's returns (workers and managers), and the Children in
Need census: its check and its download (the data team and managers). Thin: parse, call one
service or selector, render."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required, returns_required
from supportfirst.kernel.formsupport import conflict, form_status, submitted
from supportfirst.returns import selectors, services
from supportfirst.returns.forms import ChildDetailsForm, RequestDetailsForm
from supportfirst.rules.returns import cin_census as census

CHANGED = (
    "Someone else saved these details after you opened the page. Nothing you typed was saved. "
    "Go back to see their changes, then make yours again."
)


@casework_required
@require_http_methods(["GET", "POST"])
def child_details(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = Actor.of(request)
    page = selectors.child_page(actor=actor, child_id=child_id)
    details = page.details
    initial = {
        "version": details.version if details else 0,
        "sex": details.sex if details else "U",
        "ethnicity": details.ethnicity if details else "NOBT",
        "upn": page.child.upn,
        "upn_unknown": details.upn_unknown if details else "",
        "disability_codes": page.child.disability_codes,
    }
    form = ChildDetailsForm(submitted(request), initial=initial)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_child(
                actor=actor,
                child=page.child,
                answers=services.ChildAnswers(
                    sex=data["sex"],
                    ethnicity=data["ethnicity"],
                    upn=data["upn"],
                    upn_unknown=data["upn_unknown"],
                    disability_codes=data["disability_codes"],
                ),
                version=data["version"],
            )
        except services.ChangedMeanwhile:
            return conflict(
                request, CHANGED, back_url=request.path, back_text="See the details now"
            )
        messages.success(request, f"{page.child.first_name}'s details for the returns are saved.")
        return redirect("returns:child", child_id=page.child.pk)
    return render(
        request,
        "returns/child_details.html",
        {"page": page, "form": form},
        status=form_status(form),
    )


@casework_required
@require_http_methods(["GET", "POST"])
def request_details(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = Actor.of(request)
    page = selectors.request_page(actor=actor, request_id=request_id)
    details = page.details
    initial = {
        "version": details.version if details else 0,
        "referral_source": (details.referral_source if details else "")
        or services.default_referral_source(page.request),
        "primary_need": details.primary_need if details else "N2",
        "primary_need_reason": details.primary_need_reason if details else "",
        "closed_on": details.closed_on if details else None,
        "closure_reason": details.closure_reason if details else "",
        **{f"factors_{row.assessment.pk}": row.factors for row in page.assessments},
        **{
            f"seen_{row.assessment.pk}": "\n".join(
                f"{day.day} {day.month} {day.year}" for day in row.child_seen_on
            )
            for row in page.assessments
        },
    }
    form = RequestDetailsForm(
        submitted(request),
        initial=initial,
        assessments=page.assessments,
        received_on=timezone.localdate(page.request.received_at),
        child_name=page.request.child.first_name,
        today=timezone.localdate(),
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_request(
                actor=actor,
                request=page.request,
                answers=services.RequestAnswers(
                    referral_source=data["referral_source"],
                    primary_need=data["primary_need"],
                    primary_need_reason=data["primary_need_reason"],
                    closed_on=data["closed_on"],
                    closure_reason=data["closure_reason"],
                ),
                version=data["version"],
                factors=form.factors(),
                seen_on=form.seen_on(),
            )
        except services.ChangedMeanwhile:
            return conflict(
                request, CHANGED, back_url=request.path, back_text="See the details now"
            )
        messages.success(request, f"The details of request {page.request.reference} are saved.")
        return redirect("returns:request", request_id=page.request.pk)
    return render(
        request,
        "returns/request_details.html",
        {"page": page, "form": form},
        status=form_status(form),
    )


def _current_year() -> int:
    """The collection year today falls in: it ends on the census date, 31 March."""
    today = timezone.localdate()
    return today.year + 1 if today > census.reference_date(today.year) else today.year


FIRST_CENSUS_YEAR = 2015


def _year(request: HttpRequest) -> int | None:
    """The census year in the address: the current one if none is given, None if the one given
    is not a whole number from the first year to the current one."""
    current = _current_year()
    raw = request.GET.get("year", "")
    if not raw:
        return current
    if raw.isascii() and raw.isdigit() and len(raw) == 4:
        year = int(raw)
        if FIRST_CENSUS_YEAR <= year <= current:
            return year
    return None


@returns_required
@require_safe
def returns_home(request: HttpRequest) -> HttpResponse:
    """The returns, registers and figures the council's data team makes from these records."""
    return render(request, "returns/home.html", {"year": _current_year()})


@returns_required
@require_safe
def cin_census_page(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    asked = _year(request)
    year = _current_year() if asked is None else asked
    council = selectors.council_of(actor)
    to_fix, total = selectors.census_to_fix(council, year)
    return render(
        request,
        "returns/cin_census.html",
        {
            "year": year,
            "years": list(range(_current_year(), _current_year() - 4, -1)),
            "reference_date": census.reference_date(year),
            "start": census.collection_start(year),
            "to_fix": [(item, _fix_url(item)) for item in to_fix],
            "can_fix": request.scope.does_casework,  # type: ignore[attr-defined]
            "total": total,
            "limit": selectors.TO_FIX_LIMIT,
            "year_error": None
            if asked is not None
            else f"Choose a census year from {FIRST_CENSUS_YEAR} to {_current_year()}",
        },
        status=200 if asked is not None else 400,
    )


def _fix_url(item: selectors.ToFix) -> str:
    if item.request_id is not None:
        return reverse("returns:request", args=[item.request_id])
    return reverse("returns:child", args=[item.child_id])


@returns_required
@require_safe
def cin_census_download(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    if year is None:
        return render(
            request,
            "returns/cin_census_bad_year.html",
            {
                "first": FIRST_CENSUS_YEAR,
                "current": _current_year(),
                "back_url": reverse("returns:cin_census"),
            },
            status=400,
        )
    actor = Actor.of(request)
    council = selectors.council_of(actor)
    services.log_census_export(actor=actor, year=year)
    header = census.CensusHeader(year=year, la_code=council.la_code, made_at=timezone.localtime())
    response = StreamingHttpResponse(
        census.write_census(header, selectors.census_children(council, year)),
        content_type="application/xml; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="cin-census-{council.la_code}-{year}.xml"'
    )
    response["Cache-Control"] = "no-store"
    # A streamed response is served like any other; the decorators' type names the usual one.
    return cast(HttpResponse, response)


@casework_required
@require_safe
def request_by_reference(request: HttpRequest, reference: str) -> HttpResponse:
    actor = Actor.of(request)
    found = selectors.request_id_by_reference(actor=actor, reference=reference)
    return redirect("returns:request", request_id=found)
