"""The moves of a letter: a draft can be changed, and sent once (draft -> sent). A sent letter
is frozen. A letter's steps are recorded in the access log (who changed which letter, when),
so its event writer writes there; a letter's moves are made by an `audit.Actor`."""

from __future__ import annotations

from supportfirst.audit.events import write_access_event
from supportfirst.kernel.workflow import KEEPS_STATUS, Move, Workflow
from supportfirst.letters.models import LetterStatus

SENT_LETTER_CANNOT_CHANGE = "This letter has been sent, so it cannot change. Prepare a new letter."


LETTER = Workflow(
    record_type="letter",
    event_writer=write_access_event,
    moves=(
        Move(
            "edit",
            "Change the personal paragraph",
            frozenset({LetterStatus.DRAFT}),
            KEEPS_STATUS,
            when_illegal=SENT_LETTER_CANNOT_CHANGE,
        ),
        Move(
            "send",
            "Send the letter",
            frozenset({LetterStatus.DRAFT}),
            LetterStatus.SENT,
            when_illegal=SENT_LETTER_CANNOT_CHANGE,
        ),
    ),
)
