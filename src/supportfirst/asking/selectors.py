"""Reading online requests, invitations and young people's sharing choices."""

from __future__ import annotations

from django.db.models import QuerySet

from supportfirst.asking.models import OnlineRequest, OnlineStatus, YoungPersonSharing
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Membership, Role
from supportfirst.councils.scoping import Scope, get_visible_or_404


def online_requests_waiting(*, scope: Scope) -> QuerySet[OnlineRequest]:
    """Online requests staff have not accepted yet and whose family has no named worker yet,
    oldest first (a list: not logged per family). Once a worker is allocated (or takes the
    request) it leaves this list: the worker invites the family from the family's page."""
    return (
        OnlineRequest.objects.visible_to(scope)
        .filter(status=OnlineStatus.WAITING, family__allocated_worker__isnull=True)
        .select_related("support_request", "support_request__child")
        .order_by("submitted_at")
    )


def online_request_read(*, actor: Actor, online_request_id: int) -> OnlineRequest:
    queryset = OnlineRequest.objects.select_related(
        "family", "support_request", "support_request__child", "accepted_by"
    )
    online = get_visible_or_404(queryset, actor.scope, pk=online_request_id)
    log_access(actor, family_id=online.family_id, record=online)
    return online


def children_keeping_views_private(*, scope: Scope) -> set[int]:
    """For a parent's pages: the children (young people with an account) who have not
    chosen to share their own views with their parents. Empty for anyone else."""
    if scope.role != Role.FAMILY_MEMBER or scope.family_id is None:
        return set()
    return set(
        YoungPersonSharing.objects.visible_to(scope)
        .filter(share_own_views_with_parents=False)
        .values_list("child_id", flat=True)
    )


def authors_keeping_words_private(*, scope: Scope) -> set[int]:
    """For a parent's pages: the accounts of young people who keep their own views from their
    parents. What those accounts wrote themselves (comments on assessments, correction requests,
    complaints) is left out of the parent's pages and download. Empty for anyone else."""
    children = children_keeping_views_private(scope=scope)
    if not children or scope.family_id is None:
        return set()
    return set(
        Membership.objects.filter(
            role=Role.YOUNG_PERSON, family_id=scope.family_id, child_id__in=children
        ).values_list("user_id", flat=True)
    )


def keeps_own_words_private(user: object) -> bool:
    """Whether this account is a young person's who keeps their own words from their parents:
    then messages and letters about what they wrote themselves (their complaints) go to them
    alone, and are left out of their parents' pages and download."""
    membership = getattr(user, "membership", None)
    if membership is None or membership.role != Role.YOUNG_PERSON or membership.child_id is None:
        return False
    # The same rule as children_keeping_views_private: the choice recorded for the young
    # person (made "keep private" when their account is made) says so.
    return YoungPersonSharing.objects.filter(
        child_id=membership.child_id, share_own_views_with_parents=False
    ).exists()


def private_words_note(*, scope: Scope) -> str:
    """For a parent's page: said without details, when a young person's own words are kept
    from it by their choice; "" otherwise."""
    if not authors_keeping_words_private(scope=scope):
        return ""
    return (
        "A young person in your family has chosen to keep their own words between themselves "
        "and the council, so what they wrote themselves is not shown here."
    )


def sharing_for(*, actor: Actor) -> YoungPersonSharing | None:
    """A young person's own choice (None until they have one)."""
    sharing = (
        YoungPersonSharing.objects.visible_to(actor.scope).filter(child_id=actor.scope.child_id)
    ).first()
    if sharing is not None:
        log_access(actor, family_id=sharing.family_id, record=sharing)
    return sharing
