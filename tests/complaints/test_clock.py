"""One test per complaint clock rule (Children Act 1989 Representations Procedure (England)
Regulations 2006), with bank holidays, extensions and the limits on extensions."""

from datetime import date

import pytest

from supportfirst.complaints import clock

MONDAY = date(2026, 11, 2)


def test_stage_1_response_is_due_10_working_days_after_the_complaint_arrives():
    assert clock.stage_1_due(MONDAY) == date(2026, 11, 16)


def test_stage_1_skips_good_friday_and_easter_monday():
    # 3 and 6 April 2026 are not working days.
    assert clock.stage_1_due(date(2026, 3, 30)) == date(2026, 4, 15)


def test_stage_1_skips_christmas_the_boxing_day_substitute_and_new_year():
    # 25 December 2026, Monday 28 December (Boxing Day falls on a Saturday), 1 January 2027.
    assert clock.stage_1_due(date(2026, 12, 18)) == date(2027, 1, 6)


def test_stage_1_can_be_extended_to_20_working_days_with_a_reason():
    assert clock.latest_extension(1, MONDAY) == date(2026, 11, 30)
    new = clock.check_extension(
        stage=1,
        opened_on=MONDAY,
        current_due=date(2026, 11, 16),
        new_due=date(2026, 11, 30),
        reason="The worker who knows the family is away until 23 November.",
    )
    assert new == date(2026, 11, 30)


def test_stage_1_extension_beyond_20_working_days_is_refused():
    with pytest.raises(clock.ExtensionRefused, match="at most 20 working days"):
        clock.check_extension(
            stage=1,
            opened_on=MONDAY,
            current_due=date(2026, 11, 16),
            new_due=date(2026, 12, 1),
            reason="More time needed.",
        )


def test_an_extension_without_a_reason_is_refused():
    with pytest.raises(clock.ExtensionRefused, match="reason"):
        clock.check_extension(
            stage=1,
            opened_on=MONDAY,
            current_due=date(2026, 11, 16),
            new_due=date(2026, 11, 20),
            reason="  ",
        )


def test_an_extension_must_be_later_than_the_current_date():
    with pytest.raises(clock.ExtensionRefused, match="after the current one"):
        clock.check_extension(
            stage=1,
            opened_on=MONDAY,
            current_due=date(2026, 11, 16),
            new_due=date(2026, 11, 13),
            reason="Typed the wrong date.",
        )


def test_stage_2_response_is_due_25_working_days_after_the_request():
    assert clock.stage_2_due(MONDAY) == date(2026, 12, 7)


def test_stage_2_can_be_extended_up_to_65_working_days_counting_past_christmas():
    assert clock.latest_extension(2, MONDAY) == date(2027, 2, 4)
    assert clock.check_extension(
        stage=2,
        opened_on=MONDAY,
        current_due=date(2026, 12, 7),
        new_due=date(2027, 2, 4),
        reason="The independent person needs to meet three schools.",
    ) == date(2027, 2, 4)


def test_stage_2_extension_beyond_65_working_days_is_refused():
    with pytest.raises(clock.ExtensionRefused, match="at most 65 working days"):
        clock.check_extension(
            stage=2,
            opened_on=MONDAY,
            current_due=date(2026, 12, 7),
            new_due=date(2027, 2, 5),
            reason="More time needed.",
        )


def test_stage_3_panel_meets_within_30_working_days_of_the_request():
    assert clock.panel_meeting_due(MONDAY) == date(2026, 12, 14)
    assert clock.stage_due(3, MONDAY) == date(2026, 12, 14)


def test_stage_3_panel_reports_within_5_working_days_of_the_meeting():
    assert clock.panel_report_due(date(2026, 12, 14)) == date(2026, 12, 21)


def test_stage_3_council_responds_within_15_working_days_of_the_report():
    assert clock.council_response_due(date(2026, 12, 21)) == date(2027, 1, 14)


def test_stage_3_cannot_be_extended():
    with pytest.raises(clock.ExtensionRefused, match="stage 3"):
        clock.latest_extension(3, MONDAY)


def test_asking_for_the_next_stage_has_a_20_working_day_guide_not_a_bar():
    assert clock.ask_next_stage_by(date(2026, 11, 16)) == date(2026, 12, 14)
    assert clock.asked_late(date(2026, 11, 16), date(2026, 12, 14)) is False
    assert clock.asked_late(date(2026, 11, 16), date(2026, 12, 15)) is True


def test_there_is_no_stage_4():
    with pytest.raises(ValueError, match="stages 1, 2 and 3"):
        clock.stage_due(4, MONDAY)


def test_the_clock_says_overdue_once_the_due_day_has_passed():
    assert clock.clock_on(date(2026, 11, 16), date(2026, 11, 13)).described == "1 working day left"
    late = clock.clock_on(date(2026, 11, 16), date(2026, 11, 18))
    assert late.overdue
    assert late.described == "2 working days overdue"
    assert clock.due_soon(date(2026, 11, 16), date(2026, 11, 12)) is True
    assert clock.due_soon(date(2026, 11, 16), date(2026, 11, 11)) is False


def test_the_clock_module_does_not_import_django():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(clock.__file__).read_text())
    names = [
        getattr(node, "module", None) or node.names[0].name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    assert not [n for n in names if n and n.startswith("django")]
