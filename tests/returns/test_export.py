"""`supportfirst export cin-census`: the census from the command line, streamed in batches."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.cli import main
from supportfirst.returns import selectors
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory
from tests.returns.logged import assert_logged_from_command_line


def _year() -> int:
    today = timezone.localdate()
    return today.year + 1 if today > dt.date(today.year, 3, 31) else today.year


def _children(council, n):
    for i in range(n):
        child = family_with_everyone(council, name=f"Family {i}").children.first()
        SupportRequestFactory(child=child)


@pytest.fixture(autouse=True)
def _secure(monkeypatch):
    monkeypatch.setattr("supportfirst.cli._refuse_insecure", lambda: None)
    monkeypatch.setattr("supportfirst.cli._django_setup", lambda **_: None)


def test_the_census_is_written_to_a_file(db, council, tmp_path, capsys):
    _children(council, 2)
    out = tmp_path / "census.xml"
    code = main(
        [
            "export",
            "cin-census",
            "--council",
            council.la_code,
            "--year",
            str(_year()),
            "--output",
            str(out),
        ]
    )
    said = capsys.readouterr().err
    assert f"for {council.name} to {out.resolve()}: 2 children." in said
    text = out.read_text(encoding="utf-8")
    assert text.count("<Child>") == 2
    assert f"<LEA>{council.la_code}</LEA>" in text
    assert_logged_from_command_line(council, f"cin-census:{_year()}")
    # Children of school age with no number are named, so the council can fix them first.
    assert code == (1 if "To fix:" in said else 0)


def test_an_unknown_council_is_refused_plainly(db, capsys, tmp_path):
    out = tmp_path / "census.xml"
    code = main(
        ["export", "cin-census", "--council", "999", "--year", "2026", "--output", str(out)]
    )
    assert code == 2
    assert "No census was written. No council has the LA code 999." in capsys.readouterr().err
    assert not out.exists()


def test_a_year_with_no_one_is_refused_plainly(db, council, capsys):
    code = main(["export", "cin-census", "--council", council.la_code, "--year", "2016"])
    assert code == 2
    assert "there is no one to put in the census" in capsys.readouterr().err


def test_reading_the_census_takes_the_same_queries_per_batch(db, council, monkeypatch):
    monkeypatch.setattr(selectors, "BATCH", 5)
    _children(council, 5)
    with CaptureQueriesContext(connection) as one_batch:
        assert len(list(selectors.census_children(council, _year()))) == 5
    _children(council, 5)
    with CaptureQueriesContext(connection) as two_batches:
        assert len(list(selectors.census_children(council, _year()))) == 10
    per_batch = len(two_batches) - len(one_batch)
    # A second batch costs one batch's queries, whatever the batch holds.
    assert per_batch == len(one_batch) - 1


def test_writing_to_a_device_writes_straight_to_it(db, council, tmp_path):
    """`--output /dev/null` (or a pipe) is written to, never replaced by a file."""
    import os
    import stat

    _children(council, 1)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    code = main(
        [
            "export",
            "cin-census",
            "--council",
            council.la_code,
            "--year",
            str(_year()),
            "--output",
            str(fifo),
        ]
    )
    reader.join(timeout=30)
    assert code in (0, 1)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got[0].count("<Child>") == 1


@pytest.mark.parametrize("child_id", [1, 999, 12_345, 9_876_543_210])
def test_a_demo_pupil_number_is_valid_whatever_the_childs_id(child_id):
    from supportfirst.returns.demo import demo_upn
    from supportfirst.rules.returns.codes import upn_problem

    upn = demo_upn(child_id)
    assert len(upn) == 13
    assert upn_problem(upn) is None


def test_an_export_that_cannot_be_logged_writes_nothing(db, council, tmp_path, monkeypatch):
    _children(council, 1)

    def refuse(**_):
        raise RuntimeError("the access log cannot be written")

    monkeypatch.setattr("supportfirst.returns.export.log_command_line_export", refuse)
    out = tmp_path / "census.xml"
    with pytest.raises(RuntimeError):
        main(["export", "cin-census", "--council", council.la_code, "--year", str(_year()),
              "--output", str(out)])  # fmt: skip
    assert not out.exists()
