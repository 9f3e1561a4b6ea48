"""The complaint pages in the isolation matrix."""

from tests.complaints.factories import matrix_complaint_id

OBJECT_IDS = {"complaint_id": matrix_complaint_id}
