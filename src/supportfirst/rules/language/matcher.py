r"""The whole vocabulary compiled into one regular expression, built once.

Python's regular expression engine tries the branches of an alternation one after another,
but it skips a branch at once when the branch begins with a character that is not the next
character of the text. So every pattern is rewritten to begin with a plain character
("(?:fail|failure)s?" becomes "fail..." and "failure..."), and the patterns are nested by
their first characters, like a trie, four characters deep:

    (?<!word)(?:f(?:a(?:i(?:l(?:ed\s+to()|ure\s+to()|...))))|r(?:e(?:f(?:...))))|...)(?!word)

At a word start only the branches for its first letters are really tried, which is what
makes one combined pattern fast. Each pattern ends with an empty group, and the number of the
last group that matched says which entry the words belong to.

Patterns that cannot be rewritten this way (for example one that begins with \w) still work:
they are tried at every word start after the nested branches.

When the checker's context rules excuse a match, `Combined.others_at` gives the other entries
that match at the same place a second chance, each with its own pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# A match begins at a word start and ends at a word end. An apostrophe inside a word ("don't")
# is not a word start, but a quotation mark before a word is.
EDGE_BEFORE = r"(?<![\w-])(?<!\w')"
EDGE_AFTER = r"(?![\w-])"

_MAX_ALTERNATIVES = 200  # beyond this a pattern is left as it is, not rewritten
_SIMPLE_CLASS = re.compile(r"[\w '&.-]+")
_CLASS_ESCAPES = {r"\-": "-", r"\.": ".", r"\'": "'", r"\ ": " ", r"\&": "&"}


def lower_pattern(pattern: str) -> str:
    """The pattern for lower-cased text: capital letters become small ones, except in
    escapes (so \\S, \\W, \\D, \\B keep their meaning)."""
    out = []
    escaped = False
    for char in pattern.replace("[A-Z]", "[a-z]"):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        else:
            small = char.lower()
            out.append(small if len(small) == 1 else char)
    return "".join(out)


# --- Reading just enough of a pattern to find its first character -------------------------


def _skip_escape(pattern: str, at: int) -> int:
    return at + 2


def _class_end(pattern: str, at: int) -> int:
    """Index of the "]" closing the character class that opens at `at`."""
    index = at + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    while index < len(pattern):
        if pattern[index] == "\\":
            index = _skip_escape(pattern, index)
            continue
        if pattern[index] == "]":
            return index
        index += 1
    raise ValueError("unclosed character class")


def _group_end(pattern: str, at: int) -> int:
    """Index of the ")" closing the group that opens at `at`."""
    depth = 0
    index = at
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index = _skip_escape(pattern, index)
            continue
        if char == "[":
            index = _class_end(pattern, index) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError("unclosed group")


def _split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: "a|b(?:c|d)" gives "a" and "b(?:c|d)"."""
    parts = []
    start = 0
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index = _skip_escape(pattern, index)
            continue
        if char == "[":
            index = _class_end(pattern, index) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def _quantifier(pattern: str, at: int) -> str:
    """The quantifier written at `at` ("", "?", "??", "*", "+", "{2,3}", ...)."""
    if at >= len(pattern):
        return ""
    char = pattern[at]
    if char in "?*+":
        lazy = at + 1 < len(pattern) and pattern[at + 1] in "?+"
        return pattern[at : at + 2] if lazy else char
    if char == "{":
        close = pattern.find("}", at)
        if close != -1 and re.fullmatch(r"\{\d*,?\d*\}", pattern[at : close + 1]):
            return pattern[at : close + 1]
    return ""


def _class_characters(body: str) -> list[str] | None:
    """The characters of a simple class like "sz" or "a-c", or None for anything else."""
    for escape, plain in _CLASS_ESCAPES.items():
        body = body.replace(escape, plain)
    if body.startswith("^") or "\\" in body or not _SIMPLE_CLASS.fullmatch(body):
        return None
    chars: list[str] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            low, high = body[index], body[index + 2]
            if ord(high) - ord(low) > 40:
                return None
            chars.extend(chr(code) for code in range(ord(low), ord(high) + 1))
            index += 3
        else:
            chars.append(body[index])
            index += 1
    return list(dict.fromkeys(chars))


Split = tuple[str | None, str]  # (first character, the rest of the pattern), or (None, pattern)


