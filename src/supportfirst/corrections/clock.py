"""When a request to correct a record must be answered, in plain Python (no Django import).

The issue leaves the time open, so the service uses the time the law gives for the right to
rectification (UK GDPR Article 16, with Article 12(3)): without undue delay and at the latest
within one month of receiving the request. The Information Commissioner's guidance says how to
count that month, and this module follows it:

- count from the day the request is received;
- the answer is due on the same date in the next month (received 3 March, due 3 April);
- when the next month has no such date, it is due on that month's last day (received
  31 January, due 28 or 29 February);
- when that day is not a working day (a weekend, a bank holiday in England and Wales, Christmas
  Day, Boxing Day or Good Friday), it is due on the next working day.
"""

from __future__ import annotations

from datetime import date, timedelta

from supportfirst.rules.workdays import add_months, is_working_day

EXPLANATION = (
    "We must answer within one calendar month of getting your request: by the same date next "
    "month, or the month's last day when it has no such date, moved to the next working day "
    "when that day is a weekend or bank holiday. This is the time the UK GDPR gives for "
    "correcting personal information (Article 16)."
)


def one_calendar_month_after(day: date) -> date:
    """The same date in the next month, or that month's last day when it has no such date."""
    return add_months(day, 1)


def rectification_due(received: date) -> date:
    """The day an answer to a request received on `received` is due (see the module's rules)."""
    due = one_calendar_month_after(received)
    while not is_working_day(due):
        due += timedelta(days=1)
    return due
