"""The meta-test for no lost updates (docs/security.md#no-lost-updates): every page that shows a
form already filled in from a saved record (text in a box, a value in a text field) carries
the version check (kernel/versioning.py `versioned`), so a second save cannot silently replace
the first. It opens every signed-in page of the URL table as the person it is for, with the
isolation matrix's records; a new editing page without the check fails here. A page whose
filled-in form does not change a saved record is listed below with the reason.
"""

from __future__ import annotations

import re

from supportfirst.councils.models import CASEWORK_ROLES, FAMILY_ROLES, Role
from tests.accounts.factories import family_user, staff_user
from tests.test_isolation_matrix import PRIVATE, Route, client_for, two_councils, url_for

__all__ = ["two_councils"]  # the matrix's fixture, used here too

# Pages with a form filled in before anyone types, that do not edit a saved record: a form that
# adds a record, and signing off, which is a move (a second sign-off of the same side is
# refused with the 409 page).
FILLED_BUT_NOT_EDITING = {
    "eligibility:criteria_criterion_add": "adds a criterion; starts at 2 outcomes needed",
    "eligibility:criteria_sign_off": "a sign-off (a move), prefilled with the signer and today",
    "protocol:sign_off": "a sign-off (a move), prefilled with the signer and today",
    "plans:service_add": "adds a service; starts on the plan's start date",
    "plans:review_new": "adds a review; dated today, the next one due in the months set",
    "complaints:respond": "the response (a move, refused twice); dated today",
    "returns:annex_a": "chooses a period for the lists (saves nothing); the last six months",
}

FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
FILLED_BOX = re.compile(r"<textarea\b[^>]*>\s*([^<\s][^<]*)</textarea>", re.I)
FILLED_FIELD = re.compile(
    r"<input\b(?=[^>]*type=\"(?:text|email|tel|number)\")(?=[^>]*value=\"([^\"]+)\")[^>]*>", re.I
)


def _role_for(route: Route) -> str:
    """Who the page is for, as the isolation matrix chooses: casework first, then family."""
    if route.roles & CASEWORK_ROLES:
        return Role.PRACTITIONER if Role.PRACTITIONER in route.roles else Role.TEAM_MANAGER
    if route.roles & FAMILY_ROLES:
        return Role.FAMILY_MEMBER
    for role in (Role.COUNCIL_ADMIN, Role.COMPLAINTS_MANAGER, Role.FORUM_MEMBER):
        if role in route.roles:
            return role
    return ""


def unversioned_filled_forms(page: str) -> list[str]:
    """What is filled in, in each post form of the page that has no version field."""
    found = []
    for form in FORM.findall(page):
        if 'name="version"' in form:
            continue
        found += [m.strip()[:40] for m in FILLED_BOX.findall(form)]
        found += [m[:40] for m in FILLED_FIELD.findall(form)]
    return found


def test_the_meta_test_sees_a_filled_form_without_a_version():
    filled = '<form method="post"><textarea name="text">Saved words</textarea></form>'
    versioned = filled.replace("</form>", '<input type="hidden" name="version" value="3"></form>')
    empty = '<form method="post"><input type="text" name="name" value=""></form>'
    assert unversioned_filled_forms(filled) == ["Saved words"]
    assert unversioned_filled_forms(versioned) == []
    assert unversioned_filled_forms(empty) == []


EDITABLE = [r for r in PRIVATE if not r.is_api and r.name not in FILLED_BUT_NOT_EDITING]


def test_every_page_that_edits_a_saved_record_checks_the_version(two_councils):
    # One pass over every page with one set of records: opening ~150 pages is quick, making
    # the matrix's families for each would not be.
    missing = []
    clients = {}
    for route in EDITABLE:
        role = _role_for(route)
        if not role:
            continue
        if role not in clients:
            clients[role] = client_for(
                family_user(two_councils["family_b"])
                if role == Role.FAMILY_MEMBER
                else staff_user(two_councils["b"], role),
                route,
            )
        response = clients[role].get(url_for(route, two_councils["family_b"]))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        filled = unversioned_filled_forms(response.content.decode())
        if filled:
            missing.append(f"{route.name} {filled}")
    assert not missing, (
        "These pages show a form filled in from a saved record with no version check: mark "
        "each with kernel.versioning.versioned(form, record), or list it in "
        "FILLED_BUT_NOT_EDITING with the reason:\n" + "\n".join(missing)
    )


def test_the_allow_list_names_only_real_urls():
    assert {r.name for r in PRIVATE} >= set(FILLED_BUT_NOT_EDITING)
