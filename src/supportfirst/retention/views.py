"""The retention page: the council administrator sets how long each kind of record is kept and
sees what the daily retention task last removed. Thin: parse, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor
from supportfirst.councils.access import council_admin_required
from supportfirst.kernel.formsupport import conflict, form_status, submitted
from supportfirst.retention import services
from supportfirst.retention.forms import PeriodsForm


@council_admin_required
@require_http_methods(["GET", "POST"])
def periods(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    council_id = actor.scope.council_id
    current = services.periods_for(council_id)
    form = PeriodsForm(
        submitted(request),
        initial={
            "version": services.periods_version(council_id),
            **{p.kind.value: p.months for p in current},
        },
    )
    if form.is_bound and form.is_valid():
        chosen = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.periods_save(actor=actor, months=chosen, version=form.cleaned_data["version"])
        except services.PeriodsChanged:
            return conflict(
                request,
                "Someone else saved the retention periods after you opened the page. Nothing "
                "you typed was saved. Go back to see their periods, then make your change again.",
                back_url=request.path,
                back_text="See the periods now",
            )
        messages.success(request, "The retention periods are saved.")
        return redirect("retention:periods")
    return render(
        request,
        "retention/periods.html",
        {"form": form, "periods": current, "runs": services.last_runs(council_id=council_id)},
        status=form_status(form),
    )
