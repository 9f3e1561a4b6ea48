"""The sections every local assessment protocol has, in order, and the council's working-day
targets it sets as numbers. The sections follow what the reformers' blueprint expects a
support-first protocol to say (docs/guides/team-manager.md explains each)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "distinct_pathway",
        "A support pathway for disabled children where there is no evidence of harm",
        "Say that a request for help for a disabled child is a request for support, assessed "
        "under section 17 of the Children Act 1989, on a pathway of its own, not a child "
        "protection process.",
    ),
    Section(
        "safeguarding",
        "When and how a move to safeguarding happens",
        "The test (reasonable cause to suspect significant harm, section 47), who decides, "
        "how the family is told, and how a child comes back to the support pathway.",
    ),
    Section(
        "intrusion",
        "No routine home visits, room inspections or seeing the child alone",
        "Say these never happen as a matter of routine, and how any one of them is justified: "
        "why it is needed, what less intrusive way was tried, and what the family thinks.",
    ),
    Section(
        "parents_and_child",
        "Parents as experts, and the child's voice",
        "How the assessment starts from what the family knows, and how the child's wishes and "
        "feelings are found out in the way that suits them.",
    ),
    Section(
        "carers",
        "The parent carer's and the young carer's assessments",
        "How the parent carer's needs assessment and young carers' assessments are offered, and "
        "done on request.",
    ),
    Section(
        "timescales",
        "Timescales",
        "How the council keeps to the times below, and what the family can do when it does "
        "not. The working-day targets are set in the numbers under this section.",
    ),
    Section(
        "eligibility",
        "Eligibility criteria",
        "How decisions about which needs the council will meet are made, using the published "
        "criteria (the public page links to them).",
    ),
    Section(
        "short_breaks",
        "Short breaks",
        "The range of short breaks and how families reach them (the public page links to the "
        "short breaks services statement).",
    ),
    Section(
        "direct_payments",
        "Direct payments",
        "How direct payments are offered for each service the council agrees to arrange.",
    ),
    Section(
        "advocacy",
        "Advocacy",
        "Who can help a child or a parent say what they want, and how to reach them.",
    ),
    Section(
        "complaints",
        "Complaints",
        "How to complain, the three stages and their times, and the Ombudsman.",
    ),
    Section(
        "training",
        "Training of assessors with parent carers",
        "How everyone who assesses is trained on this protocol, with parent carers taking part "
        "in the training, and how often it is renewed.",
    ),
)

SECTION_KEYS = tuple(section.key for section in SECTIONS)
BY_KEY = {section.key: section for section in SECTIONS}

SECTION_MAX = 10_000
"""The most characters in one section: about four pages."""


@dataclass(frozen=True)
class Target:
    name: str
    words: str
    """What the target counts, after "Working days from"."""


TARGETS: tuple[Target, ...] = (
    Target(
        "decision_working_days",
        "authorising a child's assessment to the eligibility decision",
    ),
    Target("plan_working_days", "the eligibility decision to sharing the support plan"),
    Target("service_start_working_days", "an agreed plan to each service starting"),
)
"""The council's own targets the product enforces (the clocks on My work, the Team page and
the family's "what happens next"). Their names are the council's settings they set."""

TARGET_NAMES = tuple(target.name for target in TARGETS)

NATIONAL_TIMES = (
    "Deciding the next step: within 1 working day of the request (Working Together to "
    "Safeguard Children 2023).",
    "Finishing the assessment: within 45 working days of the request (Working Together to "
    "Safeguard Children 2023).",
)
"""The times statutory guidance sets, shown above the council's own on every protocol."""
