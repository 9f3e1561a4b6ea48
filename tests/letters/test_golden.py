"""Golden-file tests: each kind of letter, in each variant, renders exactly as its file in
tests/letters/golden/.

When a template changes on purpose, regenerate the files and read the difference before
committing it:

    UPDATE_GOLDEN=1 pytest tests/letters/test_golden.py

"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from supportfirst.letters import rendering, services
from supportfirst.letters.models import LetterKind, Variant
from tests.letters.factories import actor_for
from tests.letters.world import ON, make_world

GOLDEN = Path(__file__).parent / "golden"
ANSWER = "We are sorry that the plan was changed without asking you. It should not have been."


def rendered(kind: str, variant: str) -> str:
    world = make_world()
    letter = services.letter_prepare(
        actor=actor_for(world.worker),
        family=world.family,
        kind=kind,
        source=world.source(kind),
        variant=variant,
        personal_paragraph=ANSWER if kind == LetterKind.COMPLAINT_RESPONSE else "",
    )
    letter.prepared_at = ON
    return rendering.render_letter(letter) + "\n"


@pytest.mark.parametrize("variant", Variant.values)
@pytest.mark.parametrize("kind", LetterKind.values)
def test_letter_matches_its_golden_file(db, kind, variant):
    path = GOLDEN / f"{kind}.{variant}.html"
    html = rendered(kind, variant)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert html == path.read_text(encoding="utf-8"), (
        f"{kind} ({variant}) differs from {path.name}; if the change is intended, run "
        "UPDATE_GOLDEN=1 pytest tests/letters/test_golden.py and check the difference"
    )


def test_golden_files_are_all_in_use():
    expected = {f"{k}.{v}.html" for k in LetterKind.values for v in Variant.values}
    assert {p.name for p in GOLDEN.glob("*.html")} == expected


@pytest.mark.parametrize("variant", Variant.values)
@pytest.mark.parametrize("kind", LetterKind.values)
def test_a_letter_that_gives_10_working_days_for_a_complaint_says_at_most_20(db, kind, variant):
    """Stage 1 is 10 working days, extendable to 20 (Representations Procedure Regulations
    2006): a letter that tells the family the first never leaves out the second."""
    html = rendered(kind, variant)
    if "10 working days" in html:
        assert "20 working days" in html
