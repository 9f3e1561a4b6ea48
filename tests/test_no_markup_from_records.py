"""No markup from the public reaches a staff page.

A child's name and a requester's name arrive from the public ask-for-help form. Forms build
labels, hints and legends from them (“What does Sam's disability mean…”), and the GOV.UK form
templates used to print those with `|safe`. Here one fully walked family has a child named with
a link and a script, and a parent carer and requester named in bold; every staff page about them
is opened and must show the escaped words, never the markup.
"""

from __future__ import annotations

import pytest
from crispy_forms_gds.layout import Field, Fieldset
from django import forms
from django.template import Context, Template
from django.utils.html import escape

from supportfirst.councils.models import CASEWORK_ROLES, Role
from supportfirst.kernel.formsupport import gds_helper
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.subject_access.factories import family_with_records
from tests.test_isolation_matrix import PRIVATE, Route, url_for

CHILD = '<a href="https://evil.example">Sam</a><script>x</script>'
ADULT = "<b>Claire</b>"
RAW = ('<a href="https://evil.example"', "<script>x</script>", ADULT)

STAFF_PAGES = [r for r in PRIVATE if r.roles & CASEWORK_ROLES and not r.is_api]

# Pages that ask about the child or the parent carer by name: each must show the escaped name,
# so that a page which stopped showing the name cannot pass by showing nothing.
NAMED = {
    "staff:family",
    "pathway:request",
    "assessments:carer_decisions",
    "pathway:contact_new",
    "assessments:area",
    "assessments:assessment",
}


def _hostile_family():
    council = CouncilFactory()
    family = family_with_records(council, "Hx").family
    family.children.update(first_name=CHILD)
    family.parent_carers.update(full_name=ADULT)
    family.support_requests.update(requester_name=ADULT)
    return family


@pytest.mark.parametrize("route", STAFF_PAGES, ids=str)
def test_staff_pages_show_record_words_escaped(db, route: Route):
    family = _hostile_family()
    role = Role.PRACTITIONER if Role.PRACTITIONER in route.roles else Role.TEAM_MANAGER
    client = signed_in_client(staff_user(family.council, role))
    response = client.get(url_for(route, family))
    assert response.status_code in {200, 302, 400, 405, 409}, response.status_code
    if not response["Content-Type"].startswith("text/html"):
        return  # the letter's PDF: its words are checked as HTML on the letter's page
    page = response.content.decode()
    for raw in RAW:
        assert raw not in page, f"{route.name} shows {raw!r} as markup"
    if route.name in NAMED:
        assert response.status_code == 200
        assert escape(CHILD) in page or escape(ADULT) in page, route.name


def test_the_named_pages_are_real_urls():
    assert {r.name for r in STAFF_PAGES} >= NAMED


def test_a_label_hint_and_legend_built_from_a_record_are_escaped():
    """The form templates themselves: a label, a hint and a legend holding markup."""

    class Hostile(forms.Form):
        name = forms.CharField(label=f"Name of {CHILD}", help_text=f"Hint for {CHILD}")
        pick = forms.ChoiceField(choices=[("a", "A")], label=f"Pick for {CHILD}")
        many = forms.MultipleChoiceField(choices=[("a", "A")], label=f"Many for {CHILD}")

    form = Hostile()
    form.helper = gds_helper(
        Fieldset(Field.text("name"), legend=f"About {CHILD}"),
        Field.radios("pick"),
        Field.checkboxes("many"),
    )
    page = Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form}))
    for raw in RAW[:2]:
        assert raw not in page
    assert page.count(escape(CHILD)) == 5
