"""The council administrator's home (the staff accounts in the council and their roles) and the
council's settings page (the working-day targets of the clocks after an assessment)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from supportfirst.accounts.selectors import people_in_council
from supportfirst.councils import settings as council_settings
from supportfirst.councils.access import council_admin_required
from supportfirst.councils.models import Council
from supportfirst.councils.settings_forms import ClockTargetsForm
from supportfirst.kernel.formsupport import form_page, submitted


def council_admin_home(request: HttpRequest) -> HttpResponse:
    """Everyone with a staff account in the council, with their role and team."""
    people = people_in_council(council_id=request.scope.council_id)  # type: ignore[attr-defined]
    return render(request, "frontdoor/staff/admin_home.html", {"people": people})


@council_admin_required
@require_http_methods(["GET", "POST"])
def council_settings_page(request: HttpRequest) -> HttpResponse:
    """The council's working-day targets for the clocks after an assessment is authorised."""
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    council = Council.objects.get(pk=council_id)
    initial = {name: getattr(council, name) for name in council_settings.CLOCK_TARGETS}
    form = ClockTargetsForm(submitted(request), initial=initial)
    return form_page(
        request,
        form,
        "frontdoor/staff/council_settings.html",
        {"council": council},
        on_valid=lambda: council_settings.clock_targets_save(
            council_id=council_id, targets=form.cleaned_data
        ),
        success=lambda _: ("The targets are saved.", request.path),
    )
