"""Near-copies across councils: a similarity figure for every pair of protocols, and the
passages two near-copies share, side by side.

Each document becomes a MinHash of its five-word shingles (datasketch); the figure for a pair is
the estimated Jaccard similarity of their shingle sets (0 = nothing shared, 1 = the same words
in the same runs). Only the fingerprints are kept, so memory grows with the number of documents
by a fixed 128 numbers each; the shared passages of a flagged pair are found from the two
documents' paragraphs when asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from supportfirst.rules.protocol.documents import Document, Paragraph

SHINGLE_WORDS = 5
PERMUTATIONS = 128
NEAR_COPY = 0.6
"""Pairs at or above this figure are flagged as near-copies: two protocols written
independently share well under a tenth of their five-word runs."""

if TYPE_CHECKING:
    from datasketch import MinHash

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    found = words(text)
    if len(found) < size:
        return {" ".join(found)} if found else set()
    return {" ".join(found[i : i + size]) for i in range(len(found) - size + 1)}


def fingerprint(document: Document) -> MinHash:
    # datasketch brings scipy (two seconds and 70 MB): imported when a protocol is audited,
    # not by every `supportfirst` sub-command that imports this module to register itself.
    from datasketch import MinHash

    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch([s.encode() for s in shingles(document.text)])
    return minhash


@dataclass(frozen=True)
class PairSimilarity:
    first: str
    second: str
    similarity: float
    near_copy: bool

    def as_json(self) -> dict[str, object]:
        return {
            "first": self.first,
            "second": self.second,
            "similarity": round(self.similarity, 3),
            "near_copy": self.near_copy,
        }


def compare(
    fingerprints: Mapping[str, MinHash], *, threshold: float = NEAR_COPY
) -> list[PairSimilarity]:
    """Every pair, most alike first."""
    pairs = [
        PairSimilarity(a, b, value, value >= threshold)
        for (a, ma), (b, mb) in combinations(fingerprints.items(), 2)
        for value in (float(ma.jaccard(mb)),)
    ]
    pairs.sort(key=lambda pair: (-pair.similarity, pair.first, pair.second))
    return pairs


@dataclass(frozen=True)
class SharedPassage:
    first: Paragraph
    second: Paragraph
    shared: float  # the share of the shorter paragraph's runs of words found in the other

    def as_json(self) -> dict[str, object]:
        return {
            "first": {"place": self.first.place, "text": self.first.text},
            "second": {"place": self.second.place, "text": self.second.text},
            "shared": round(self.shared, 3),
        }


def shared_passages(
    first: Document, second: Document, *, at_least: float = 0.5, limit: int = 20
) -> list[SharedPassage]:
    """Paragraphs of the two documents that share at least half of their five-word runs,
    paired up, each paragraph used once, in the first document's order."""
    index: dict[str, list[int]] = {}
    second_shingles: list[set[str]] = []
    for position, paragraph in enumerate(second.paragraphs):
        found = shingles(paragraph.text)
        second_shingles.append(found)
        for shingle in found:
            index.setdefault(shingle, []).append(position)
    used: set[int] = set()
    passages: list[SharedPassage] = []
    for paragraph in first.paragraphs:
        found = shingles(paragraph.text)
        if len(found) < 3:
            continue
        hits: dict[int, int] = {}
        for shingle in found:
            for position in index.get(shingle, ()):
                hits[position] = hits.get(position, 0) + 1
        best: tuple[float, int] | None = None
        for position, count in hits.items():
            if position in used:
                continue
            smaller = min(len(found), len(second_shingles[position]))
            share = count / smaller if smaller else 0.0
            if share >= at_least and (best is None or share > best[0]):
                best = (share, position)
        if best is not None:
            used.add(best[1])
            passages.append(SharedPassage(paragraph, second.paragraphs[best[1]], best[0]))
            if len(passages) >= limit:
                break
    return passages


def near_copies(pairs: Iterable[PairSimilarity]) -> list[PairSimilarity]:
    return [pair for pair in pairs if pair.near_copy]
