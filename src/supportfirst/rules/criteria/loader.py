"""Reading a criteria file: every problem found, each with its place, in plain English.

`load_text(text, source)` and `load_file(path)` return a CriteriaSet or raise CriteriaFileError
whose `.problems` lists everything wrong (not just the first thing), each with the file, the
line where YAML gives one, and the field path such as `services[2].legal_basis`. Worked
examples are checked for shape here; whether their expected decisions come out is checked by
`supportfirst criteria test` (see `examples.run_examples`).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from supportfirst.rules.criteria.checks import check
from supportfirst.rules.criteria.model import CriteriaFileError, CriteriaSet
from supportfirst.rules.criteria.reader import Reader, parse, read_file_text


def load_text(text: str, source: str = "<text>", *, require_tested: bool = True) -> CriteriaSet:
    """Read a criteria set from YAML text. Raises CriteriaFileError listing every problem.
    `require_tested=False`: a statement no worked example tests is not counted as a problem
    (see `statements.untested_statements`)."""
    reader = Reader(source)
    data = parse(text, source, reader)
    if data is None:
        raise CriteriaFileError(reader.problems)
    return check(reader, data, text, source, require_tested=require_tested)


def load_file(path: str | Path) -> CriteriaSet:
    """Read a criteria file (UTF-8 YAML). Problems name the file as it was given."""
    return load_text(read_file_text(path), str(path))


def shipped_set_paths() -> list[Path]:
    """The criteria files that come with Support First, in name order."""
    folder = resources.files("supportfirst.rules.criteria") / "sets"
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".yaml"))


def shipped_sets(load: Callable[[Path], CriteriaSet] = load_file) -> list[CriteriaSet]:
    return [load(path) for path in shipped_set_paths()]
