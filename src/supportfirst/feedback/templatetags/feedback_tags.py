"""`{% feedback_invitations family %}`: the surveys a family may answer, on their home page."""

from __future__ import annotations

from typing import Any

from django import template

from supportfirst.feedback.services import open_invitations

register = template.Library()


@register.inclusion_tag("feedback/family/invitations.html")
def feedback_invitations(family: Any) -> dict[str, Any]:
    return {"invitations": open_invitations(family)}
