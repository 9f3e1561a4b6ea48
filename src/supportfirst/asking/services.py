"""Writing for asking online and family accounts. Views call these; nothing else writes.

Tokens (the emailed links to carry on with a draft, and to set up an account) are random,
sent once, and stored only as a SHA-256 hash.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from supportfirst.accounts.models import User
from supportfirst.asking import moves, questions
from supportfirst.asking.models import (
    LINK_DAYS,
    MOST_LINKS_PER_DRAFT,
    FamilyInvitation,
    Format,
    OnlineRequest,
    OnlineRequestDraft,
    YoungPersonSharing,
)
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Council, Membership, Role
from supportfirst.councils.scoping import Scope
from supportfirst.families.models import Child, Family, Sibling
from supportfirst.kernel import councilwall
from supportfirst.kernel.queue import email_after_commit
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, apply_move
from supportfirst.pathway import services as pathway_services
from supportfirst.pathway.models import WhoAsked

ONLINE_FORM_ROLE = "online form"
YOUNG_PERSON_AGE = 16
LinkFor = Callable[[str], str]


class Refused(MoveRefused):
    """A change that cannot be made, with the message to show."""

    def __init__(self, message: str) -> None:
        super().__init__([message])


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def online_form_actor(council: Council) -> Actor:
    """The council's online request form, as the actor that records what families send.

    A user with no password and no membership, so nobody can sign in as it; its scope is the
    council, with a role of its own that no page serves."""
    user, _made = User.objects.get_or_create(
        username=f"online-form-{council.la_code}",
        defaults={
            "full_name": f"{council.name} online request form",
            "is_active": False,
            "password": make_password(None),
        },
    )
    return Actor(user, Scope(user_id=user.pk, council_id=council.pk, role=ONLINE_FORM_ROLE))


# Drafts ----------------------------------------------------------------------------------


def draft_start(*, council: Council) -> OnlineRequestDraft:
    return OnlineRequestDraft.objects.create(council=council)


def draft_answer(*, draft: OnlineRequestDraft, answers: dict[str, Any]) -> OnlineRequestDraft:
    """Keep a page's answers with the rest."""
    draft.answers = {**draft.answers, **answers}
    draft.save(update_fields=["answers", "updated_at"])
    return draft


def draft_email_link(*, draft: OnlineRequestDraft, email: str, link_for: LinkFor) -> str:
    """Email a link to carry on with the draft. A new link replaces any earlier one. A draft
    sends at most MOST_LINKS_PER_DRAFT links, so the form cannot be used to send many emails."""
    if draft.links_sent >= MOST_LINKS_PER_DRAFT:
        raise Refused(
            f"We have already sent {MOST_LINKS_PER_DRAFT} links for these answers. Use the "
            "latest link we sent, or carry on now."
        )
    token = _new_token()
    draft.token_hash = token_hash(token)
    draft.link_email = email
    draft.link_expires_at = timezone.now() + timedelta(days=LINK_DAYS)
    draft.links_sent += 1
    draft.save(
        update_fields=["token_hash", "link_email", "link_expires_at", "links_sent", "updated_at"]
    )
    link = link_for(reverse("asking:resume", kwargs={"draft_token": token}))
    until = timezone.localdate(draft.link_expires_at).strftime("%-d %B %Y")
    # On the task queue: the page never waits for the mail server (kernel/queue.py).
    email_after_commit(
        to=[email],
        subject="Your request for help: carry on where you left off",
        body=f"You saved your request for help to {draft.council.name}.\n\n"
        f"To carry on, open this link:\n{link}\n\n"
        f"The link works until {until}. After that, you can start again.\n\n"
        "If you did not ask for this email, you can ignore it.",
    )
    return token


def draft_from_token(token: str) -> OnlineRequestDraft | None:
    """The draft whose emailed link this is, while the link still works."""
    draft = (
        OnlineRequestDraft.objects.select_related("council")
        .filter(token_hash=token_hash(token))
        .first()
    )
    return draft if draft is not None and draft.link_is_live() else None


def drafts_delete_expired() -> int:
    """Delete drafts nobody can come back to: untouched for 28 days with no live link.
    Run daily (`supportfirst manage clear_old_drafts`). Returns how many were deleted."""
    now = timezone.now()
    old = OnlineRequestDraft.objects.filter(updated_at__lt=now - timedelta(days=LINK_DAYS))
    stale = old.filter(models.Q(link_expires_at__isnull=True) | models.Q(link_expires_at__lt=now))
    deleted, _by_model = stale.delete()
    return deleted


def sibling_add(*, draft: OnlineRequestDraft, sibling: dict[str, Any]) -> OnlineRequestDraft:
    siblings = [*draft.answers.get("sibling_list", []), sibling]
    return draft_answer(draft=draft, answers={"sibling_list": siblings})


