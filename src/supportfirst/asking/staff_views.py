"""Staff pages: online requests waiting, one online request with its answers, accepting it,
and inviting a family member (or a young person aged 16 or over) to an online account."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from supportfirst.asking import selectors, services
from supportfirst.asking.account_forms import InviteForm
from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required
from supportfirst.families import selectors as family_selectors
from supportfirst.kernel.formsupport import button_move, form_status, submitted


@casework_required
@require_safe
def online_requests(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    rows = list(selectors.online_requests_waiting(scope=scope)[:200])
    return render(request, "asking/staff/list.html", {"rows": rows})


def _page(request: HttpRequest, online_request_id: int, status: int = 200) -> HttpResponse:
    online = selectors.online_request_read(
        actor=Actor.of(request), online_request_id=online_request_id
    )
    return render(request, "asking/staff/online_request.html", {"online": online}, status=status)


@casework_required
@require_safe
def online_request(request: HttpRequest, online_request_id: int) -> HttpResponse:
    return _page(request, online_request_id)


@casework_required
@require_POST
def online_request_accept(request: HttpRequest, online_request_id: int) -> HttpResponse:
    actor = Actor.of(request)
    online = selectors.online_request_read(actor=actor, online_request_id=online_request_id)

    def refused(reasons: list[str]) -> HttpResponse:
        messages.error(request, " ".join(reasons))
        return _page(request, online_request_id, status=409)

    return button_move(
        request,
        lambda: services.online_request_accept(
            actor=actor, online_request=online, link_for=request.build_absolute_uri
        ),
        success=lambda invitation: (
            f"Accepted. We have emailed {invitation.email} an invitation.",
            reverse("staff_asking:online_request", kwargs={"online_request_id": online.pk}),
        ),
        refused=refused,
    )


@casework_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, family_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    family = family_selectors.family_read(request=request, scope=scope, family_id=family_id)
    today = timezone.localdate()
    young_people = [
        c for c in family.children.all() if c.age_on(today) >= services.YOUNG_PERSON_AGE
    ]
    form = InviteForm(submitted(request), family=family, young_people=young_people)
    # Not form_page: a refusal belongs to the person chosen, so it goes on that field.
    if request.method == "POST" and form.is_valid():
        kind, _dash, pk = form.cleaned_data["person"].partition("-")
        if kind == "child":
            child = next(c for c in young_people if str(c.pk) == pk)
            full_name, invited_child = f"{child.first_name} {child.last_name}", child
        else:
            carer = next(c for c in family.parent_carers.all() if str(c.pk) == pk)
            full_name, invited_child = carer.full_name, None
        try:
            services.invitation_send(
                actor=Actor.of(request),
                family=family,
                full_name=full_name,
                email=form.cleaned_data["email"],
                child=invited_child,
                link_for=request.build_absolute_uri,
            )
        except services.Refused as refusal:
            form.add_error("person", str(refusal))
        else:
            messages.success(request, f"We have emailed an invitation to {full_name}.")
            return redirect("staff:family", family_id=family.pk)
    return render(
        request,
        "asking/staff/invite.html",
        {"form": form, "family": family},
        status=form_status(form),
    )
