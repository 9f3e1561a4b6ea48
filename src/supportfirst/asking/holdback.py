"""What is held back from a parent's download by a young person's own choice: a young person
with their own account may keep their own views from their parents (`YoungPersonSharing`), and
the download a parent makes leaves those views out, as the parent's pages do: the child's views
in the assessment areas and their own words about adult life, and everything the young person
wrote themselves (their comments on assessments, their correction requests, their complaints
with each complaint's stages and events, their requests for a plan review and their own answer
to their plan), and the messages and letters sent to them alone about their own complaints."""

from __future__ import annotations

from supportfirst.councils.models import Membership, Role
from supportfirst.families.records import HoldingBack

YOUNG_PERSON_REASON = (
    "A young person's own views, which they have chosen to keep between themselves and the "
    "council. They can change this on their own account."
)
CHILD_VIEW_FIELDS = ("child_view", "child_view_how", "child_view_through_whom")
# What a young person writes themselves, and the field naming who wrote it.
OWN_WORDS = {
    "assessments.familycomment": "author_id",
    "corrections.correctionrequest": "asked_by_id",
    "complaints.complaint": "made_by_id",
    "plans.planreviewrequest": "asked_by_id",
}
# What is written or sent to such a young person alone (about their own complaint).
ADDRESSED_TO_THEM = {
    "notifications.notification": "addressed_to_user_id",
    "letters.letter": "addressed_to_user_id",
}
# Their own words in a record that is otherwise the family's: the field, and who wrote it.
OWN_WORDS_IN = {"plans.supportplan": ("family_response", "responded_by_id")}
# Records that belong to a complaint: held back with it.
OF_A_COMPLAINT = ("complaints.complaintstage", "complaints.complaintevent")


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
    # Their own words about adult life, in their plan for moving to adult services.
    for plan in held.rows_of("transition.transition"):
        if plan.child_id in private:
            held.hold_part("transition.transition", plan.pk, "own_words", YOUNG_PERSON_REASON)
    own_words_kept(held, private)


def own_words_kept(held: HoldingBack, private_children: set[int]) -> None:
    """Everything written by the accounts of those young people."""
    authors = set(
        Membership.objects.filter(
            role=Role.YOUNG_PERSON, child_id__in=private_children
        ).values_list("user_id", flat=True)
    )
    if not authors:
        return
    _written_by(held, authors)
    for label, to in ADDRESSED_TO_THEM.items():
        for row in held.rows_of(label):
            if getattr(row, to) in authors:
                held.hold_whole(label, row.pk, YOUNG_PERSON_REASON)
    for label, (name, by) in OWN_WORDS_IN.items():
        for row in held.rows_of(label):
            if getattr(row, by) in authors:
                held.hold_part(label, row.pk, name, YOUNG_PERSON_REASON)


def _written_by(held: HoldingBack, authors: set[int]) -> None:
    """Whole records those accounts wrote, and each of their complaints' stages and events."""
    for label, by in OWN_WORDS.items():
        for row in held.rows_of(label):
            if getattr(row, by) not in authors:
                continue
            held.hold_whole(label, row.pk, YOUNG_PERSON_REASON)
            if label == "complaints.complaint":
                for part in OF_A_COMPLAINT:
                    for of in held.rows_of(part):
                        if of.complaint_id == row.pk:
                            held.hold_whole(part, of.pk, YOUNG_PERSON_REASON)
