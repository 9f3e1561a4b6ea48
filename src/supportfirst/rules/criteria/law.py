"""The catalogue of laws a service may be provided under, with what each allows.

A criteria file names a service's legal basis by act and section (or regulation); the loader
finds it here. Each entry says whether it gives a duty (the council must provide it once the
need is established, or must provide a range of it) or a power (the council may provide it; a
general duty to the children in its area, not to one child), who it is for, and which other
entry it must be cited with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from supportfirst.rules.criteria.areas import CHILD, PARENT_CARER, PERSONS, YOUNG_CARER

CSDPA = "Chronically Sick and Disabled Persons Act 1970"
CHILDREN_ACT = "Children Act 1989"
SHORT_BREAKS_REGS = "Breaks for Carers of Disabled Children Regulations 2011"
DIRECT_PAYMENTS_REGS = (
    "Community Care, Services for Carers and Children's Services (Direct Payments) "
    "(England) Regulations 2009"
)

DUTY = "duty"
POWER = "power"


@dataclass(frozen=True)
class Law:
    key: str
    act: str
    section: str
    gives: str  # DUTY or POWER
    for_whom: tuple[str, ...]
    note: str
    requires: str = ""  # key of another entry that must be cited with this one


_CSDPA_CATEGORIES = {
    "a": "practical help in the home",
    "b": "a radio, television, library or similar things to use at home",
    "c": "activities outside the home, or help to take part in education",
    "d": "travel to and from those activities and services",
    "e": "adaptations to the home and extra equipment for safety, comfort or convenience",
    "f": "holidays",
    "g": "meals at home or elsewhere",
    "h": "a telephone and any special equipment needed to use it",
}

CATALOGUE: tuple[Law, ...] = (
    *(
        Law(
            key=f"csdpa-2-1-{letter}",
            act=CSDPA,
            section=f"2(1)({letter})",
            gives=DUTY,
            for_whom=(CHILD,),
            note=f"The council must arrange {category} once it is satisfied that this is "
            "necessary to meet a disabled child's needs.",
        )
        for letter, category in _CSDPA_CATEGORIES.items()
    ),
    Law(
        key="ca1989-17",
        act=CHILDREN_ACT,
        section="17",
        gives=POWER,
        for_whom=PERSONS,
        note="A general duty to support children in need and their families: the council may "
        "provide services to a child or to anyone in the family.",
    ),
    Law(
        key="ca1989-sch2-6",
        act=CHILDREN_ACT,
        section="Schedule 2, paragraph 6",
        gives=DUTY,
        for_whom=(CHILD, PARENT_CARER),
        note="The council must provide services that help disabled children lead lives that "
        "are as ordinary as possible and give the people who care for them breaks.",
    ),
    Law(
        key="short-breaks-regs",
        act=SHORT_BREAKS_REGS,
        section="regulation 3",
        gives=DUTY,
        for_whom=(CHILD, PARENT_CARER),
        note="The council must provide a range of short breaks: day-time and overnight care, "
        "activities, and breaks in the evenings, at weekends and in the school holidays.",
        requires="ca1989-sch2-6",
    ),
    Law(
        key="ca1989-17zd",
        act=CHILDREN_ACT,
        section="17ZD",
        gives=POWER,
        for_whom=(PARENT_CARER,),
        note="A parent carer's needs assessment, looking at the parent's own wellbeing.",
    ),
    Law(
        key="ca1989-17ze",
        act=CHILDREN_ACT,
        section="17ZE",
        gives=POWER,
        for_whom=(PARENT_CARER,),
        note="The council decides whether the parent carer has support needs and whether it "
        "will provide services to meet them.",
    ),
    Law(
        key="ca1989-17za",
        act=CHILDREN_ACT,
        section="17ZA",
        gives=POWER,
        for_whom=(YOUNG_CARER,),
        note="A young carer's needs assessment, and support for a child who helps care for "
        "someone in the family.",
    ),
    Law(
        key="ca1989-17a",
        act=CHILDREN_ACT,
        section="17A",
        gives=DUTY,
        for_whom=(CHILD, PARENT_CARER),
        note="The council must offer money (a direct payment) instead of arranging a service "
        "itself, when the conditions in the regulations are met.",
        requires="direct-payments-regs",
    ),
    Law(
        key="direct-payments-regs",
        act=DIRECT_PAYMENTS_REGS,
        section="",
        gives=DUTY,
        for_whom=(CHILD, PARENT_CARER),
        note="When a parent can manage a direct payment, with help if needed, the council must "
        "make it.",
        requires="ca1989-17a",
    ),
)

_BY_KEY = {law.key: law for law in CATALOGUE}


def _normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace("the ", "")
    text = re.sub(r"\b(section|sec|s)\.?\s*(?=\d)", "", text)
    return re.sub(r"[\s,.]+", "", text)


_BY_NAME = {(_normal(law.act), _normal(law.section)): law for law in CATALOGUE}


def find(act: str, section: str) -> Law | None:
    """The catalogue entry for an act and section as a file writes them, or None."""
    return _BY_NAME.get((_normal(act), _normal(section)))


def by_key(key: str) -> Law:
    return _BY_KEY[key]


def known_list() -> str:
    """Every act and section the catalogue knows, for a problem message."""
    others = [citation(law.act, law.section) for law in CATALOGUE if law.act != CSDPA]
    return "; ".join([f"{CSDPA}, section 2(1)(a) to (h)", *others])


def citation(act: str, section: str) -> str:
    """ "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"."""
    if not section:
        return act
    if section[:1].isdigit():
        return f"{act}, section {section}"
    return f"{act}, {section}"
