"""The complaint clocks, in plain Python (no Django import).

The Children Act 1989 Representations Procedure (England) Regulations 2006 set the time limits
for complaints about children's social care. Every limit is in working days (see
`supportfirst.rules.workdays`: not a weekend, Christmas Day, Boxing Day, Good Friday or a bank
holiday in England and Wales), and the day the clock starts is not counted.

- Stage 1, local resolution: the council responds within 10 working days of receiving the
  complaint. It may extend this to 20 working days, and must write down why.
- Stage 2, investigation: an investigating officer looks into the complaint with an independent
  person. The council responds within 25 working days of the family's request for stage 2, and
  may extend this up to 65 working days, writing down why.
- Stage 3, review panel: three independent people meet within 30 working days of the family's
  request for stage 3; the panel writes its report within 5 working days of the meeting; the
  council responds within 15 working days of the report.
- After stage 3 (or when the council does not respond in time) the family can go to the Local
  Government and Social Care Ombudsman.

Moving on to stage 2 or 3 is the family's choice. The regulations expect the family to ask
within 20 working days of the council's response; here that is a guide shown to the family,
never a reason to refuse them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supportfirst.rules import workdays

STAGE_1_WORKING_DAYS = 10
STAGE_1_LONGEST = 20
STAGE_2_WORKING_DAYS = 25
STAGE_2_LONGEST = 65
PANEL_MEETING_WORKING_DAYS = 30
PANEL_REPORT_WORKING_DAYS = 5
COUNCIL_RESPONSE_WORKING_DAYS = 15
ASK_NEXT_STAGE_WORKING_DAYS = 20

STAGES = (1, 2, 3)
# How long each stage's response may take once extended; stage 3 cannot be extended.
LONGEST = {1: STAGE_1_LONGEST, 2: STAGE_2_LONGEST}

OMBUDSMAN_NAME = "Local Government and Social Care Ombudsman"
OMBUDSMAN_WEBSITE = "www.lgo.org.uk"
OMBUDSMAN_PHONE = "0300 061 0614"


class ExtensionRefused(ValueError):
    """An extension the regulations do not allow; the message says why, in plain English."""


def stage_1_due(received_on: date) -> date:
    """Stage 1: the response is due 10 working days after the complaint was received."""
    return workdays.add_working_days(received_on, STAGE_1_WORKING_DAYS)


def stage_2_due(requested_on: date) -> date:
    """Stage 2: the response is due 25 working days after the family asked for stage 2."""
    return workdays.add_working_days(requested_on, STAGE_2_WORKING_DAYS)


def panel_meeting_due(requested_on: date) -> date:
    """Stage 3: the review panel meets within 30 working days of the family's request."""
    return workdays.add_working_days(requested_on, PANEL_MEETING_WORKING_DAYS)


def panel_report_due(met_on: date) -> date:
    """Stage 3: the panel's report is due 5 working days after it met."""
    return workdays.add_working_days(met_on, PANEL_REPORT_WORKING_DAYS)


def council_response_due(report_on: date) -> date:
    """Stage 3: the council responds within 15 working days of the panel's report."""
    return workdays.add_working_days(report_on, COUNCIL_RESPONSE_WORKING_DAYS)


def stage_due(stage: int, opened_on: date) -> date:
    """When the first step of a stage is due: the response (stages 1 and 2) or the panel
    meeting (stage 3)."""
    if stage == 1:
        return stage_1_due(opened_on)
    if stage == 2:
        return stage_2_due(opened_on)
    if stage == 3:
        return panel_meeting_due(opened_on)
    raise ValueError(f"There is no stage {stage}: complaints have stages 1, 2 and 3.")


def latest_extension(stage: int, opened_on: date) -> date:
    """The latest a stage's response can be put back to: 20 working days at stage 1, 65 at
    stage 2. Stage 3 has fixed limits and cannot be extended."""
    if stage not in LONGEST:
        raise ExtensionRefused("The time limits at stage 3 cannot be extended.")
    return workdays.add_working_days(opened_on, LONGEST[stage])


def check_extension(
    *, stage: int, opened_on: date, current_due: date, new_due: date, reason: str
) -> date:
    """The new due date, if the regulations allow it; ExtensionRefused otherwise."""
    latest = latest_extension(stage, opened_on)
    if not reason.strip():
        raise ExtensionRefused("Write the reason for the extension: the family will be told it.")
    if new_due <= current_due:
        raise ExtensionRefused(
            f"The new date must be after the current one, {current_due:%-d %B %Y}."
        )
    if new_due > latest:
        raise ExtensionRefused(
            f"At stage {stage} the response can be put back to at most {LONGEST[stage]} working "
            f"days after {opened_on:%-d %B %Y}: that is {latest:%-d %B %Y}."
        )
    return new_due


def ask_next_stage_by(responded_on: date) -> date:
    """The date by which the family is asked to say they want the next stage: a guide only."""
    return workdays.add_working_days(responded_on, ASK_NEXT_STAGE_WORKING_DAYS)


def asked_late(responded_on: date, asked_on: date) -> bool:
    """True when the family asked for the next stage after the guide date. The council still
    takes the request: lateness is noted, never held against them."""
    return asked_on > ask_next_stage_by(responded_on)


@dataclass(frozen=True)
class Clock:
    """Where a complaint's clock stands on a given day."""

    due: date
    today: date
    working_days_left: int
    described: str

    @property
    def overdue(self) -> bool:
        return self.today > self.due


def clock_on(due: date, today: date) -> Clock:
    return Clock(
        due=due,
        today=today,
        working_days_left=workdays.working_days_left(due, today),
        described=workdays.describe_days_left(due, today),
    )


def due_soon(due: date, today: date, within: int = 2) -> bool:
    """True when due today or within `within` working days (or already overdue)."""
    return workdays.working_days_left(due, today) <= within
