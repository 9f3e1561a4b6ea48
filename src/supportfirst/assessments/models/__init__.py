"""Needs assessments: the child's, the parent carer's (Children Act 1989 s17ZD) and a young
carer's (s17ZA), each a task list of areas of life.

The life of an assessment (see moves.py for the moves and their guards):

    in_progress --mark_ready--> ready_for_family   (every area complete; for a parent carer's
                                                    assessment, the four decisions recorded)
    ready_for_family --reopen--> in_progress        (the practitioner makes more changes)
    ready_for_family --authorise--> authorised      (a team manager; a reason when it is later
                                                    than 45 working days after the request)

When a request goes on the support pathway the child's needs assessment starts at once, and an
assessment is offered to each parent carer and to each brother or sister who helps to care. The
life of an offer:

    not_answered --accept / combine / decline--> accepted / combined / declined
    declined --accept / combine--> accepted / combined (people may change their mind)

Accepting makes the person's own assessment; combining makes it too, done together with the
child's (`combined_with`). Each area holds the family's account in their own words (append-only,
attributed), the child's own view and how it was gathered, the practitioner's analysis, and the
needs identified. The family reads the draft once it is ready for them, and their comments are
kept apart from the staff text. There is no "parenting capacity" area anywhere.

Every record here belongs to one family, and so to one council; all reads go through the scoping
layer (`visible_to`).

Django finds the models through this package, so every model class is imported here; the
records live in three modules: `assessment` (the assessment, its statuses and what a family may
read), `areas_of_life` (areas, the family's accounts, needs, the family's comments) and `carers`
(offers to carers and a parent carer's decisions).
"""

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models.areas_of_life import (
    AreaStatus,
    AssessmentArea,
    ChildViewHow,
    FamilyAccount,
    FamilyComment,
    HowOften,
    Need,
)
from supportfirst.assessments.models.assessment import (
    CLOCK_RUNNING,
    FAMILY_CAN_READ,
    Assessment,
    AssessmentStatus,
    family_readable,
)
from supportfirst.assessments.models.carers import (
    OFFER_ACCEPTED,
    AssessmentOffer,
    CarerDecisions,
    OfferAnswer,
    OfferKind,
)

__all__ = [
    "CLOCK_RUNNING",
    "FAMILY_CAN_READ",
    "OFFER_ACCEPTED",
    "AreaStatus",
    "Assessment",
    "AssessmentArea",
    "AssessmentOffer",
    "AssessmentStatus",
    "CarerDecisions",
    "ChildViewHow",
    "FamilyAccount",
    "FamilyComment",
    "HowOften",
    "Kind",
    "Need",
    "OfferAnswer",
    "OfferKind",
    "family_readable",
]