def sibling_remove(*, draft: OnlineRequestDraft, index: int) -> OnlineRequestDraft:
    siblings = list(draft.answers.get("sibling_list", []))
    if 0 <= index < len(siblings):
        del siblings[index]
    return draft_answer(draft=draft, answers={"sibling_list": siblings})


# Sending a request -----------------------------------------------------------------------


def _estimated_birth(age: int, today: date) -> date:
    try:
        return today.replace(year=today.year - age)
    except ValueError:  # 29 February
        return today.replace(year=today.year - age, day=28)


def _communication_text(a: dict[str, Any]) -> str:
    parts = []
    formats = [str(Format(v).label) for v in a.get("formats") or [] if v in Format.values]
    if formats:
        parts.append(f"Formats: {', '.join(formats).lower()}.")
    if a.get("interpreter_language"):
        parts.append(f"Interpreter: {a['interpreter_language']}.")
    if a.get("communication_needs"):
        parts.append(a["communication_needs"])
    return "\n".join(parts)


@transaction.atomic
def online_request_submit(*, draft: OnlineRequestDraft) -> OnlineRequest:
    """Send a finished draft: the request lands in the council's queue through the same
    service staff use, the family is told, and the draft keeps no answers."""
    draft = OnlineRequestDraft.objects.select_for_update().get(pk=draft.pk)
    if draft.submitted_at is not None:
        raise Refused("This request has already been sent.")
    a = draft.answers
    missing = questions.unanswered(a)
    if missing:
        raise Refused(f"Some questions still need an answer: {len(missing)}.")
    now = timezone.now()
    today = timezone.localdate(now)
    born = date.fromisoformat(a["date_of_birth"]) if a.get("date_of_birth") else None
    actor = online_form_actor(draft.council)
    surname = a["last_name"].strip()
    support_request = pathway_services.support_request_create(
        actor=actor,
        new_family=pathway_services.NewFamily(
            family_name=f"{surname} family",
            parent_name=a["full_name"],
            parent_relationship=a["relationship"],
            parent_email=a.get("email") or "",
            parent_phone=a.get("phone") or "",
            child_first_name=a["first_name"].strip(),
            child_last_name=surname,
            child_date_of_birth=born or _estimated_birth(int(a["age"]), today),
            child_about=a.get("day_to_day", ""),
        ),
        received_at=now,
        who_asked=WhoAsked.PARENT,
        requester_name=a["full_name"],
        help_asked_for=a["help_wanted"],
        consent_to_contact_others=a.get("consent") == "yes",
        communication_needs=_communication_text(a),
        preferred_contact=a["preferred_contact"],
        parent_asked_for_own_assessment=a.get("parent_carer_help") == "yes",
    )
    family = support_request.family
    Family.objects.filter(pk=family.pk).update(
        preferred_contact=a["preferred_contact"],
        communication_needs=_communication_text(a),
        interpreter_language=a.get("interpreter_language") or "",
    )
    siblings = (a.get("sibling_list") or []) if a.get("siblings_help") == "yes" else []
    for sibling in siblings:
        Sibling.objects.create(
            family=family,
            first_name=sibling["first_name"],
            date_of_birth=date.fromisoformat(sibling["date_of_birth"]),
            helps_to_care=True,
        )
    online = online_answers_record(
        actor=actor, support_request=support_request, answers=a, estimated_birth=born is None
    )
    draft.answers = {}
    draft.token_hash = None
    draft.submitted_at = now
    draft.save(update_fields=["answers", "token_hash", "submitted_at", "updated_at"])
    # The family is told the request was received by support_request_create itself.
    return online


def online_answers_record(
    *, actor: Actor, support_request: Any, answers: dict[str, Any], estimated_birth: bool
) -> OnlineRequest:
    """Keep the family's answers beside their request, where staff can read them."""
    a = answers
    siblings = (a.get("sibling_list") or []) if a.get("siblings_help") == "yes" else []
    online = OnlineRequest.objects.create(
        family=support_request.family,
        support_request=support_request,
        requester_name=a["full_name"],
        requester_relationship=a["relationship"],
        requester_email=a.get("email") or "",
        requester_phone=a.get("phone") or "",
        child_age_given=int(a["age"]) if estimated_birth else None,
        day_to_day=a.get("day_to_day", ""),
        good_week=a.get("good_week", ""),
        parent_carer_help=a.get("parent_carer_help", ""),
        parent_carer_help_details=a.get("parent_carer_help_details") or "",
        siblings=siblings,
        formats=a.get("formats") or [],
        communication_needs=a.get("communication_needs") or "",
        interpreter_language=a.get("interpreter_language") or "",
        answers=a,
        submitted_at=support_request.received_at,
    )
    log_access(actor, family_id=support_request.family_id, record=online, action=Action.CREATE)
    return online


# Accepting an online request, and invitations --------------------------------------------


def _require_age(child: Child) -> None:
    if child.age_on(timezone.localdate()) < YOUNG_PERSON_AGE:
        raise Refused(
            f"{child.first_name} is under {YOUNG_PERSON_AGE}. Young people can have their "
            f"own account from age {YOUNG_PERSON_AGE}."
        )


