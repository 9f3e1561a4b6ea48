import pytest

from supportfirst.rules.returns import codes


def _with_check_letter(rest: str) -> str:
    """Build a number by the Department's published rule, independently of the code under test."""
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    values = [int(c) if c.isdigit() else letters.index(c) for c in rest]
    total = sum(v * (i + 2) for i, v in enumerate(values))
    return letters[total % 23] + rest


@pytest.mark.parametrize("rest", ["801200001001", "938401512345", "000000000000", "12345678901A"])
def test_a_number_with_the_right_check_letter_is_valid(rest):
    assert codes.upn_problem(_with_check_letter(rest)) is None


def test_a_lower_case_number_is_accepted():
    assert codes.upn_problem(_with_check_letter("801200001001").lower()) is None


def test_a_wrong_check_letter_is_named_in_plain_english():
    good = _with_check_letter("801200001001")
    wrong = ("B" if good[0] != "B" else "C") + good[1:]
    assert codes.upn_problem(wrong) == (
        "The first letter does not match the rest of the number. Check it was copied correctly."
    )


@pytest.mark.parametrize(
    ("upn", "message"),
    [
        ("A80120000100", "A unique pupil number has 13 characters: a letter, then 12 more."),
        ("A8012000X1001", "Characters 2 to 12 of a unique pupil number are digits."),
        ("A80120000100!", "The last character of a unique pupil number is a digit or a letter."),
    ],
)
def test_malformed_numbers(upn, message):
    assert codes.upn_problem(upn) == message


def test_every_list_has_a_plain_name_for_each_code():
    for table in (
        codes.SEX,
        codes.ETHNICITY,
        codes.DISABILITY,
        codes.REFERRAL_SOURCE,
        codes.PRIMARY_NEED,
        codes.CLOSURE_REASON,
        codes.ASSESSMENT_FACTORS,
        codes.UPN_UNKNOWN,
    ):
        assert table
        for code, name in table.items():
            assert code, name
            assert name[:1].isupper(), (code, name)


def test_the_pathway_defaults_and_factors_are_census_codes():
    assert codes.PRIMARY_NEED_DEFAULT == "N2"
    assert codes.ETHNICITY_NOT_KNOWN in codes.ETHNICITY
    assert set(codes.ASSESSMENT_FACTORS) <= codes.ALL_ASSESSMENT_FACTORS
