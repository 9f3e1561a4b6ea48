"""The front doors gather each app's part through hooks they name, and a family's view of the
access log always says what is held back from the family."""

from __future__ import annotations

import pytest

from supportfirst.assessments import due as assessments_due
from supportfirst.complaints import due as complaints_due
from supportfirst.corrections import due as corrections_due
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope
from supportfirst.eligibility import due as eligibility_due
from supportfirst.families.selectors import access_log_for_family
from supportfirst.frontdoor import staff_work
from supportfirst.pathway import due as pathway_due
from supportfirst.plans import due as plans_due
from supportfirst.transition import due as transition_due


def test_my_work_lists_each_apps_due_items_hook_by_name():
    assert (
        pathway_due.due_items,
        assessments_due.due_items,
        corrections_due.due_items,
        complaints_due.due_items,
        eligibility_due.due_items,
        plans_due.due_items,
        transition_due.due_items,
    ) == staff_work.DUE_HOOKS


def test_a_familys_access_log_must_say_what_is_held_back(family, parent):
    scope = Scope(
        user_id=parent.pk,
        council_id=family.council_id,
        role=Role.FAMILY_MEMBER,
        family_id=family.pk,
    )
    with pytest.raises(ValueError, match="held back"):
        access_log_for_family(scope=scope, family_id=family.pk)
    assert access_log_for_family(scope=scope, family_id=family.pk, held_back={}) == []