def split_first(pattern: str, depth: int = 0) -> list[Split]:
    """Rewrite a pattern as alternatives that each begin with one plain character.

    Returns (character, rest) pairs whose union matches what the pattern matches; a pair
    (None, pattern) when the beginning cannot be rewritten."""
    if depth > 6 or not pattern:
        return [(None, pattern)]
    if pattern.startswith("(?:"):
        return _split_group(pattern, depth)
    if pattern[0] == "[":
        return _split_class(pattern, depth)
    return _split_literal(pattern, depth)


def _split_group(pattern: str, depth: int) -> list[Split]:
    """(?:a|b)rest -> arest, brest; (?:a|b)?rest also gives rest."""
    end = _group_end(pattern, 0)
    quantifier = _quantifier(pattern, end + 1)
    rest = pattern[end + 1 + len(quantifier) :]
    if quantifier not in ("", "?", "??"):
        return [(None, pattern)]
    alternatives = [part + rest for part in _split_alternatives(pattern[3:end])]
    if quantifier:
        alternatives.append(rest)
    out: list[Split] = []
    for alternative in alternatives:
        out += split_first(alternative, depth + 1)
        if len(out) > _MAX_ALTERNATIVES:
            return [(None, pattern)]
    return out


def _split_class(pattern: str, depth: int) -> list[Split]:
    """[sz]rest -> s rest, z rest; [sz]?rest also gives rest."""
    end = _class_end(pattern, 0)
    chars = _class_characters(pattern[1:end])
    quantifier = _quantifier(pattern, end + 1)
    rest = pattern[end + 1 + len(quantifier) :]
    if chars is None or quantifier not in ("", "?"):
        return [(None, pattern)]
    out: list[Split] = [(c, rest) for c in chars]
    return out + (split_first(rest, depth + 1) if quantifier else [])


def _split_literal(pattern: str, depth: int) -> list[Split]:
    """a rest -> a, rest; a?rest also gives rest; a+rest -> a, a*rest."""
    char = pattern[0]
    if char == "\\":
        if len(pattern) < 2 or pattern[1].isalnum():
            return [(None, pattern)]  # \s, \w, \b, \d, a back-reference ...
        literal, width = pattern[1], 2
    elif char in "().|^$*+?{}":
        return [(None, pattern)]
    else:
        literal, width = char, 1
    quantifier = _quantifier(pattern, width)
    rest = pattern[width + len(quantifier) :]
    if quantifier == "":
        return [(literal, rest)]
    if quantifier in ("?", "??"):
        return [(literal, rest), *split_first(rest, depth + 1)]
    if quantifier == "+":
        return [(literal, f"{re.escape(literal)}*{rest}")]
    return [(None, pattern)]


# --- The combined pattern ------------------------------------------------------------------


Match = tuple[int, int, int]  # (start, end, entry index)


def _starts(patterns: Sequence[str]) -> set[str] | None:
    """The first two characters (or just the first, where the second is not plain) that
    text matching any of these patterns can begin with; None when it could be anything."""
    starts: set[str] = set()
    for pattern in patterns:
        for first, rest in split_first(f"(?:{pattern})"):
            if first is None:
                return None
            seconds = split_first(rest) if rest else [(None, rest)]
            if any(second is None for second, _ in seconds):
                starts.add(first)
            else:
                starts.update(first + str(second) for second, _ in seconds)
    return starts


