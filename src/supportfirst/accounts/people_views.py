"""The council administrator's pages for staff accounts, and the invited person's link.
Thin: parse, call one service in accounts/people.py, render."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.accounts import people
from supportfirst.accounts.new_account import offer_username
from supportfirst.accounts.people_forms import (
    AcceptInvitationForm,
    ConfirmForm,
    InviteForm,
    ResetSecondFactorForm,
    RolesForm,
    TeamForm,
)
from supportfirst.accounts.selectors import people_in_council
from supportfirst.accounts.views import ENROLMENT_KEY
from supportfirst.audit.services import Actor
from supportfirst.councils.access import council_admin_required
from supportfirst.councils.models import Membership
from supportfirst.kernel.formsupport import button_move, form_page, submitted, versioned


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _person_url(person_id: int) -> str:
    return reverse("people:person", kwargs={"person_id": person_id})


@council_admin_required
def people_list(request: HttpRequest) -> HttpResponse:
    """Everyone with a staff account in the council: roles, team, and whether they can sign in."""
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    return render(
        request,
        "accounts/people/list.html",
        {
            "people": people_in_council(council_id=council_id),
            "teams": people.teams(council_id=council_id),
        },
    )


@council_admin_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    form = InviteForm(submitted(request), teams=people.teams(council_id=actor.scope.council_id))
    return form_page(
        request,
        form,
        "accounts/people/invite.html",
        {},
        on_valid=lambda: people.invite(
            actor=actor,
            full_name=form.cleaned_data["full_name"],
            email=form.cleaned_data["email"],
            roles=form.cleaned_data["roles"],
            team_id=form.cleaned_data["team"],
            site=_site(request),
        ),
        success=lambda invited: (
            f"We have emailed an invitation to {invited.invitation.user.email}. "
            "The link works once, for 7 days.",
            _person_url(invited.invitation.user_id),
        ),
    )


@council_admin_required
def person(request: HttpRequest, person_id: int) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    membership = people.staff_member(council_id=council_id, person_id=person_id)
    user = membership.user
    return render(
        request,
        "accounts/people/person.html",
        {
            "membership": membership,
            "person": user,
            "is_me": user.pk == request.user.pk,
            "has_authenticator": people.has_authenticator(user),
            "invitation": people.open_invitation(user),
            "changes": people.changes_for(council_id=council_id, person_id=person_id),
        },
    )


def _roles_initial(membership: Membership) -> dict[str, Any]:
    return {"roles": sorted(membership.roles), "team": membership.team_id}


@council_admin_required
@require_http_methods(["GET", "POST"])
def roles(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = Actor.of(request)
    membership = people.staff_member(council_id=actor.scope.council_id, person_id=person_id)
    form = versioned(
        RolesForm(
            submitted(request),
            teams=people.teams(council_id=actor.scope.council_id),
            initial=_roles_initial(membership),
        ),
        membership,
        saved=_roles_initial,
    )
    return form_page(
        request,
        form,
        "accounts/people/roles.html",
        {"membership": membership, "person": membership.user},
        on_valid=lambda: people.change_roles(
            actor=actor,
            person_id=person_id,
            roles=form.cleaned_data["roles"],
            team_id=form.cleaned_data["team"],
        ),
        success=lambda changed: (
            f"{changed.user}'s roles and team are saved.",
            _person_url(person_id),
        ),
    )


@council_admin_required
@require_http_methods(["GET", "POST"])
def reset_second_factor(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = Actor.of(request)
    membership = people.staff_member(council_id=actor.scope.council_id, person_id=person_id)
    form = ResetSecondFactorForm(submitted(request))
    return form_page(
        request,
        form,
        "accounts/people/reset_second_factor.html",
        {"membership": membership, "person": membership.user},
        on_valid=lambda: people.reset_second_factor(
            actor=actor,
            person_id=person_id,
            reason=form.cleaned_data["reason"],
            site=_site(request),
        ),
        success=lambda changed: (
            f"{changed.user}'s authenticator app is unlinked. We have emailed them a link to "
            "set it up again.",
            _person_url(person_id),
        ),
    )


@council_admin_required
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = Actor.of(request)
    membership = people.staff_member(council_id=actor.scope.council_id, person_id=person_id)
    form = ConfirmForm(submitted(request), button="Close the account")
    return form_page(
        request,
        form,
        "accounts/people/close.html",
        {
            "membership": membership,
            "person": membership.user,
            "families": membership.user.allocated_families.count(),
        },
        on_valid=lambda: people.close_account(actor=actor, person_id=person_id),
        success=lambda changed: (
            f"{changed.user}'s account is closed. They cannot sign in.",
            _person_url(person_id),
        ),
    )


@council_admin_required
@require_POST
def invite_again(request: HttpRequest, person_id: int) -> HttpResponse:
    """Email a new one-time link to someone whose invitation ran out."""
    actor = Actor.of(request)
    membership = people.staff_member(council_id=actor.scope.council_id, person_id=person_id)

    def refused(reasons: list[str]) -> HttpResponse:
        from django.contrib import messages

        messages.error(request, " ".join(reasons))
        return redirect(_person_url(person_id))

    return button_move(
        request,
        lambda: people.invite_again(actor=actor, person_id=person_id, site=_site(request)),
        success=lambda invited: (
            f"We have emailed a new invitation to {membership.user.email}. The link works "
            "once, for 7 days.",
            _person_url(person_id),
        ),
        refused=refused,
    )


@council_admin_required
@require_POST
def reopen(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = Actor.of(request)
    membership = people.staff_member(council_id=actor.scope.council_id, person_id=person_id)

    def refused(reasons: list[str]) -> HttpResponse:
        from django.contrib import messages

        messages.error(request, " ".join(reasons))
        return redirect(_person_url(person_id))

    return button_move(
        request,
        lambda: people.reopen_account(actor=actor, person_id=person_id),
        success=lambda changed: (
            f"{membership.user}'s account is open again.",
            _person_url(person_id),
        ),
        refused=refused,
    )


@council_admin_required
@require_http_methods(["GET", "POST"])
def teams(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    form = TeamForm(submitted(request))
    return form_page(
        request,
        form,
        "accounts/people/teams.html",
        {"teams": people.teams(council_id=actor.scope.council_id)},
        on_valid=lambda: people.add_team(actor=actor, name=form.cleaned_data["name"]),
        success=lambda team: (f"The team {team.name} is added.", reverse("people:teams")),
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, invite_token: str) -> HttpResponse:
    """The invited person's link: set a password, then sign in and link an authenticator app
    in this same browser. The link works once and runs out."""
    invitation = people.invitation_for(invite_token)
    if invitation is None:
        return render(request, "accounts/invitation_not_working.html")
    form = AcceptInvitationForm(submitted(request), user=invitation.user)

    def accepted(user: object) -> tuple[str, str]:
        request.session[ENROLMENT_KEY] = invitation.user.pk
        offer_username(request, invitation.user.username)
        return (
            "Your password is set. Sign in, then link an authenticator app on your phone.",
            reverse("accounts:sign_in"),
        )

    return form_page(
        request,
        form,
        "accounts/invitation.html",
        {"invitation": invitation},
        on_valid=lambda: people.accept_invitation(
            token=invite_token,
            password=form.cleaned_data["new_password1"],
            request_id=getattr(request, "request_id", ""),
        ),
        success=accepted,
    )
