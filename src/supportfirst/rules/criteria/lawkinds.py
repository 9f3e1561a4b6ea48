"""The kinds of legal obligation, and the one true sentence a family is told for each.

From the project's corrected law brief (shared/brief/LAW.md, "Kinds of legal obligation"): an
individual duty is owed to this child once its conditions are met (Chronically Sick and Disabled
Persons Act 1970 s2, once the council is satisfied the service is necessary); a general or
"target" duty is owed to the children of the area as a whole (Children Act 1989 s17(1),
Schedule 2 paragraph 6, the Breaks for Carers Regulations 2011), so a decision about one family
must still be rational and reasoned (R (G) v Barnet [2003] UKHL 57). Section 17 is never
called a mere power or discretion to a family.
"""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of legal obligation.
INDIVIDUAL_DUTY = "individual_duty"
GENERAL_DUTY = "general_duty"
DUTY_TO_ASSESS = "duty_to_assess"
DUTY_TO_DECIDE = "duty_to_decide"
OTHER_DUTY = "duty"
POWER_KIND = "power"
DEFINITION = "definition"
GUIDANCE = "statutory_guidance"


@dataclass(frozen=True)
class Kind:
    code: str
    name: str
    sentence: str  # what it means, said to a family


KINDS: dict[str, Kind] = {
    kind.code: kind
    for kind in (
        Kind(
            INDIVIDUAL_DUTY,
            "individual duty",
            "The council has decided this is needed, so the law says it must arrange it.",
        ),
        Kind(
            GENERAL_DUTY,
            "general duty",
            "The council must provide a range of this kind of support in its area. It is not a "
            "promise of a particular service, but the council must decide fairly about your "
            "family, and give reasons.",
        ),
        Kind(
            DUTY_TO_ASSESS,
            "duty to assess",
            "The council must carry out this assessment when the law's conditions are met. The "
            "assessment on its own does not decide what support you get.",
        ),
        Kind(
            DUTY_TO_DECIDE,
            "duty to decide",
            "After the assessment the council must decide about the needs it found, and tell "
            "you what it decided and why.",
        ),
        Kind(OTHER_DUTY, "duty", "The law says the council must do this."),
        Kind(
            POWER_KIND,
            "power",
            "The law allows the council to do this. The council must still decide fairly about "
            "your family, and give reasons.",
        ),
        Kind(
            DEFINITION,
            "definition",
            "This part of the law says what a word means, for example who is a child in need.",
        ),
        Kind(
            GUIDANCE,
            "statutory guidance",
            "This is government guidance the council must follow unless it has a good reason "
            "not to, and it must say what the reason is.",
        ),
    )
}

# A service's `duty_or_power`: the strongest kind among the laws it cites.
DUTY = "duty"
GENERAL = "general"
POWER = "power"
SERVICE_KINDS = {DUTY: INDIVIDUAL_DUTY, GENERAL: GENERAL_DUTY, POWER: POWER_KIND}
STRENGTH = {INDIVIDUAL_DUTY: 3, GENERAL_DUTY: 2, POWER_KIND: 1}

# What a service's kind means, in the reasons and on every page a family reads. Each starts
# "This is a ..." so a shorter version (easy read) can leave it out.
SERVICE_SENTENCES = {
    DUTY: "This is a duty: once the council is satisfied it is needed, the law says it must "
    "arrange it.",
    GENERAL: "This is a general duty: the council must provide a range of this kind of support "
    "in its area. It is not a promise of a particular service, but the council must decide "
    "fairly about your family, and give reasons.",
    POWER: "This is a power: the law allows the council to provide it. The council must still "
    "decide fairly about your family, and give reasons.",
}


def family_sentence(kind: str) -> str:
    """The plain sentence for a kind of legal obligation."""
    return KINDS[kind].sentence


def service_sentence(duty_or_power: str) -> str:
    """What a service's kind means for the family; empty for a value the catalogue does not
    know (an old record)."""
    return SERVICE_SENTENCES.get(duty_or_power, "")
