"""The page-quality check run on every HTML page any test fetches (client or browser).

A page must be valid HTML, have exactly one h1 whose text begins the title (after an optional
"Error: "), have no duplicate ids, give every form an action, and use GOV.UK classes on
links and paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter

import html5lib
from html5lib.html5parser import ParseError


class PageQualityError(AssertionError):
    pass


def _text(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def problems_in(html: str) -> list[str]:
    problems: list[str] = []
    parser = html5lib.HTMLParser(
        tree=html5lib.getTreeBuilder("etree"), strict=True, namespaceHTMLElements=False
    )
    try:
        document = parser.parse(html)
    except ParseError as error:
        return [f"the HTML is not valid: {error}"]
    h1s = document.findall(".//h1")
    if len(h1s) != 1:
        problems.append(f"the page has {len(h1s)} h1 elements; it needs exactly one")
    title = document.find(".//title")
    title_text = _text(title) if title is not None else ""
    if not title_text:
        problems.append("the page has no title")
    elif len(h1s) == 1:
        heading = _text(h1s[0])
        if not title_text.removeprefix("Error: ").startswith(heading):
            problems.append(f"the title {title_text!r} does not begin with the h1 {heading!r}")
    ids = Counter(el.get("id") for el in document.iter() if el.get("id"))
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    if duplicates:
        problems.append(f"duplicate ids: {', '.join(duplicates)}")
    for form in document.iter("form"):
        if not form.get("action"):
            problems.append("a form has no action")
    parents = {child: parent for parent in document.iter() for child in parent}
    for tag in ("a", "p"):
        for element in document.iter(tag):
            if not _styled(element, parents):
                problems.append(f"a <{tag}> without a GOV.UK class: {_text(element)[:60]!r}")
    return problems


# Components whose own stylesheet styles the plain links and paragraphs inside them.
STYLED_INSIDE = ("govuk-error-summary__list", "govuk-details__text")


def _styled(element, parents) -> bool:
    if re.search(r"\bgovuk-", element.get("class", "")):
        return True
    ancestor = parents.get(element)
    while ancestor is not None:
        if any(name in ancestor.get("class", "") for name in STYLED_INSIDE):
            return True
        ancestor = parents.get(ancestor)
    return False


def assert_page_quality(html: str, *, where: str) -> None:
    problems = problems_in(html)
    if problems:
        raise PageQualityError(f"{where}: " + "; ".join(problems))
