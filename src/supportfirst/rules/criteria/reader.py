"""Reading a criteria file's YAML: the raw data with the line of every field path, and every
problem found on the way, each with its place, in plain English. What the fields must say is
checked in `checks`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from supportfirst.rules.criteria.diagnosis import MESSAGE as DIAGNOSIS_MESSAGE
from supportfirst.rules.criteria.diagnosis import exclusion_in
from supportfirst.rules.criteria.model import (
    CriteriaFileError,
    Problem,
)

MISSING = object()


class Reader:
    """Walks the YAML node tree, keeping each field path's line, and collects problems."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []

    # --- YAML to Python, with lines --------------------------------------------------------
    def build(self, node: yaml.Node, path: str, constructor: yaml.SafeLoader) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                # Field names are read as written ("on" stays "on", not YAML 1.1's true).
                key = (
                    key_node.value
                    if isinstance(key_node, yaml.ScalarNode)
                    else self.build(key_node, path + ".<key>", constructor)
                )
                child = f"{path}.{key}" if path else str(key)
                if not isinstance(key, str):
                    self.add(child, f"The field name {key!r} must be text.", key_node)
                    continue
                if key in result:
                    self.add(child, f"The field “{key}” is given twice.", key_node)
                    continue
                self.lines[child] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, child, constructor)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, f"{path}[{index}]", constructor)
                for index, item in enumerate(node.value)
            ]
        try:
            return constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:
            if node.tag.endswith(":timestamp"):
                self.add(path, f"This is not a real date ({error}): write it as YYYY-MM-DD.", node)
            else:
                self.add(path, f"This value cannot be read: {error}.", node)
            return MISSING

    # --- problems --------------------------------------------------------------------------
    def line_of(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            parent = re.sub(r"(\.[^.\[\]]*|\[\d+\])$", "", path)
            if parent == path:  # a top-level field that is not in the file
                return None
            path = parent
        return None

    def add(self, path: str, message: str, node: yaml.Node | None = None) -> None:
        line = node.start_mark.line + 1 if node is not None else self.line_of(path)
        where = self.source + (f":{line}" if line else "") + (f": {path}" if path else "")
        self.problems.append(Problem(where, message, self.source, line, path))

    # --- field readers ---------------------------------------------------------------------
    def fields(self, data: Any, path: str, spec: dict[str, bool], what: str) -> dict[str, Any]:
        """The mapping at path, reporting unknown and missing fields. {} when not a mapping."""
        if not isinstance(data, dict):
            self.add(path, f"This must be {what}, with the fields {', '.join(spec)}.")
            return {}
        for key in data:
            if key not in spec:
                self.add(
                    join(path, key),
                    f"“{key}” is not a field of {what}. {did_you_mean(key, spec)}",
                )
        for key, required in spec.items():
            if required and key not in data:
                self.add(path, f"{what[0].upper()}{what[1:]} needs the field “{key}”.")
        return data

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = data.get(key, MISSING)
        if value is MISSING:
            return ""
        if value is None:
            if required:
                self.add(join(path, key), f"“{key}” must not be empty.")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "version":
            self.add(
                join(path, key),
                f'Put the version in quotes, for example "{value}", so it is read as text.',
            )
            return str(value)
        if not isinstance(value, str):
            self.add(join(path, key), f"“{key}” must be text.")
            return ""
        if required and not value.strip():
            self.add(join(path, key), f"“{key}” must not be empty.")
        return value.strip()

    def boolean(self, data: dict[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.add(join(path, key), f"“{key}” must be true or false.")
            return default
        return value

    def whole_number(
        self, data: dict[str, Any], key: str, path: str, default: int | None, low: int, high: int
    ) -> int | None:
        value = data.get(key, default)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            allowed = f"{low}" if low == high else f"a whole number from {low} to {high}"
            self.add(join(path, key), f"“{key}” must be {allowed}.")
            return default
        return value

    def a_date(self, data: dict[str, Any], key: str, path: str) -> date:
        value = data.get(key, MISSING)
        if value is MISSING:
            return date.min
        if isinstance(value, datetime):
            self.add(join(path, key), f"“{key}” must be a date only (YYYY-MM-DD), with no time.")
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.add(join(path, key), f"“{key}” must be a real date written as YYYY-MM-DD.")
        return date.min

    def choice(
        self, data: dict[str, Any], key: str, path: str, allowed: Iterable[str], default: str = ""
    ) -> str:
        allowed = tuple(allowed)
        value = data.get(key, default or MISSING)
        if value is MISSING:
            return ""
        if value not in allowed:
            self.add(
                join(path, key),
                f"“{key}” must be one of: {', '.join(allowed)} (not “{value}”).",
            )
            return default
        return str(value)

    def codes(
        self, data: dict[str, Any], key: str, path: str, allowed: Iterable[str], what: str
    ) -> tuple[str, ...] | None:
        """A list of codes from `allowed`; None when the field is absent."""
        if key not in data:
            return None
        value = data[key]
        allowed = tuple(allowed)
        if not isinstance(value, list) or not value:
            self.add(join(path, key), f"“{key}” must be a list of {what}, with at least one.")
            return ()
        found: list[str] = []
        for index, item in enumerate(value):
            if item not in allowed:
                self.add(
                    f"{join(path, key)}[{index}]",
                    f"“{item}” is not one of the {what}: {', '.join(allowed)}.",
                )
            elif item in found:
                self.add(f"{join(path, key)}[{index}]", f"“{item}” is listed twice.")
            else:
                found.append(item)
        return tuple(found)

    def items(self, data: dict[str, Any], key: str, *, at_least_one: bool = True) -> list[Any]:
        value = data.get(key, MISSING)
        if value is MISSING:
            return []
        if not isinstance(value, list):
            self.add(key, f"“{key}” must be a list.")
            return []
        if at_least_one and not value:
            self.add(key, f"“{key}” must have at least one entry.")
        return value

    def diagnosis_free(self, path: str, *texts: tuple[str, str]) -> None:
        for key, value in texts:
            found = exclusion_in(value)
            if found:
                self.add(join(path, key), DIAGNOSIS_MESSAGE.format(found=found))


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def did_you_mean(key: str, spec: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(spec), n=1)
    return f"Did you mean “{close[0]}”?" if close else f"The fields are: {', '.join(spec)}."


# --- the parts of a file ------------------------------------------------------------------


def parse(text: str, source: str, reader: Reader) -> Any:
    """The raw data of the YAML text, or None when it cannot be read (the problem is noted)."""
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                reader.add("", "The file is empty.")
                return None
            return reader.build(node, "", loader)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        where = source + (f":{line}" if line else "")
        reader.problems.append(
            Problem(where, f"This is not valid YAML: {error.problem or error}.", source, line, "")
        )
    except yaml.YAMLError as error:
        reader.problems.append(Problem(source, f"This is not valid YAML: {error}.", source))
    return None


def read_file_text(path: str | Path) -> str:
    """The text of a criteria file (UTF-8). Problems name the file as it was given."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CriteriaFileError(
            [Problem(name, f"The file cannot be read: {error.strerror or error}.", name)]
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CriteriaFileError(
            [Problem(name, f"The file is not UTF-8 text (byte {error.start + 1}).", name)]
        ) from None
