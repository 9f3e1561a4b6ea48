"""What changed between two versions of a written text, paragraph by paragraph, in plain
English: each paragraph is "added", "removed" or "changed" (the old and new words side by side).
A paragraph is a block of text between blank lines. Plain Python: the local assessment protocol's
public page uses it for each section."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"

_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text, each with its spacing tidied; empty ones dropped."""
    return [" ".join(block.split()) for block in _BLANK_LINE.split(text or "") if block.strip()]


@dataclass(frozen=True)
class ParagraphChange:
    kind: str
    before: str = ""
    after: str = ""

    @property
    def words(self) -> str:
        """The change as a person reads it, on one line."""
        if self.kind == ADDED:
            return f"Added: “{self.after}”"
        if self.kind == REMOVED:
            return f"Removed: “{self.before}”"
        return f"Changed from “{self.before}” to “{self.after}”"


def paragraph_changes(before: str, after: str) -> list[ParagraphChange]:
    """Every paragraph added, removed or changed from `before` to `after`, in the order of the
    new text. A replaced run pairs its paragraphs one to one as "changed"; what is left over
    on either side is "removed" or "added"."""
    old, new = paragraphs(before), paragraphs(after)
    changes: list[ParagraphChange] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete":
            changes.extend(ParagraphChange(REMOVED, before=p) for p in old[i1:i2])
        elif tag == "insert":
            changes.extend(ParagraphChange(ADDED, after=p) for p in new[j1:j2])
        else:
            paired = min(i2 - i1, j2 - j1)
            changes.extend(
                ParagraphChange(CHANGED, before=old[i1 + k], after=new[j1 + k])
                for k in range(paired)
            )
            changes.extend(ParagraphChange(REMOVED, before=p) for p in old[i1 + paired : i2])
            changes.extend(ParagraphChange(ADDED, after=p) for p in new[j1 + paired : j2])
    return changes


def summary(changes: list[ParagraphChange]) -> str:
    """The changes counted in words: "1 paragraph added, 2 changed", or "No change"."""
    parts: list[str] = []
    for kind in (ADDED, CHANGED, REMOVED):
        count = sum(1 for change in changes if change.kind == kind)
        if count:
            noun = "" if parts else (" paragraph" if count == 1 else " paragraphs")
            parts.append(f"{count}{noun} {kind}")
    return ", ".join(parts) if parts else "No change"
