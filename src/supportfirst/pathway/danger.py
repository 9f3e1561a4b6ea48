"""A child may be in immediate danger: one short step that records the concern and tells every
team manager and head of service of the council at once.

The person who sees the danger phones the police (999) or the council's child protection team
first; the page says so before anything else. The concern is kept as a proposed move to
safeguarding (`immediate_danger`), so a manager decides it as any other proposal once the rest of
the record (who saw or heard it, whether the family was told) is completed. Its words are checked
as evidence is: opinion words are flagged and a reason asked, never refused.

Managers are told twice: at the top of their My work while the concern waits for a decision
(`danger_alerts`), and by an email to each, sent only after the concern is saved. The email names
no one in the family: it gives the request's reference and the link.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import MANAGER_ROLES, holding_any
from supportfirst.councils.scoping import Scope
from supportfirst.kernel import timewords
from supportfirst.kernel.workflow import MoveRefused, apply_move
from supportfirst.notifications import services as notifications
from supportfirst.pathway import moves
from supportfirst.pathway.evidence import explained_words
from supportfirst.pathway.models import MoveStatus, SafeguardingMove, SupportRequest
from supportfirst.wording.services import Reasons

LinkFor = Callable[[str], str]


def managers_of(council_id: int) -> list[str]:
    """The work email of every active team manager and head of service of the council."""
    users = get_user_model().objects.filter(
        holding_any(MANAGER_ROLES, via="membership__"),
        is_active=True,
        membership__council_id=council_id,
    )
    return [u.email for u in users.order_by("pk") if u.email]


def _alert_body(move: SafeguardingMove, council_name: str, link: str, by: str) -> str:
    at = f"{timewords.day(move.proposed_at)} at {timewords.clock(move.proposed_at)}"
    return (
        "A child may be in immediate danger.\n\n"
        f"{by} recorded a concern on request {move.request.reference} on {at}. They were told "
        "to phone the police (999) or the council's child protection team straight away.\n\n"
        "A manager needs to read the concern and decide on the move to safeguarding now:\n"
        f"{link}\n\n"
        "This message gives no names. Open the link to read the concern.\n\n"
        f"{council_name}\n"
    )


@transaction.atomic
def report_immediate_danger(
    *,
    actor: Actor,
    request: SupportRequest,
    what_happened: str,
    when_it_happened: str,
    who_at_risk: str,
    reasons: Reasons | None,
    link_for: LinkFor,
) -> tuple[SafeguardingMove, int]:
    """Record the concern, move the request to a proposed move to safeguarding, and tell every
    manager of the council. Returns the concern and how many managers were emailed."""
    team = getattr(getattr(actor.user, "membership", None), "team", None)
    move = SafeguardingMove(
        family_id=request.family_id,
        request=request,
        what_happened=what_happened,
        when_it_happened=when_it_happened,
        who_at_risk=who_at_risk,
        seen_or_said_by="",
        immediate_danger=True,
        family_told=None,
        proposed_by=actor.user,
        proposed_at=timezone.now(),
        team=team,
    )
    failures = moves.refusals(
        moves.DANGER_GUARDS, move, actor.user, {"explained_words": explained_words(reasons)}
    )
    if failures:
        raise MoveRefused(failures)
    apply_move(
        moves.REQUEST,
        request,
        "report_immediate_danger",
        actor=actor.user,
        summary="A child may be in immediate danger: every manager was told at once",
    )
    move.save()
    log_access(actor, family_id=request.family_id, record=move, action=Action.CREATE)
    if reasons is not None:
        reasons.save(
            user=actor.user,
            family_id=move.family_id,
            record_type="pathway.safeguardingmove",
            record_id=move.pk,
        )
    council = request.family.council
    link = link_for(reverse("pathway:safeguarding_decide", kwargs={"move_id": move.pk}))
    by = actor.user.get_full_name() or actor.user.get_username()
    emailed = notifications.email_staff_after_commit(
        destinations=managers_of(council.pk),
        subject=f"A child may be in immediate danger: request {request.reference}",
        body=_alert_body(move, council.name, link, by),
    )
    return move, emailed


def danger_alerts(*, scope: Scope) -> QuerySet[SafeguardingMove]:
    """Concerns recorded through the immediate danger route that still wait for a manager's
    decision, oldest first: the top of every manager's My work."""
    return (
        SafeguardingMove.objects.visible_to(scope)
        .filter(immediate_danger=True, status=MoveStatus.PROPOSED)
        .select_related("request", "request__child", "proposed_by")
        .order_by("proposed_at")
    )
