"""Growing up: the transition to adult services from 14, and the education, health and care (EHC)
plan's social care parts. Plain Python: no Django.

Sources (shared/brief/LAW.md, the project's corrected catalogue):

- Care Act 2014 sections 58 to 59 (a child's needs assessment; sections 60 to 64 for a child's
  carer and a young carer): a transition assessment before 18, where the young person is likely
  to need care and support after 18, it would be of significant benefit, and with consent (or,
  where they cannot decide, in their best interests: s58(3)). A refusal does not stop the
  assessment where the young person is experiencing, or is at risk of, abuse or neglect
  (s58(4)); a refused request gets written reasons (s58(5)). Checked on legislation.gov.uk. A
  duty to assess when the conditions are met. The Act sets no age (its explanatory notes: "no
  restriction on the age of child assessed"); the prompt starts at 14 because the issue asks
  for it, and a younger child's request is still assessable under the Act.
- Special Educational Needs and Disability Regulations 2014, regulation 8 (check): in an
  education, health and care needs assessment the council seeks social care advice, and the
  advice must be given within 6 weeks of the request. LAW.md marks the exceptions "(check)" and
  lists none, so none is built in: the clock always runs 6 calendar weeks from the request.
- In the EHC plan, section H1 is social care provision under the Chronically Sick and Disabled
  Persons Act 1970, section 2; section H2 is any other social care provision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

TRANSITION_AGE = 14
ADULT_AGE = 18
ADVICE_WEEKS = 6

# Care Act 2014 s58(1) and (3), checked against the text on legislation.gov.uk: the council
# must assess where the young person is likely to need care and support after 18, the
# assessment would be of significant benefit, and the consent condition is met (their consent,
# or, where they cannot decide, the council satisfied it is in their best interests).
LAW_SENTENCE = (
    "Before a young person turns 18, if they are likely to need care and support as an adult, "
    "the council must assess what that support is likely to be, when the assessment would be "
    "of significant benefit to them and they agree to it. If they cannot make that decision "
    "themselves, the council must be satisfied the assessment is in their best interests "
    "(Care Act 2014, section 58)."
)
ADVICE_LAW = (
    "Special Educational Needs and Disability Regulations 2014, regulation 8: social care "
    "advice is due within 6 weeks of the request"
)


def born_on_or_before(today: date, years: int) -> date:
    """The latest date of birth of someone who is `years` old or older today (counted as
    `age_on` counts: someone born on 29 February has the birthday on 1 March in other years)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February today, in a year `years` back that has none
        return date(today.year - years, 2, 28)


def age_on(born: date, day: date) -> int:
    had_birthday = (day.month, day.day) >= (born.month, born.day)
    return day.year - born.year - (0 if had_birthday else 1)


def transition_prompt_due(born: date, today: date, *, has_record: bool) -> bool:
    """Whether the worker should be prompted to start planning for adult life: the young
    person is 14 or older, under 18, and no transition record exists yet."""
    return not has_record and TRANSITION_AGE <= age_on(born, today) < ADULT_AGE


def advice_due(requested_on: date) -> date:
    """When the social care advice for an EHC needs assessment is due: 6 calendar weeks after
    the day it was asked for (so a request on a Monday is due on the Monday 6 weeks later)."""
    return requested_on + timedelta(weeks=ADVICE_WEEKS)


# Who answered the question about consent to a transition assessment.
YOUNG_PERSON = "young_person"
CANNOT_DECIDE = "cannot_decide"


def consent_problems(*, asked: str, capacity_reason: str, answer: str) -> list[str]:
    """The consent rule. The young person is asked, not their parent: their own answer is the
    one that counts when they can make the decision. Only where the young person cannot make
    this decision for themselves may the council record a view on their behalf, and then it
    must write why they cannot decide. A refusal is kept, and no assessment is started."""
    problems = []
    if asked not in (YOUNG_PERSON, CANNOT_DECIDE):
        problems.append("Say whether the young person was asked themselves")
    if asked == CANNOT_DECIDE and not capacity_reason.strip():
        problems.append(
            "Write why the young person cannot make this decision for themselves. If they can, "
            "ask them: their answer is the one that counts, not their parent's"
        )
    if answer not in ("given", "refused"):
        problems.append("Say whether the young person agreed to the transition assessment")
    return problems


