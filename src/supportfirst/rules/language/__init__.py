"""The respectful-language and plain-English checker. Plain Python: no Django import.

    from supportfirst.rules.language import check
    for finding in check("Mum failed to attend."):
        print(finding.start, finding.end, finding.category, finding.suggestions)

The vocabulary is data (vocabulary.yaml), compiled once into one pattern. A council's own
entries are added with `Checker(entries=shipped() + council_entries)` or
`Checker(extra=council_entries)`. `readability(text)` gives the Flesch reading ease.
"""

from supportfirst.rules.language.checker import Checker, check, default_checker
from supportfirst.rules.language.plain_english import readability
from supportfirst.rules.language.text import Finding
from supportfirst.rules.language.vocabulary import (
    CATEGORIES,
    PLAIN_ENGLISH,
    RESPECTFUL_LANGUAGE,
    Entry,
    VocabularyError,
    entries_from,
    shipped,
)

__all__ = [
    "CATEGORIES",
    "PLAIN_ENGLISH",
    "RESPECTFUL_LANGUAGE",
    "Checker",
    "Entry",
    "Finding",
    "VocabularyError",
    "check",
    "default_checker",
    "entries_from",
    "readability",
    "shipped",
]
