"""The eligibility pages in the isolation matrix."""

from supportfirst.rules.criteria import load_file, shipped_set_paths
from tests.eligibility.drafts import first_index, matrix_comment_id, matrix_draft_id
from tests.eligibility.factories import matrix_criteria_id, matrix_decision_id

PUBLIC = {
    "public_eligibility:index",
    "public_eligibility:criteria",
    "public_eligibility:version",
    "public_eligibility:short_breaks",
}

_NATIONAL = next(load_file(p) for p in shipped_set_paths() if load_file(p).owner == "national")

# "national" is the national model's page, which is always there (shipped sets are published
# whenever the database is migrated).
PUBLIC_ARGUMENTS = {"criteria_slug": "national", "criteria_version": _NATIONAL.version}

# A criteria draft of the family's council, its first criterion, service and worked example,
# and a forum member's comment on it.
OBJECT_IDS = {
    "decision_id": matrix_decision_id,
    "draft_id": matrix_draft_id,
    "criterion_index": first_index,
    "service_index": first_index,
    "example_index": first_index,
    "criteria_comment_id": matrix_comment_id,
    "criteria_id": matrix_criteria_id,
}

# The national model is not a council and has no short breaks statement: its address goes to the
# list of every council's criteria.
PUBLIC_REDIRECTS = {"public_eligibility:short_breaks": "/criteria/"}
