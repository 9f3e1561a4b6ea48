"""What is held back from a parent's download by a young person's own choice: a young person
with their own account may keep their own views from their parents (`YoungPersonSharing`), and
the download a parent makes leaves those views out, as the parent's assessment pages do."""

from __future__ import annotations

from supportfirst.families.records import HoldingBack

YOUNG_PERSON_REASON = (
    "A young person's own views, which they have chosen to keep between themselves and the "
    "council. They can change this on their own account."
)
CHILD_VIEW_FIELDS = ("child_view", "child_view_how", "child_view_through_whom")


def own_views_kept(held: HoldingBack) -> None:
    """The child's views in the assessment areas of each young person who keeps them."""
    private = {
        s.child_id
        for s in held.rows_of("asking.youngpersonsharing")
        if not s.share_own_views_with_parents
    }
    if not private:
        return
    for area in held.rows_of("assessments.assessmentarea"):
        if area.assessment.child_id in private:
            for name in CHILD_VIEW_FIELDS:
                held.hold_part("assessments.assessmentarea", area.pk, name, YOUNG_PERSON_REASON)