# EHC plan sections H1 and H2.
# The Act by its name or its usual short form, and its section 2 (never 20 or 21), in one
# citation: catalogue services cite "Chronically Sick and Disabled Persons Act 1970, section
# 2(1)(c)"; a worker may type "CSDPA 1970 s2" or "section 2 of the ... Act" for another service.
_CSDPA = re.compile(r"Chronically Sick and Disabled Persons Act|\bCSDPA\b", re.IGNORECASE)
_SECTION_2 = re.compile(r"\b(section|s)\.?\s*2(?![0-9])", re.IGNORECASE)


def _cites_csdpa_2(legal_basis: str) -> bool:
    return any(
        _CSDPA.search(citation) and _SECTION_2.search(citation)
        for citation in legal_basis.split(";")
    )


H1_TITLE = (
    "Section H1: social care provision under section 2 of the Chronically Sick and Disabled "
    "Persons Act 1970"
)
H2_TITLE = "Section H2: any other social care provision"


@dataclass(frozen=True)
class Provision:
    """One service in the child's support plan, as the EHC plan needs it."""

    name: str
    amount: str
    frequency: str
    provider: str
    start_on: date
    legal_basis: str
    for_child: bool = True
    under_18: bool = True
    """Section H1 is for a child or young person under 18 (Children and Families Act 2014,
    explanatory notes, paragraph 218; the Special Educational Needs and Disability Regulations
    2014, regulation 12(1)(h)): at 18 or over, section 2 no longer applies and every service is
    in H2."""


def is_h1(provision: Provision) -> bool:
    """Section H1 holds the services the council arranges for the child under the Chronically
    Sick and Disabled Persons Act 1970, section 2. A service for a parent carer or a brother
    or sister is never under section 2 (it is for the disabled child), so it goes in H2."""
    return provision.for_child and provision.under_18 and _cites_csdpa_2(provision.legal_basis)


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _line(provision: Provision) -> str:
    return (
        f"- {provision.name}: {provision.amount}, {provision.frequency}, provided by "
        f"{provision.provider}, from {_long(provision.start_on)}. Given under: "
        f"{provision.legal_basis}."
    )


@dataclass(frozen=True)
class Sections:
    h1: list[Provision]
    h2: list[Provision]


def split(provisions: Iterable[Provision]) -> Sections:
    h1: list[Provision] = []
    h2: list[Provision] = []
    for provision in provisions:
        (h1 if is_h1(provision) else h2).append(provision)
    return Sections(h1=h1, h2=h2)


def section_h1(name: str, provisions: Iterable[Provision]) -> str:
    provisions = list(provisions)
    found = split(provisions).h1
    if not found and any(not p.under_18 for p in provisions):
        return "\n".join(
            [
                H1_TITLE,
                "",
                f"None: {name} is 18 or over, and section 2 of the Chronically Sick and "
                "Disabled Persons Act 1970 is for children under 18, so every service is in "
                "section H2.",
            ]
        )
    lines = [_line(p) for p in found] or [
        f"None: no service in {name}'s support plan is given under section 2 of the "
        "Chronically Sick and Disabled Persons Act 1970."
    ]
    return "\n".join([H1_TITLE, "", *lines])


def section_h2(name: str, provisions: Iterable[Provision]) -> str:
    found = split(provisions).h2
    lines = [_line(p) for p in found] or [
        f"None: every social care service in {name}'s support plan is in section H1."
    ]
    return "\n".join([H2_TITLE, "", *lines])


def export_text(*, name: str, plan_starts_on: date, provisions: list[Provision]) -> str:
    """Sections H1 and H2 as an EHC plan coordinator pastes them in: plain text, one service a
    line, with the law each is given under."""
    heading = (
        f"Social care provision for {name}'s education, health and care plan, from "
        f"{name}'s support plan starting {_long(plan_starts_on)}."
    )
    return "\n\n".join([heading, section_h1(name, provisions), section_h2(name, provisions)]) + "\n"
