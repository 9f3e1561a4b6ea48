"""The page-quality check itself: it must catch each kind of broken page."""

import pytest

from tests.page_quality import problems_in

GOOD = """<!DOCTYPE html><html lang="en"><head><title>Your family – Support First</title></head>
<body><h1 class="govuk-heading-l">Your family</h1><p class="govuk-body">Hello</p>
<a class="govuk-link" href="/">Home</a><form action="/x" method="post"></form></body></html>"""


def test_a_good_page_passes():
    assert problems_in(GOOD) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('<p class="govuk-body">Hello</p>', '<p class="govuk-body">Hello<div></p>'), "not valid"),
        (("</h1>", '</h1><h1 class="govuk-heading-l">Again</h1>'), "2 h1 elements"),
        (("<title>Your family", "<title>Something else"), "does not begin with the h1"),
        (('href="/"', 'href="/" id="x"><span id="x"></span'), "duplicate ids: x"),
        (('action="/x" ', ""), "a form has no action"),
        (('class="govuk-body"', ""), "<p> without a GOV.UK class"),
        (('class="govuk-link" ', ""), "<a> without a GOV.UK class"),
    ],
)
def test_each_broken_page_is_caught(change, problem):
    old, new = change
    broken = GOOD.replace(old, new)
    assert broken != GOOD
    found = problems_in(broken)
    assert any(problem in p for p in found), found


def test_an_error_title_may_come_before_the_heading():
    page = GOOD.replace("<title>Your family", "<title>Error: Your family")
    assert problems_in(page) == []
