"""Reads of criteria drafts. Staff pages read only their own council's drafts and comments
(another council's is a 404)."""

from __future__ import annotations

from django.http import Http404

from supportfirst.councils.scoping import Scope
from supportfirst.eligibility.models import CriteriaComment, CriteriaDraft, CriteriaDraftStatus


def open_draft(council_id: int) -> CriteriaDraft | None:
    return CriteriaDraft.objects.filter(
        council_id=council_id, status=CriteriaDraftStatus.DRAFT
    ).first()


def drafts_of(council_id: int) -> list[CriteriaDraft]:
    return list(
        CriteriaDraft.objects.filter(council_id=council_id)
        .select_related("published")
        .order_by("-pk")
    )


def draft_for(scope: Scope, draft_id: int) -> CriteriaDraft:
    """One of the council's own drafts; else 404."""
    draft = (
        CriteriaDraft.objects.filter(pk=draft_id, council_id=scope.council_id)
        .select_related("council", "based_on", "published")
        .first()
    )
    if draft is None:
        raise Http404("No such draft of your council's criteria.")
    return draft


def comment_for(scope: Scope, comment_id: int) -> CriteriaComment:
    comment = (
        CriteriaComment.objects.filter(pk=comment_id, draft__council_id=scope.council_id)
        .select_related("draft", "draft__council", "written_by")
        .first()
    )
    if comment is None:
        raise Http404("No such comment on your council's criteria.")
    return comment


def part_comments(draft: CriteriaDraft) -> dict[tuple[str, str], list[CriteriaComment]]:
    """Every comment on the draft, by (part, key): one query."""
    found: dict[tuple[str, str], list[CriteriaComment]] = {}
    for comment in draft.comments.select_related("written_by", "answered_by"):
        found.setdefault((comment.part, comment.key), []).append(comment)
    return found


def unanswered_count(draft: CriteriaDraft) -> int:
    return draft.comments.filter(answered_at__isnull=True).count()
