"""The law catalogue matches the corrected law brief (shared/brief/LAW.md): each provision's kind,
a true sentence for families per kind, and no template, letter or criteria file citing a
section the catalogue does not hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import supportfirst
from supportfirst.rules.criteria import law, lawkinds, shipped_set_paths, shipped_sets

PACKAGE = Path(supportfirst.__path__[0])
TEMPLATES = PACKAGE / "templates"

FAMILY_SENTENCES = {
    lawkinds.INDIVIDUAL_DUTY: (
        "The council has decided this is needed, so the law says it must arrange it."
    ),
    lawkinds.GENERAL_DUTY: (
        "The council must provide a range of this kind of support in its area. It is not a "
        "promise of a particular service, but the council must decide fairly about your family, "
        "and give reasons."
    ),
    lawkinds.DUTY_TO_ASSESS: (
        "The council must carry out this assessment when the law's conditions are met. The "
        "assessment on its own does not decide what support you get."
    ),
    lawkinds.DUTY_TO_DECIDE: (
        "After the assessment the council must decide about the needs it found, and tell you "
        "what it decided and why."
    ),
    lawkinds.OTHER_DUTY: "The law says the council must do this.",
    lawkinds.POWER_KIND: (
        "The law allows the council to do this. The council must still decide fairly about "
        "your family, and give reasons."
    ),
    lawkinds.DEFINITION: (
        "This part of the law says what a word means, for example who is a child in need."
    ),
    lawkinds.GUIDANCE: (
        "This is government guidance the council must follow unless it has a good reason not "
        "to, and it must say what the reason is."
    ),
}


@pytest.mark.parametrize("kind", sorted(FAMILY_SENTENCES))
def test_each_kind_has_its_true_family_sentence(kind):
    assert lawkinds.family_sentence(kind) == FAMILY_SENTENCES[kind]


def test_every_kind_in_the_catalogue_has_a_sentence():
    assert set(lawkinds.KINDS) == set(FAMILY_SENTENCES)
    assert {entry.kind for entry in law.CATALOGUE} <= set(FAMILY_SENTENCES)


@pytest.mark.parametrize(
    ("act", "section", "kind"),
    [
        (law.CHILDREN_ACT, "17(1)", lawkinds.GENERAL_DUTY),
        (law.CHILDREN_ACT, "17(3)", lawkinds.POWER_KIND),
        (law.CHILDREN_ACT, "17(4A)", lawkinds.OTHER_DUTY),
        (law.CHILDREN_ACT, "17(11)", lawkinds.DEFINITION),
        (law.CHILDREN_ACT, "17ZA", lawkinds.DUTY_TO_ASSESS),
        (law.CHILDREN_ACT, "17ZC", lawkinds.DUTY_TO_DECIDE),
        (law.CHILDREN_ACT, "17ZD", lawkinds.DUTY_TO_ASSESS),
        (law.CHILDREN_ACT, "17ZF", lawkinds.DUTY_TO_DECIDE),
        (law.CHILDREN_ACT, "20(4)", lawkinds.POWER_KIND),
        (law.CHILDREN_ACT, "26A", lawkinds.OTHER_DUTY),
        (law.CHILDREN_ACT, "47", lawkinds.OTHER_DUTY),
        (law.CHILDREN_ACT, "Schedule 2, paragraph 6", lawkinds.GENERAL_DUTY),
        (law.SHORT_BREAKS_REGS, "regulation 3", lawkinds.GENERAL_DUTY),
        (law.SHORT_BREAKS_REGS, "regulation 4", lawkinds.GENERAL_DUTY),
        (law.SHORT_BREAKS_REGS, "regulation 5", lawkinds.OTHER_DUTY),
        (law.CSDPA, "2(1)(a)", lawkinds.INDIVIDUAL_DUTY),
        (law.CSDPA, "2(1)(h)", lawkinds.INDIVIDUAL_DUTY),
        (law.WORKING_TOGETHER, "", lawkinds.GUIDANCE),
    ],
)
def test_the_catalogue_gives_each_provision_its_kind(act, section, kind):
    entry = law.find(act, section)
    assert entry is not None
    assert entry.kind == kind


@pytest.mark.parametrize("section", ["17ZA", "17ZB", "17ZC", "17ZD", "17ZE", "17ZF", "17A"])
def test_carers_assessments_decisions_and_direct_payments_are_not_services(section):
    entry = law.find(law.CHILDREN_ACT, section)
    assert entry is not None
    assert not entry.is_service_basis


def test_short_breaks_are_a_range_never_a_promise_of_a_break():
    for section in ("regulation 3", "regulation 4"):
        entry = law.find(law.SHORT_BREAKS_REGS, section)
        assert entry is not None
        assert entry.gives == lawkinds.GENERAL
        assert "must provide" not in entry.note or "range" in entry.note
    regulation_4 = law.find(law.SHORT_BREAKS_REGS, "regulation 4")
    assert regulation_4 is not None
    assert "range of short breaks" in regulation_4.note
    assert "not a promise" in regulation_4.note


def test_section_17_is_never_told_to_a_family_as_a_mere_power():
    for value in (lawkinds.GENERAL, lawkinds.POWER):
        sentence = lawkinds.service_sentence(value)
        assert "decide fairly about your family, and give reasons" in sentence
    assert law.strongest([law.by_key("ca1989-17-1"), law.by_key("ca1989-17-3")]) == "general"
    for key in ("ca1989-17", "ca1989-17-1"):
        assert law.by_key(key).gives == lawkinds.GENERAL


# --- every citation is in the catalogue -------------------------------------------------------

_CITATION = re.compile(
    r"(?:\bsections?\s+|\bs\.?(?=\d))(\d+[A-Z]*(?:\s?\(\w+\))*)"
    r"|\b(regulation\s+\d+)"
    r"|\b(Schedule\s+\d+,\s+paragraph\s+\d+)",
)


def _citations(text: str) -> list[str]:
    return [next(group for group in match.groups() if group) for match in _CITATION.finditer(text)]


def _family_facing_files() -> list[Path]:
    return [*sorted(TEMPLATES.rglob("*.html")), *sorted(TEMPLATES.rglob("*.txt"))]


def test_the_scan_finds_citations_as_they_are_written():
    assert _citations("(Children Act 1989, section 17ZF) and s17ZD, s20(4)") == [
        "17ZF",
        "17ZD",
        "20(4)",
    ]
    assert _citations("the Breaks Regulations 2011, regulation 5") == ["regulation 5"]
    assert _citations("Children Act 1989, Schedule 2, paragraph 6") == ["Schedule 2, paragraph 6"]
    assert not law.knows_section("17ZZ")


@pytest.mark.parametrize(
    "path", _family_facing_files(), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_every_template_and_letter_cites_only_sections_in_the_catalogue(path):
    # The privacy page cites the data protection law, which is not social care law.
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"Data Protection Act 2018, Schedule \d+", "", text)
    unknown = [found for found in _citations(text) if not law.knows_section(found)]
    assert unknown == []


@pytest.mark.parametrize("path", shipped_set_paths(), ids=lambda path: path.name)
def test_every_shipped_criteria_file_cites_only_the_catalogue(path):
    text = path.read_text(encoding="utf-8")
    unknown = [found for found in _citations(text) if not law.knows_section(found)]
    assert unknown == []
    for criteria_set in shipped_sets():
        for service in criteria_set.services:
            for basis in service.legal_basis:
                entry = law.find(basis.act, basis.section)
                assert entry is not None, basis.citation
                assert entry.is_service_basis, basis.citation
                assert service.for_whom in entry.for_whom


def test_the_carers_decisions_are_named_by_their_own_sections():
    page = (TEMPLATES / "assessments" / "staff" / "carer_decisions.html").read_text()
    assert "section 17ZF" in page
    assert "section 17ZD" not in page
