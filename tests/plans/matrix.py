"""The isolation matrix's entries for support plans."""

from tests.plans.factories import shared_plan_for

OBJECT_IDS = {
    "plan_id": lambda family: shared_plan_for(family).pk,
    "review_id": lambda family: shared_plan_for(family).reviews.order_by("pk").first().pk,
}
