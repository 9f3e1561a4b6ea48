"""The isolation matrix's entries for letters."""

from tests.letters.factories import sent_letter_for

OBJECT_IDS = {
    "letter_id": lambda family: sent_letter_for(family).pk,
}
