"""The moves of an online request: staff accept it once (waiting -> accepted), and the person
who asked is invited to a family account. Its steps are kept in the access log; its moves are
made by an `audit.Actor`.

A draft being filled in and a family invitation have no status to move (a draft is sent once,
an invitation is used once or expires): their services lock the row and check it themselves."""

from __future__ import annotations

from supportfirst.asking.models import OnlineStatus
from supportfirst.audit.events import write_access_event
from supportfirst.kernel.workflow import Move, Workflow

ONLINE_REQUEST = Workflow(
    record_type="online request",
    event_writer=write_access_event,
    moves=(
        Move(
            "accept",
            "Accept the online request",
            frozenset({OnlineStatus.WAITING}),
            OnlineStatus.ACCEPTED,
            when_illegal="This online request has already been accepted.",
        ),
    ),
)
