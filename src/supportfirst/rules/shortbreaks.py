"""Short breaks by legal route.

The range of short breaks is a general duty (Children Act 1989, Schedule 2, paragraph 6; Breaks
for Carers of Disabled Children Regulations 2011, regulations 3 and 4): the council must provide
a range, and no family is promised a particular break. One break in a child's plan is given
under one of these routes (shared/brief/LAW.md):

- help in the child's home, or activities and day-time care outside the home: Chronically Sick
  and Disabled Persons Act 1970, section 2(1)(a) or (c), an individual duty once the council is
  satisfied it is necessary to meet the child's needs;
- overnight stays away from home as a family support service: Children Act 1989, section 17(6),
  within the general duty of section 17(1); the child is not looked after;
- overnight stays away from home with the child accommodated: Children Act 1989, section 20(4);
  the child is looked after during each stay, with the short-break modifications of the Care
  Planning, Placement and Case Review (England) Regulations 2010, regulation 48.

A service in a plan whose law is the range of breaks for the child (regulation 4) must name its
route, and the family is told plainly what the route means. Plain Python: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from supportfirst.rules.criteria import law
from supportfirst.rules.criteria.lawkinds import service_sentence


@dataclass(frozen=True)
class Route:
    code: str
    label: str  # what staff choose
    law_keys: tuple[str, ...]
    looked_after: bool = False

    @property
    def laws(self) -> list[law.Law]:
        return [law.by_key(key) for key in self.law_keys]

    @property
    def legal_basis(self) -> str:
        return "; ".join(law.citation(entry.act, entry.section) for entry in self.laws)

    @property
    def duty_or_power(self) -> str:
        return law.strongest(self.laws)

    @property
    def overnight(self) -> bool:
        return self.code in (S17, S20)

    def family_words(self, name: str) -> str:
        """What this route means for the family, in plain words, with the law in brackets."""
        if self.code == S17:
            return (
                f"{name} stays overnight away from home as a service to help your family "
                "(Children Act 1989, section 17(6)). During these stays the council does not "
                f"look after {name} in law: you make the decisions about {name}'s care, as usual."
            )
        if self.code == S20:
            return (
                f"During each overnight stay, {name} is accommodated by the council (Children "
                f"Act 1989, section 20(4)). In law this means {name} is “looked after” by the "
                f"council while away from home. You keep parental responsibility for {name}. "
                "Because the stays are short breaks, simpler rules apply to the care plan, "
                f"reviews and visits. They apply as long as {name} comes home after each stay "
                "and the stays add up to no more than 75 days in 12 months (Care Planning, "
                "Placement and Case Review (England) Regulations 2010, regulation 48)."
            )
        return service_sentence(self.duty_or_power)


HOME = "csdpa_home"
OUTSIDE = "csdpa_outside"
S17 = "s17_overnight"
S20 = "s20_overnight"

ROUTES: dict[str, Route] = {
    route.code: route
    for route in (
        Route(
            HOME,
            "Care or help in the child's home, in the day or evening (Chronically Sick and "
            "Disabled Persons Act 1970, section 2(1)(a))",
            ("csdpa-2-1-a",),
        ),
        Route(
            OUTSIDE,
            "Activities, clubs or day-time care outside the home (Chronically Sick and Disabled "
            "Persons Act 1970, section 2(1)(c))",
            ("csdpa-2-1-c",),
        ),
        Route(
            S17,
            "Overnight stays away from home as a family support service: the child is not "
            "looked after (Children Act 1989, section 17(6))",
            ("ca1989-17-1", "ca1989-17-6"),
        ),
        Route(
            S20,
            "Overnight stays away from home with the child accommodated: the child is looked "
            "after during each stay (Children Act 1989, section 20(4))",
            ("ca1989-20-4",),
            looked_after=True,
        ),
    )
}

_RANGE = re.compile(
    re.escape(law.SHORT_BREAKS_REGS) + r",\s*regulation\s*4|Schedule 2,\s*paragraph 6",
    re.IGNORECASE,
)


def needs_route(legal_basis: str, *, for_carer: bool = False) -> bool:
    """A service whose law is the range of short breaks for the child (Schedule 2 paragraph 6,
    or regulation 4 of the 2011 Regulations) must name its route. A break for a parent carer
    in their own right is a service to them (Children Act 1989, section 17(3)) and needs none."""
    return not for_carer and bool(_RANGE.search(legal_basis))


def route(code: str) -> Route | None:
    return ROUTES.get(code)


_PART_OF_RANGE = re.compile(
    r"Schedule 2,\s*paragraph 6|"
    + re.escape(law.SHORT_BREAKS_REGS)
    + r"|"
    + re.escape(law.CSDPA)
    + r",\s*section 2\(1\)\(c\)",
    re.IGNORECASE,
)


def part_of_the_range(citations: list[str]) -> bool:
    """Whether a service in the criteria is one of the council's short breaks, for its short
    breaks services statement: its law is the range of breaks (Schedule 2 paragraph 6, the 2011
    Regulations), or activities outside the home (CSDPA section 2(1)(c))."""
    return any(_PART_OF_RANGE.search(citation) for citation in citations)


# The kinds of break regulation 4 asks councils to provide, so far as reasonably practicable.
REGULATION_4_RANGE = (
    "day-time care in the child's home and elsewhere",
    "overnight care in the child's home and elsewhere",
    "educational or leisure activities outside the home",
    "services in the evenings, at weekends and in the school holidays",
)
