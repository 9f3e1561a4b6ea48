"""The catalogue of the law the product cites, with the kind of obligation each provision gives.

The source is the project's corrected law brief (shared/brief/LAW.md), built from
legislation.gov.uk (Children and Families Act 2014 s96-97), the Council for Disabled Children
factsheet 9 on duties to parent carers, councils' published short breaks statements (which
summarise the Breaks for Carers of Disabled Children Regulations 2011), childlawadvice.org.uk,
the NRPF network guidance, and Luke Clements' writing on parent carers' assessments. It is
written for building, not as legal advice.

Each provision has a kind (an individual duty, a general or "target" duty, a duty to assess, a
duty to decide, another duty, a power, a definition or statutory guidance), and each kind has one
family-facing sentence that is true. Only some provisions are laws services are provided under
(`for_whom` is not empty): a duty to assess (s17ZA, s17ZD) is never the basis of a service, and a
direct payment (s17A) is a way of receiving a service, not a service.

A criteria file names a service's legal basis by act and section (or regulation); the loader
finds it here. A service's `duty_or_power` is the strongest kind among the laws it cites:
"duty" (an individual duty), "general" (a general duty to provide a range) or "power".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from supportfirst.rules.criteria.areas import CHILD, PARENT_CARER, YOUNG_CARER
from supportfirst.rules.criteria.lawkinds import (
    DEFINITION,
    DUTY_TO_ASSESS,
    DUTY_TO_DECIDE,
    GENERAL_DUTY,
    GUIDANCE,
    INDIVIDUAL_DUTY,
    OTHER_DUTY,
    POWER_KIND,
    SERVICE_KINDS,
    STRENGTH,
)

CSDPA = "Chronically Sick and Disabled Persons Act 1970"
CHILDREN_ACT = "Children Act 1989"
SHORT_BREAKS_REGS = "Breaks for Carers of Disabled Children Regulations 2011"
DIRECT_PAYMENTS_REGS = (
    "Community Care, Services for Carers and Children's Services (Direct Payments) "
    "(England) Regulations 2009"
)
DPSCRA = "Disabled Persons (Services, Consultation and Representation) Act 1986"
CARE_ACT = "Care Act 2014"
ELIGIBILITY_REGS = "Care and Support (Eligibility Criteria) Regulations 2015"
CFA = "Children and Families Act 2014"
SEND_REGS = "Special Educational Needs and Disability Regulations 2014"
REPRESENTATIONS_REGS = "Children Act 1989 Representations Procedure (England) Regulations 2006"
WORKING_TOGETHER = "Working Together to Safeguard Children 2023"
HRA = "Human Rights Act 1998"
CARE_PLANNING_REGS = "Care Planning, Placement and Case Review (England) Regulations 2010"
EQUALITY_ACT = "Equality Act 2010"


@dataclass(frozen=True)
class Law:
    key: str
    act: str
    section: str
    kind: str
    what: str  # what the provision is, in plain words
    for_whom: tuple[str, ...] = ()  # empty: not a law services are provided under
    note: str = ""  # the family-facing note when a service cites it
    requires: str = ""  # key of another entry that must be cited with this one

    @property
    def gives(self) -> str:
        """The service kind this provision gives ("duty", "general" or "power"), or ""."""
        for value, kind in SERVICE_KINDS.items():
            if kind == self.kind:
                return value
        return ""

    @property
    def is_service_basis(self) -> bool:
        return bool(self.for_whom)


# CSDPA 1970 s2(1) as it applies to disabled children in England.
_CSDPA_CATEGORIES = {
    "a": "practical help in the home",
    "b": "a radio, television, library or similar things to use at home",
    "c": "recreational or educational activities outside the home, or help to use them",
    "d": "travel to and from those activities",
    "e": "help in arranging adaptations to the home, or extra equipment for safety, comfort or "
    "convenience",
    "f": "holidays",
    "g": "meals at home or elsewhere",
    "h": "a telephone and any special equipment needed to use it",
}

_FAMILY = (CHILD, PARENT_CARER, YOUNG_CARER)
_CARERS = (PARENT_CARER, YOUNG_CARER)

CATALOGUE: tuple[Law, ...] = (
    *(
        Law(
            key=f"csdpa-2-1-{letter}",
            act=CSDPA,
            section=f"2(1)({letter})",
            kind=INDIVIDUAL_DUTY,
            what=f"arrangements for {category} for a disabled child",
            for_whom=(CHILD,),
            note=f"The council must arrange {category} once it is satisfied that this is "
            "necessary to meet a disabled child's needs.",
        )
        for letter, category in _CSDPA_CATEGORIES.items()
    ),
    Law(
        key="csdpa-2",
        act=CSDPA,
        section="2",
        kind=INDIVIDUAL_DUTY,
        what="arrangements for the services listed in section 2(1) for a disabled child (as a "
        "whole: section H1 of an EHC plan)",
        for_whom=(CHILD,),
        note="The council must arrange these services once it is satisfied that they are "
        "necessary to meet a disabled child's needs.",
    ),
    Law(
        key="ca1989-17",
        act=CHILDREN_ACT,
        section="17",
        kind=GENERAL_DUTY,
        what="the general duty to children in need and their families (section 17(1))",
        for_whom=_FAMILY,
        note="The council must safeguard and promote the welfare of children in need, and help "
        "families bring them up, by providing a range and level of services.",
    ),
    Law(
        key="ca1989-17-1",
        act=CHILDREN_ACT,
        section="17(1)",
        kind=GENERAL_DUTY,
        what="the general duty to safeguard and promote the welfare of children in need and to "
        "promote their upbringing by their families, by providing a range and level of services",
        for_whom=_FAMILY,
        note="The council must safeguard and promote the welfare of children in need, and help "
        "families bring them up, by providing a range and level of services.",
    ),
    Law(
        key="ca1989-17-3",
        act=CHILDREN_ACT,
        section="17(3)",
        kind=POWER_KIND,
        what="a service for any member of the family of a child in need, provided with a view to "
        "safeguarding or promoting the child's welfare",
        for_whom=_CARERS,
        note="Services under section 17 can be for a parent carer, or a brother or sister, when "
        "they help the disabled child's welfare.",
        requires="ca1989-17-1",
    ),
    Law(
        key="ca1989-17-4a",
        act=CHILDREN_ACT,
        section="17(4A)",
        kind=OTHER_DUTY,
        what="before deciding what services to provide, find out the child's wishes and feelings "
        "and give them due consideration",
    ),
    Law(
        key="ca1989-17-6",
        act=CHILDREN_ACT,
        section="17(6)",
        kind=POWER_KIND,
        what="services under section 17 may include accommodation and help in kind or in cash",
        for_whom=(CHILD,),
        note="Services under section 17 can include a stay away from home, such as an "
        "overnight short break.",
        requires="ca1989-17-1",
    ),
    Law(
        key="ca1989-17-10",
        act=CHILDREN_ACT,
        section="17(10)",
        kind=DEFINITION,
        what="who is a child in need",
    ),
    Law(
        key="ca1989-17-11",
        act=CHILDREN_ACT,
        section="17(11)",
        kind=DEFINITION,
        what="every disabled child is a child in need",
    ),
    Law(
        key="ca1989-17za",
        act=CHILDREN_ACT,
        section="17ZA",
        kind=DUTY_TO_ASSESS,
        what="a young carer's needs assessment, when it appears they may have needs for support "
        "or when they or a parent ask",
    ),
    Law(
        key="ca1989-17zb",
        act=CHILDREN_ACT,
        section="17ZB",
        kind=DUTY_TO_ASSESS,
        what="how a young carer is assessed: whether the caring is excessive or inappropriate, "
        "and their wishes about education, training, work and leisure",
    ),
    Law(
        key="ca1989-17zc",
        act=CHILDREN_ACT,
        section="17ZC",
        kind=DUTY_TO_DECIDE,
        what="after a young carer's assessment, decide whether they have needs for support, "
        "whether section 17 services could meet them, and whether to provide them",
    ),
    Law(
        key="ca1989-17zd",
        act=CHILDREN_ACT,
        section="17ZD",
        kind=DUTY_TO_ASSESS,
        what="a parent carer's needs assessment, when it appears they may have needs for support "
        "or when they ask, including whether it is appropriate for them to go on caring",
    ),
    Law(
        key="ca1989-17ze",
        act=CHILDREN_ACT,
        section="17ZE",
        kind=DUTY_TO_ASSESS,
        what="parent carers' assessments: combining them with other assessments",
    ),
    Law(
        key="ca1989-17zf",
        act=CHILDREN_ACT,
        section="17ZF",
        kind=DUTY_TO_DECIDE,
        what="after a parent carer's assessment, decide whether the parent carer has needs for "
        "support, whether the disabled child has, whether section 17 services could meet them, "
        "and whether to provide any",
    ),
    Law(
        key="ca1989-17a",
        act=CHILDREN_ACT,
        section="17A",
        kind=INDIVIDUAL_DUTY,
        what="a direct payment instead of a service the council arranges, with consent, when "
        "the need can be met this way and the child's welfare is safeguarded and promoted",
    ),
    Law(
        key="direct-payments-regs",
        act=DIRECT_PAYMENTS_REGS,
        section="",
        kind=INDIVIDUAL_DUTY,
        what="the conditions for direct payments",
    ),
    Law(
        key="ca1989-20-4",
        act=CHILDREN_ACT,
        section="20(4)",
        kind=POWER_KIND,
        what="accommodating a child to safeguard or promote their welfare; the child is then "
        "looked after, with the short-break modifications",
        for_whom=(CHILD,),
        note="The council may arrange for your child to stay away from home for a short break. "
        "While they are away, your child is looked after by the council, and the council must "
        "follow the rules for short breaks.",
    ),
    Law(
        key="care-planning-regs-48",
        act=CARE_PLANNING_REGS,
        section="regulation 48",
        kind=OTHER_DUTY,
        what="the short-break modifications: simpler care planning, reviews and visits for a "
        "child accommodated under section 20(4) for short breaks",
    ),
    Law(
        key="ca1989-26a",
        act=CHILDREN_ACT,
        section="26A",
        kind=OTHER_DUTY,
        what="advocacy for a child or young person who makes or means to make a complaint",
    ),
    Law(
        key="ca1989-29",
        act=CHILDREN_ACT,
        section="29",
        kind=POWER_KIND,
        what="charging for section 17 services, but not a family on certain benefits",
    ),
    Law(
        key="ca1989-47",
        act=CHILDREN_ACT,
        section="47",
        kind=OTHER_DUTY,
        what="enquiries where there is reasonable cause to suspect that a child is suffering, or "
        "is likely to suffer, significant harm",
    ),
    Law(
        key="ca1989-sch2-2",
        act=CHILDREN_ACT,
        section="Schedule 2, paragraph 2",
        kind=OTHER_DUTY,
        what="a register of disabled children in the area",
    ),
    Law(
        key="ca1989-sch2-6",
        act=CHILDREN_ACT,
        section="Schedule 2, paragraph 6",
        kind=GENERAL_DUTY,
        what="services to minimise the effect of disabilities, to give disabled children the "
        "chance of as normal a life as possible, and to give carers breaks",
        for_whom=(CHILD, PARENT_CARER),
        note="The council must provide services that help disabled children lead lives that "
        "are as ordinary as possible, and give the people who care for them breaks. This is a "
        "duty to the disabled children of the area, not a promise of a particular service.",
    ),
    Law(
        key="short-breaks-regs-3",
        act=SHORT_BREAKS_REGS,
        section="regulation 3",
        kind=GENERAL_DUTY,
        what="in providing breaks, regard to carers who could not go on caring without them, "
        "and to carers who could care better with them",
        for_whom=(CHILD, PARENT_CARER),
        note="In providing short breaks, the council must think about carers who could not go "
        "on caring without a break, and carers who could care better with one.",
        requires="ca1989-sch2-6",
    ),
    Law(
        key="short-breaks-regs-4",
        act=SHORT_BREAKS_REGS,
        section="regulation 4",
        kind=GENERAL_DUTY,
        what="a range of short breaks, so far as reasonably practicable",
        for_whom=(CHILD, PARENT_CARER),
        note="The council must provide, as far as it reasonably can, a range of short breaks: "
        "day-time and overnight care at home and elsewhere, activities outside the home, and "
        "breaks in the evenings, at weekends and in the school holidays. It is not a promise of "
        "a particular break.",
        requires="ca1989-sch2-6",
    ),
    Law(
        key="short-breaks-regs-5",
        act=SHORT_BREAKS_REGS,
        section="regulation 5",
        kind=OTHER_DUTY,
        what="a published short breaks services statement: the range, any eligibility criteria "
        "and how the range meets local carers' needs, reviewed with carers' views",
    ),
    Law(
        key="dpscra-4",
        act=DPSCRA,
        section="4",
        kind=DUTY_TO_DECIDE,
        what="when a disabled person or their carer asks, decide whether their needs call for "
        "services under section 2 of the Chronically Sick and Disabled Persons Act 1970",
    ),
    Law(
        key="care-act-1",
        act=CARE_ACT,
        section="1",
        kind=DEFINITION,
        what="well-being, as a parent carer's assessment looks at it",
    ),
    Law(
        key="eligibility-regs-2",
        act=ELIGIBILITY_REGS,
        section="regulation 2",
        kind=DEFINITION,
        what="the national eligibility criteria for adults, used as a model for rational criteria",
    ),
    Law(
        key="eligibility-regs-3",
        act=ELIGIBILITY_REGS,
        section="regulation 3",
        kind=DEFINITION,
        what="the national eligibility criteria for adult carers, used as a model for parent "
        "carers' criteria",
    ),
    *(
        Law(
            key=f"care-act-{section}",
            act=CARE_ACT,
            section=section,
            kind=DUTY_TO_ASSESS,
            what="a transition assessment before 18, where it would be of significant benefit "
            "and with consent",
        )
        for section in ("58", "59", "60", "61", "62", "63", "64")
    ),
    Law(
        key="care-act-58-5",
        act=CARE_ACT,
        section="58(5)",
        kind=OTHER_DUTY,
        what="written reasons, and advice about what could help, when the council decides not "
        "to do a transition assessment that was asked for",
    ),
    Law(
        key="send-regs-8",
        act=SEND_REGS,
        section="regulation 8",
        kind=OTHER_DUTY,
        what="social care advice for an education, health and care needs assessment",
    ),
    Law(
        key="cfa-2014",
        act=CFA,
        section="",
        kind=OTHER_DUTY,
        what="education, health and care needs assessments and plans",
    ),
    Law(
        key="representations-regs",
        act=REPRESENTATIONS_REGS,
        section="",
        kind=OTHER_DUTY,
        what="the three stages of a complaint about children's social care, and their time limits",
    ),
    Law(
        key="working-together",
        act=WORKING_TOGETHER,
        section="",
        kind=GUIDANCE,
        what="deciding next steps within one working day, and assessing within 45 working days",
    ),
    Law(
        key="hra-article-8",
        act=HRA,
        section="Article 8",
        kind=OTHER_DUTY,
        what="respect for private and family life and home",
    ),
    Law(
        key="equality-6",
        act=EQUALITY_ACT,
        section="6",
        kind=DEFINITION,
        what="who is disabled",
    ),
    Law(
        key="equality-149",
        act=EQUALITY_ACT,
        section="149",
        kind=OTHER_DUTY,
        what="the public sector equality duty",
    ),
)

_BY_KEY = {law.key: law for law in CATALOGUE}


def _normal(text: str) -> str:
    text = text.lower().replace("’", "'").replace("the ", "")
    text = re.sub(r"\b(section|sec|s)\.?\s*(?=\d)", "", text)
    return re.sub(r"[\s,.]+", "", text)


_BY_NAME = {(_normal(law.act), _normal(law.section)): law for law in CATALOGUE}
SECTIONS = frozenset(_normal(law.section) for law in CATALOGUE if law.section)


def find(act: str, section: str) -> Law | None:
    """The catalogue entry for an act and section as a file writes them, or None."""
    return _BY_NAME.get((_normal(act), _normal(section)))


def knows_section(section: str) -> bool:
    """Whether some provision in the catalogue has this section (or regulation) number."""
    return _normal(section) in SECTIONS


def by_key(key: str) -> Law:
    return _BY_KEY[key]


def service_laws() -> list[Law]:
    return [law for law in CATALOGUE if law.is_service_basis]


def known_list() -> str:
    """Every act and section services are provided under, for a problem message."""
    others = [citation(law.act, law.section) for law in service_laws() if law.act != CSDPA]
    return "; ".join([f"{CSDPA}, section 2(1)(a) to (h)", *others])


def strongest(laws: list[Law]) -> str:
    """The service kind the cited laws give together: "duty", "general" or "power"."""
    kinds = [law.kind for law in laws if law.kind in STRENGTH]
    if not kinds:
        return ""
    best = max(kinds, key=STRENGTH.__getitem__)
    return next(value for value, kind in SERVICE_KINDS.items() if kind == best)


def citation(act: str, section: str) -> str:
    """ "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"."""
    if not section:
        return act
    if section[:1].isdigit():
        return f"{act}, section {section}"
    return f"{act}, {section}"
