"""The council administrator's home (the staff accounts in the council and their roles) and the
council's settings page (the working-day targets of the clocks after an assessment). When the
council's published local assessment protocol sets the targets, the protocol's figures win: the
page shows them and says where they come from, and changes go through a new protocol version."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from supportfirst.accounts import people_views
from supportfirst.councils import settings as council_settings
from supportfirst.councils.access import council_admin_required
from supportfirst.councils.models import STAFF_ROLES, Council, Membership
from supportfirst.councils.settings_forms import ClockTargetsForm, StaffContactForm
from supportfirst.kernel.formsupport import MoveRefused, form_page, submitted, versioned
from supportfirst.localprotocol.selectors import in_force


def council_admin_home(request: HttpRequest) -> HttpResponse:
    """Everyone with a staff account in the council, with their roles and team: the people
    page (accounts/people_views.py), which is the administrator's home."""
    return people_views.people_list(request)


@council_admin_required
@require_http_methods(["GET", "POST"])
def council_settings_page(request: HttpRequest) -> HttpResponse:
    """The council's working-day targets for the clocks after an assessment is authorised."""
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    council = Council.objects.get(pk=council_id)
    initial = {name: getattr(council, name) for name in council_settings.CLOCK_TARGETS}
    form = versioned(ClockTargetsForm(submitted(request), initial=initial), council)
    protocol = in_force(council_id)

    def save() -> Council:
        if protocol is not None:
            raise MoveRefused(
                [
                    f"The targets are set by version {protocol.number} of the local assessment "
                    "protocol: change them in a new version, agreed with the parent carer forum"
                ]
            )
        return council_settings.clock_targets_save(council_id=council_id, targets=form.cleaned_data)

    return form_page(
        request,
        form,
        "frontdoor/staff/council_settings.html",
        {"council": council, "protocol": protocol},
        on_valid=save,
        success=lambda _: ("The targets are saved.", request.path),
    )


@council_admin_required
@require_http_methods(["GET", "POST"])
def staff_contact(request: HttpRequest, person_id: int) -> HttpResponse:
    """A member of staff's job title and work phone, as families see them on their home page.
    Only people in the administrator's own council: anyone else is a 404."""
    membership = get_object_or_404(
        Membership.objects.select_related("user"),
        user_id=person_id,
        council_id=request.scope.council_id,  # type: ignore[attr-defined]
        role__in=[r.value for r in STAFF_ROLES],
    )
    form = versioned(
        StaffContactForm(
            submitted(request),
            initial={"job_title": membership.job_title, "work_phone": membership.work_phone},
        ),
        membership,
    )
    return form_page(
        request,
        form,
        "frontdoor/staff/staff_contact.html",
        {"membership": membership, "person": membership.user},
        on_valid=lambda: council_settings.staff_contact_save(
            membership=membership,
            job_title=form.cleaned_data["job_title"],
            work_phone=form.cleaned_data["work_phone"],
        ),
        success=lambda _: (
            f"{membership.user}'s details are saved.",
            reverse("people:person", kwargs={"person_id": person_id}),
        ),
    )
