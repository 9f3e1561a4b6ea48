"""The shipped criteria sets: each loads, each worked example comes out as the file says, and
the files go into the wheel with the package."""

from __future__ import annotations

import pytest

from supportfirst.rules.criteria import (
    CriteriaSet,
    check_example,
    load_file,
    shipped_set_paths,
)

SETS = {path.name: load_file(path) for path in shipped_set_paths()}
EXAMPLES = [
    pytest.param(name, index, id=f"{name}:{example.name}")
    for name, criteria_set in SETS.items()
    for index, example in enumerate(criteria_set.examples)
]


def test_the_national_model_and_both_demo_councils_are_shipped():
    assert set(SETS) == {
        "national-model.yaml",
        "957-ashvale.yaml",
        "957-ashvale-2025.yaml",
        "958-northmoor.yaml",
        "958-northmoor-1.2.yaml",
    }
    assert SETS["national-model.yaml"].owner == "national"
    assert SETS["957-ashvale.yaml"].owner == "957"
    assert SETS["958-northmoor.yaml"].owner == "958"
    assert SETS["958-northmoor-1.2.yaml"].owner == "958"


def test_northmoor_has_a_version_in_force_and_a_new_one_signed_off_for_later():
    """1.2 is a new file with its own sign-offs, in force only after both signed; 1.1 is kept
    as it was signed off, so decisions made with it read against it."""
    current, later = SETS["958-northmoor.yaml"], SETS["958-northmoor-1.2.yaml"]
    assert current.id == later.id == "958-northmoor"
    assert (current.version, later.version) == ("1.1", "1.2")
    assert (current.status, later.status) == ("published", "published")
    assert current.effective_from < later.effective_from
    assert max(s.on for s in later.sign_off) <= later.effective_from
    assert min(s.on for s in later.sign_off) > max(s.on for s in current.sign_off)


def test_ashvale_has_a_current_and_a_retired_version():
    current, old = SETS["957-ashvale.yaml"], SETS["957-ashvale-2025.yaml"]
    assert current.id == old.id == "957-ashvale"
    assert (current.status, old.status) == ("published", "retired")
    assert old.effective_from < current.effective_from
    assert current.version != old.version


@pytest.mark.parametrize(("name", "index"), EXAMPLES)
def test_shipped_example(name: str, index: int):
    criteria_set = SETS[name]
    result = check_example(criteria_set, criteria_set.examples[index])
    assert result.differences == ()


def test_every_set_has_several_examples_and_some_of_each_outcome():
    for criteria_set in SETS.values():
        assert len(criteria_set.examples) >= 3, criteria_set.id
        outcomes = {example.eligible for example in criteria_set.examples}
        assert outcomes == {True, False}, criteria_set.id


@pytest.mark.parametrize(
    "name",
    ["957-ashvale.yaml", "957-ashvale-2025.yaml", "958-northmoor.yaml", "958-northmoor-1.2.yaml"],
)
def test_council_sets_are_signed_off_by_council_and_forum(name: str):
    kinds = {entry.kind for entry in SETS[name].sign_off}
    assert kinds == {"council", "parent_carer_forum"}


def test_the_demo_sets_offer_the_services_the_issue_names():
    for name in ("957-ashvale.yaml", "958-northmoor.yaml", "national-model.yaml"):
        criteria_set: CriteriaSet = SETS[name]
        citations = {
            basis.citation for service in criteria_set.services for basis in service.legal_basis
        }
        for section in ("2(1)(a)", "2(1)(c)", "2(1)(d)", "2(1)(e)"):
            assert f"Chronically Sick and Disabled Persons Act 1970, section {section}" in citations
        assert "Children Act 1989, Schedule 2, paragraph 6" in citations
        # Carers' services come under section 17(1) and 17(3); the duties to assess
        # (17ZD, 17ZA) are never a service's basis, and a direct payment is not a service.
        assert "Children Act 1989, section 17(3)" in citations
        for section in ("17ZD", "17ZE", "17ZA", "17A"):
            assert f"Children Act 1989, section {section}" not in citations
        assert "direct-payments" not in {service.code for service in criteria_set.services}


def test_the_set_files_live_inside_the_package_so_the_wheel_has_them():
    import supportfirst

    package = shipped_set_paths()[0].parents[3]
    assert package.samefile(supportfirst.__path__[0])
    assert all(path.parent.name == "sets" for path in shipped_set_paths())


def test_the_digest_is_the_sha256_of_the_text():
    import hashlib

    for criteria_set in SETS.values():
        assert criteria_set.digest == hashlib.sha256(criteria_set.text.encode()).hexdigest()


def test_the_example_in_the_format_documentation_loads_and_passes():
    from pathlib import Path

    from supportfirst.rules.criteria import load_text, run_examples

    doc = (Path(__file__).resolve().parents[2] / "docs" / "criteria-format.md").read_text()
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    criteria_set = load_text(block, "docs/criteria-format.md")
    assert criteria_set.id == "999-testshire"
    assert [result.passed for result in run_examples(criteria_set)] == [True] * 6


def test_the_documentation_names_every_field_the_loader_knows():
    from pathlib import Path

    from supportfirst.rules.criteria import checks

    doc = (Path(__file__).resolve().parents[2] / "docs" / "criteria-format.md").read_text()
    for spec in (
        checks._TOP,
        checks._SIGN_OFF,
        checks._CRITERION,
        checks._SERVICE,
        checks._EXAMPLE,
    ):
        for field in spec:
            assert f"`{field}`" in doc, field


@pytest.mark.parametrize("name", sorted(SETS))
def test_what_families_read_passes_the_language_checker(name: str):
    from supportfirst.rules.language import check, readability

    criteria_set = SETS[name]
    texts = [criteria_set.title, criteria_set.summary]
    texts += [text for c in criteria_set.criteria for text in (c.title, c.plain_english)]
    texts += [text for s in criteria_set.services for text in (s.name, s.plain_english)]
    for text in texts:
        assert check(text) == [], text
    assert readability(" ".join(texts)) >= 60


@pytest.mark.parametrize("name", sorted(SETS))
def test_adaptations_are_help_to_arrange_and_building_work_is_a_grant(name):
    # CSDPA 1970 s2(1)(e) is help in arranging adaptations (issue 18 finding 13).
    service = next(s for s in SETS[name].services if s.code == "equipment-adaptations")
    assert "help to arrange changes to your home" in service.plain_english
    assert "Disabled Facilities Grant" in service.plain_english


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_summary_does_not_say_the_council_only_may_help(name):
    # No shipped service is a power (issue 18 finding 18).
    summary = SETS[name].summary
    assert "may" not in summary.split()
    assert "must arrange once" in summary
