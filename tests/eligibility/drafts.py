"""Criteria drafts in the states the tests need, made through the services the pages use."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from supportfirst.councils.models import Council, Membership, Role
from supportfirst.eligibility import drafting
from supportfirst.eligibility.models import CriteriaComment, CriteriaDraft
from supportfirst.eligibility.publishing import criteria_publish_shipped
from tests.accounts.factories import staff_user


def manager_of(council: Council):
    found = Membership.objects.filter(council=council, role=Role.TEAM_MANAGER).first()
    return found.user if found else staff_user(council, Role.TEAM_MANAGER)


def forum_member_of(council: Council):
    found = Membership.objects.filter(council=council, role=Role.FORUM_MEMBER).first()
    return found.user if found else staff_user(council, Role.FORUM_MEMBER)


def a_draft(council: Council) -> CriteriaDraft:
    criteria_publish_shipped()
    return drafting.criteria_draft_start(actor=manager_of(council), council_id=council.pk)


def signed_off(draft: CriteriaDraft, on: date | None = None) -> CriteriaDraft:
    on = on or timezone.localdate()
    drafting.sign_off(
        actor=forum_member_of(draft.council),
        draft=draft,
        side=drafting.FORUM,
        name="Ruth Okafor",
        role="Chair of the parent carer forum",
        on=on,
    )
    return drafting.sign_off(
        actor=manager_of(draft.council),
        draft=draft,
        side=drafting.COUNCIL,
        name="Sam Hale",
        role="Head of service",
        on=on,
    )


def matrix_draft_id(family) -> int:
    found = CriteriaDraft.objects.filter(council=family.council).order_by("pk").first()
    return (found or a_draft(family.council)).pk


def matrix_comment_id(family) -> int:
    found = CriteriaComment.objects.filter(draft__council=family.council).first()
    if found is None:
        draft = CriteriaDraft.objects.get(pk=matrix_draft_id(family))
        found = drafting.comment_add(
            actor=forum_member_of(family.council),
            draft=draft,
            part="criterion",
            key=draft.data["criteria"][0]["id"],
            text="Say what 'every week' means.",
        )
    return found.pk


def first_index(family) -> int:
    matrix_draft_id(family)
    return 0
