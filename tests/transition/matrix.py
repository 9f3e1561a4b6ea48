"""The growing-up pages in the isolation matrix."""

from tests.transition.factories import matrix_advice_id, matrix_transition_id

OBJECT_IDS = {"transition_id": matrix_transition_id, "advice_id": matrix_advice_id}