def invitation_send(
    *,
    actor: Actor,
    family: Family,
    full_name: str,
    email: str,
    link_for: LinkFor,
    child: Child | None = None,
) -> FamilyInvitation:
    """Invite a parent carer (or a young person aged 16 or over) to an online account."""
    if child is not None:
        if child.family_id != family.pk:
            raise Refused("That child is not in this family.")
        _require_age(child)
    token = _new_token()
    invitation = FamilyInvitation.objects.create(
        family=family,
        child=child,
        full_name=full_name,
        email=email,
        token_hash=token_hash(token),
        invited_by=actor.user,
    )
    log_access(actor, family_id=family.pk, record=invitation, action=Action.CREATE)
    link = link_for(reverse("asking:account", kwargs={"invite_token": token}))
    until = timezone.localdate(invitation.expires_at).strftime("%-d %B %Y")
    who = "your own" if child is not None else "your family's"
    # On the task queue, after the invitation is saved: never sent inside the transaction of
    # accepting an online request, and the page never waits for the mail server.
    email_after_commit(
        to=[email],
        subject=f"Set up {who} account with {family.council.name}",
        body=f"Hello {full_name},\n\n"
        f"{family.council.name} has invited you to see {who} records online: requests, "
        "assessments, plans and letters, and who has looked at them.\n\n"
        f"To set a password, open this link:\n{link}\n\n"
        f"The link works until {until}.",
    )
    return invitation


@transaction.atomic
def online_request_accept(
    *, actor: Actor, online_request: OnlineRequest, link_for: LinkFor
) -> FamilyInvitation:
    """Accept an online request: the person who asked is invited to a family account."""

    def change(online: OnlineRequest) -> None:
        if not online.requester_email:
            raise Refused(
                f"{online.requester_name} did not give an email address, so we cannot send an "
                "invitation. Phone them to offer an account instead."
            )
        online.accepted_by = actor.user
        online.accepted_at = timezone.now()

    try:
        apply_move(moves.ONLINE_REQUEST, online_request, "accept", actor=actor, change=change)
    except IllegalMove as illegal:
        raise Refused(str(illegal)) from illegal
    online = OnlineRequest.objects.get(pk=online_request.pk)
    return invitation_send(
        actor=actor,
        family=online.family,
        full_name=online.requester_name,
        email=online.requester_email,
        link_for=link_for,
    )


def invitation_from_token(token: str) -> FamilyInvitation | None:
    # The link is the first thing that says which council this request is for (the second
    # wall, kernel/councilwall.py): set it before reading the family.
    family_id = (
        FamilyInvitation.objects.filter(token_hash=token_hash(token))
        .values_list("family_id", flat=True)
        .first()
    )
    if family_id is not None and (council_id := councilwall.council_of_family(family_id)):
        councilwall.enter_council(council_id)
    invitation = (
        FamilyInvitation.objects.select_related("family", "family__council", "child")
        .filter(token_hash=token_hash(token))
        .first()
    )
    return invitation if invitation is not None and invitation.is_usable() else None


def account_username(invitation: FamilyInvitation) -> str:
    return invitation.email.strip().lower()


def account_candidate(invitation: FamilyInvitation) -> User:
    """The account an invitation would make, unsaved (for the password validators)."""
    return User(
        username=account_username(invitation),
        email=invitation.email,
        full_name=invitation.full_name,
    )


@transaction.atomic
def invitation_accept(*, invitation: FamilyInvitation, password: str) -> User:
    """Make the account: a user with the password and a family membership."""
    invitation = FamilyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable():
        raise Refused("This invitation has already been used or has expired.")
    username = account_username(invitation)
    if User.objects.filter(username__iexact=username).exists():
        raise Refused(
            "There is already an account with this email address. Sign in with it, or ask "
            "your council to invite a different email address."
        )
    if invitation.child is not None:
        _require_age(invitation.child)
    user = account_candidate(invitation)
    user.set_password(password)
    user.save()
    Membership.objects.create(
        user=user,
        council=invitation.family.council,
        role=Role.YOUNG_PERSON if invitation.child_id else Role.FAMILY_MEMBER,
        family=invitation.family,
        child=invitation.child,
    )
    if invitation.child_id:
        YoungPersonSharing.objects.get_or_create(
            child_id=invitation.child_id, defaults={"family": invitation.family}
        )
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def sharing_set(*, actor: Actor, child: Child, share: bool) -> YoungPersonSharing:
    """A young person's choice about their parents seeing their own views."""
    sharing, _made = YoungPersonSharing.objects.get_or_create(
        child=child, defaults={"family_id": child.family_id}
    )
    sharing.share_own_views_with_parents = share
    sharing.chosen_at = timezone.now()
    sharing.save(update_fields=["share_own_views_with_parents", "chosen_at"])
    log_access(actor, family_id=child.family_id, record=sharing, action=Action.CHANGE)
    return sharing
