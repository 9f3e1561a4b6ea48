"""Reading what the subject access pages show, always through the scoping layer."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest

from supportfirst.audit.services import record_access
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.families.models import Family
from supportfirst.subject_access.models import Download, Withholding


def family_for_withholding(*, request: HttpRequest, scope: Scope, family_id: int) -> Family:
    """The family whose records staff are choosing from; logged as a view of the family."""
    family = get_visible_or_404(Family.objects.select_related("council"), scope, pk=family_id)
    record_access(request=request, scope=scope, family_id=family.pk, record=family)
    return family


def marks_for_family(*, scope: Scope, family: Family) -> list[Withholding]:
    return list(
        Withholding.objects.visible_to(scope)
        .filter(family=family)
        .select_related("content_type", "marked_by")
        .order_by("-marked_at", "-pk")
    )


def downloads_for_family(*, scope: Scope, family_id: int) -> QuerySet[Download]:
    return (
        Download.objects.visible_to(scope)
        .filter(family_id=family_id)
        .select_related("made_by")
        .order_by("-made_at", "-pk")
    )


def downloads_in_council(*, scope: Scope) -> QuerySet[Download]:
    """Every download made by families in the council, newest first (no family record is read:
    the list names the family and when, as the families list does)."""
    return (
        Download.objects.visible_to(scope)
        .select_related("family", "made_by")
        .order_by("-made_at", "-pk")
    )