class Combined:
    """One compiled pattern for many entries, and each entry's own pattern for second tries.

    `search` finds the next match of any entry. When the caller's context rules excuse that
    match, `others_at` asks the other entries that could begin with the same character
    whether they match at the same place."""

    def __init__(self, patterns: Sequence[tuple[int, str]]):
        owners: dict[int, int] = {}
        items = [(owner, order, f"(?:{p})") for order, (owner, p) in enumerate(patterns)]
        body = _branches(items, 0, owners)
        self.pattern = re.compile(f"{EDGE_BEFORE}(?:{body}){EDGE_AFTER}")
        self.owners = owners
        self._by_entry: dict[int, list[str]] = {}
        for owner, pattern in patterns:
            self._by_entry.setdefault(owner, []).append(pattern)
        # Which entries could match at a place, by the first two characters there.
        self._by_start: dict[str, list[int]] = {}
        self._any_start: list[int] = []
        for owner, entry_patterns in self._by_entry.items():
            starts = _starts(entry_patterns)
            if starts is None:
                self._any_start.append(owner)
            for start in starts or ():
                self._by_start.setdefault(start, []).append(owner)
        self._single: dict[int, re.Pattern[str]] = {}

    def search(self, text: str, pos: int = 0) -> Match | None:
        match = self.pattern.search(text, pos)
        if match is None:
            return None
        assert match.lastindex is not None
        return match.start(), match.end(), self.owners[match.lastindex]

    def find(self, text: str) -> Iterator[Match]:
        """Every match, left to right, not overlapping (no second tries)."""
        for match in self.pattern.finditer(text):
            assert match.lastindex is not None
            yield match.start(), match.end(), self.owners[match.lastindex]

    def others_at(self, text: str, start: int, but: int) -> list[Match]:
        """Matches of other entries beginning exactly at `start`, longest first."""
        candidates = {
            *self._by_start.get(text[start : start + 2], ()),
            *self._by_start.get(text[start], ()),
            *self._any_start,
        }
        found = []
        for owner in sorted(candidates - {but}):
            match = self._entry_pattern(owner).match(text, start)
            if match is not None:
                found.append((match.start(), match.end(), owner))
        return sorted(found, key=lambda m: m[0] - m[1])

    def _entry_pattern(self, owner: int) -> re.Pattern[str]:
        compiled = self._single.get(owner)
        if compiled is None:
            body = "|".join(f"(?:{p})" for p in self._by_entry[owner])
            compiled = re.compile(f"{EDGE_BEFORE}(?:{body}){EDGE_AFTER}")
            self._single[owner] = compiled
        return compiled


Item = tuple[int, int, str]  # (entry index, order of the pattern, pattern still to match)


def _weight(pattern: str) -> int:
    """Roughly how much text a pattern asks for: its length without lookarounds."""
    index = pattern.find("(?")
    while index != -1:
        if pattern[index + 2 : index + 3] in ("=", "!") or pattern[index + 2 : index + 4] in (
            "<=",
            "<!",
        ):
            end = _group_end(pattern, index)
            pattern = pattern[:index] + pattern[end + 1 :]
            index = pattern.find("(?", index)
        else:
            index = pattern.find("(?", index + 2)
    return len(pattern)


_TRIE_DEPTH = 4  # characters taken out of the patterns into nested branches
_TRIE_MIN = 3  # fewer patterns than this are simply tried one after another


def _branches(items: list[Item], depth: int, owners: dict[int, int]) -> str:
    """Alternatives for these patterns, nested by their first characters like a trie.

    Each pattern ends with an empty group, whose number is recorded in `owners`. Branches
    that can match longer text come first, so that of two matches at one place the longer
    usually wins ("aggressive behaviour" rather than "aggressive")."""
    nested: dict[str, list[Item]] = {}
    plain: list[Item] = []
    for owner, order, rest in items:
        splits = split_first(rest) if depth < _TRIE_DEPTH and len(items) >= _TRIE_MIN else []
        if not rest or not splits or any(first is None for first, _ in splits):
            plain.append((owner, order, rest))
            continue
        for first, remainder in splits:
            assert first is not None
            nested.setdefault(first, []).append((owner, order, remainder))
    # (longest text first, earliest pattern first, then the branch itself)
    ranked: list[tuple[int, int, str, Item | None]] = []
    for first, members in nested.items():
        longest = max(_weight(rest) for _, _, rest in members) + 1
        earliest = min(order for _, order, _ in members)
        ranked.append((-longest, earliest, first, None))
    for item in plain:
        ranked.append((-_weight(item[2]), item[1], "", item))
    parts = []
    for _, _, first, leaf in sorted(ranked, key=lambda rank: rank[:2]):
        if leaf is None:
            parts.append(f"{re.escape(first)}(?:{_branches(nested[first], depth + 1, owners)})")
        else:
            owners[len(owners) + 1] = leaf[0]
            parts.append(f"{leaf[2]}()")
    return "|".join(parts)


def combine(patterns: Sequence[tuple[int, str]]) -> Combined | None:
    """One pattern for many: each (entry index, pattern) pair keeps its entry's index."""
    return Combined(patterns) if patterns else None
