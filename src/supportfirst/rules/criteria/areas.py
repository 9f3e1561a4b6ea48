"""Areas of life, people assessed, the four ways a need is hard, and how often: the words a
criteria file uses. Plain Python copies of the assessment's codes (`assessments.areas` and
`assessments.models.HowOften` are Django choices; a test keeps the two in step)."""

from __future__ import annotations

CHILD = "child"
PARENT_CARER = "parent_carer"
YOUNG_CARER = "young_carer"
PERSONS = (CHILD, PARENT_CARER, YOUNG_CARER)

# Area code -> (name shown to families, whose area it is).
AREAS: dict[str, tuple[str, str]] = {
    "communication": ("Communication", CHILD),
    "health": ("Health and medication", CHILD),
    "sleep": ("Sleep", CHILD),
    "personal_care": ("Personal care", CHILD),
    "eating": ("Eating and drinking", CHILD),
    "mobility": ("Moving about and mobility", CHILD),
    "behaviour": ("Behaviour, emotions and sensory needs", CHILD),
    "learning": ("Learning, school and EHC plan", CHILD),
    "play": ("Play, friends and leisure", CHILD),
    "keeping_safe": ("Keeping safe", CHILD),
    "home": ("Home, equipment and adaptations", CHILD),
    "family_life": ("Family life, brothers and sisters", CHILD),
    "travel": ("Travel and transport", CHILD),
    "growing_up": ("Growing up and moving to adult services", CHILD),
    "carer_health": ("Health, emotional wellbeing and sleep", PARENT_CARER),
    "carer_work": ("Work, education and training", PARENT_CARER),
    "carer_leisure": ("Leisure and time for yourself", PARENT_CARER),
    "carer_relationships": ("Relationships", PARENT_CARER),
    "carer_others": ("Other people you care for", PARENT_CARER),
    "carer_money": ("Money", PARENT_CARER),
    "carer_change": ("What you would like to change", PARENT_CARER),
    "yc_helping": ("What you do to help", YOUNG_CARER),
    "yc_school": ("School and friends", YOUNG_CARER),
    "yc_time": ("Time for yourself", YOUNG_CARER),
    "yc_feelings": ("Your feelings", YOUNG_CARER),
    "yc_would_help": ("What would help", YOUNG_CARER),
}


def areas_of(person: str) -> tuple[str, ...]:
    return tuple(code for code, (_, whose) in AREAS.items() if whose == person)


def area_name(code: str) -> str:
    return AREAS[code][0] if code in AREAS else code


# The four ways a need can make an outcome impossible to achieve (Care and Support (Eligibility
# Criteria) Regulations 2015, reg 2(3), adapted): flag -> a short description.
CANNOT_WITHOUT_HELP = "cannot_without_help"
PAIN_DISTRESS_OR_ANXIETY = "only_with_pain_distress_or_anxiety"
DANGER = "only_with_danger"
MUCH_LONGER = "takes_much_longer"
FLAGS = (CANNOT_WITHOUT_HELP, PAIN_DISTRESS_OR_ANXIETY, DANGER, MUCH_LONGER)

# How often help is needed, most often first, with the words used in reasons.
HOW_OFTEN: dict[str, str] = {
    "every_day": "every day",
    "several_times_a_week": "several times a week",
    "every_week": "every week",
    "less_often": "less often than every week",
}
# A larger rank is more often.
HOW_OFTEN_RANK = {code: len(HOW_OFTEN) - index for index, code in enumerate(HOW_OFTEN)}
