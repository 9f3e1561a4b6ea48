"""The areas of life an assessment covers, by kind of assessment, with what each covers.

The child's areas follow the reformers' needs-led model; the parent carer's follow the wellbeing
duties of the Children Act 1989 s17ZD; a young carer's (s17ZA) are written for the young person.
There is no "parenting capacity" area anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

GROWING_UP_FROM_AGE = 14


class Kind(models.TextChoices):
    CHILD = "child", "Child's needs assessment"
    PARENT_CARER = "parent_carer", "Parent carer's needs assessment"
    YOUNG_CARER = "young_carer", "Young carer's needs assessment"


class AreaCode(models.TextChoices):
    """Areas of life. The child's come first, then the parent carer's, then a young carer's."""

    COMMUNICATION = "communication", "Communication"
    HEALTH = "health", "Health and medication"
    SLEEP = "sleep", "Sleep"
    PERSONAL_CARE = "personal_care", "Personal care"
    EATING = "eating", "Eating and drinking"
    MOBILITY = "mobility", "Moving about and mobility"
    BEHAVIOUR = "behaviour", "Behaviour, emotions and sensory needs"
    LEARNING = "learning", "Learning, school and EHC plan"
    PLAY = "play", "Play, friends and leisure"
    KEEPING_SAFE = "keeping_safe", "Keeping safe"
    HOME = "home", "Home, equipment and adaptations"
    FAMILY_LIFE = "family_life", "Family life, brothers and sisters"
    TRAVEL = "travel", "Travel and transport"
    GROWING_UP = "growing_up", "Growing up and moving to adult services"

    CARER_HEALTH = "carer_health", "Health, emotional wellbeing and sleep"
    CARER_WORK = "carer_work", "Work, education and training"
    CARER_LEISURE = "carer_leisure", "Leisure and time for yourself"
    CARER_RELATIONSHIPS = "carer_relationships", "Relationships"
    CARER_OTHERS = "carer_others", "Other people you care for"
    CARER_MONEY = "carer_money", "Money"
    CARER_CHANGE = "carer_change", "What you would like to change"

    YC_HELPING = "yc_helping", "What you do to help"
    YC_SCHOOL = "yc_school", "School and friends"
    YC_TIME = "yc_time", "Time for yourself"
    YC_FEELINGS = "yc_feelings", "Your feelings"
    YC_WOULD_HELP = "yc_would_help", "What would help"


CHILD_AREAS = (
    AreaCode.COMMUNICATION,
    AreaCode.HEALTH,
    AreaCode.SLEEP,
    AreaCode.PERSONAL_CARE,
    AreaCode.EATING,
    AreaCode.MOBILITY,
    AreaCode.BEHAVIOUR,
    AreaCode.LEARNING,
    AreaCode.PLAY,
    AreaCode.KEEPING_SAFE,
    AreaCode.HOME,
    AreaCode.FAMILY_LIFE,
    AreaCode.TRAVEL,
    AreaCode.GROWING_UP,
)
PARENT_CARER_AREAS = (
    AreaCode.CARER_HEALTH,
    AreaCode.CARER_WORK,
    AreaCode.CARER_LEISURE,
    AreaCode.CARER_RELATIONSHIPS,
    AreaCode.CARER_OTHERS,
    AreaCode.CARER_MONEY,
    AreaCode.CARER_CHANGE,
)
YOUNG_CARER_AREAS = (
    AreaCode.YC_HELPING,
    AreaCode.YC_SCHOOL,
    AreaCode.YC_TIME,
    AreaCode.YC_FEELINGS,
    AreaCode.YC_WOULD_HELP,
)

# What each area covers, for the person writing it. {name} is the person assessed.
AREA_HINTS: dict[str, str] = {
    AreaCode.COMMUNICATION: "How {name} tells people what they want and feel, understands "
    "others and makes choices, and what helps.",
    AreaCode.HEALTH: "Health conditions, medicines, treatments and appointments, and who helps "
    "with them.",
    AreaCode.SLEEP: "How {name} sleeps, and what nights are like for {name} and the family.",
    AreaCode.PERSONAL_CARE: "Washing, dressing, using the toilet and continence, and the help "
    "{name} needs.",
    AreaCode.EATING: "Meals and drinks, any special diet, and equipment or help with eating.",
    AreaCode.MOBILITY: "Getting about at home and outside, moving from place to place, and "
    "equipment.",
    AreaCode.BEHAVIOUR: "How {name} feels and shows it, what causes distress, sensory needs, and "
    "what helps.",
    AreaCode.LEARNING: "School or college, learning, and any education, health and care (EHC) "
    "plan.",
    AreaCode.PLAY: "What {name} enjoys, friendships, clubs and activities, and what gets in the "
    "way.",
    AreaCode.KEEPING_SAFE: "Awareness of danger, and what {name} needs to stay safe day to day "
    "at home and outside.",
    AreaCode.HOME: "Whether the home works for {name}: space, equipment and adaptations.",
    AreaCode.FAMILY_LIFE: "How family life works, and what it is like for brothers and sisters.",
    AreaCode.TRAVEL: "Getting to school, appointments and activities.",
    AreaCode.GROWING_UP: "What {name} wants for adult life, and planning the move to adult "
    "services.",
    AreaCode.CARER_HEALTH: "How caring affects {name}'s health, how they feel, and their sleep.",
    AreaCode.CARER_WORK: "Whether {name} works, studies or trains, or would like to.",
    AreaCode.CARER_LEISURE: "Time {name} has for themselves, and what they would like to do "
    "with it.",
    AreaCode.CARER_RELATIONSHIPS: "Time with a partner, family and friends.",
    AreaCode.CARER_OTHERS: "Anyone else {name} looks after, such as other children or a parent.",
    AreaCode.CARER_MONEY: "Whether caring affects the family's money, and help to claim what "
    "they are entitled to.",
    AreaCode.CARER_CHANGE: "What {name} would like to be different, in their words.",
    AreaCode.YC_HELPING: "What {name} does to help at home, and how often.",
    AreaCode.YC_SCHOOL: "School, homework and friends, and whether helping gets in the way.",
    AreaCode.YC_TIME: "Time {name} has to play, rest and do things they enjoy.",
    AreaCode.YC_FEELINGS: "How {name} feels about helping, and who they can talk to.",
    AreaCode.YC_WOULD_HELP: "What {name} would like to change, in their words.",
}


def area_codes_for(kind: str, *, child_age: int) -> tuple[AreaCode, ...]:
    """The areas of an assessment of this kind. Growing up is only for a child of 14 or older."""
    if kind == Kind.PARENT_CARER:
        return PARENT_CARER_AREAS
    if kind == Kind.YOUNG_CARER:
        return YOUNG_CARER_AREAS
    if child_age >= GROWING_UP_FROM_AGE:
        return CHILD_AREAS
    return tuple(code for code in CHILD_AREAS if code != AreaCode.GROWING_UP)


# The prompts a practitioner writes to, by kind of assessment. {name} is the person assessed.
# A parent carer's are about an adult's own life (health, work, time, the people close to
# them); a young carer's about a young person's; never the child-care prompts ("cannot wash or
# dress without an adult helping") of a disabled child's assessment.
@dataclass(frozen=True)
class Prompts:
    analysis: str
    need_label: str
    need_example: str
    # The four ways a need is hard to achieve (eligibility regulations 2015, reg 2 and reg 3).
    cannot_without_help: str
    only_with_pain_distress_or_anxiety: str
    only_with_danger: str
    takes_much_longer: str


PROMPTS: dict[str, Prompts] = {
    Kind.CHILD: Prompts(
        analysis="What gets in the way for {name}, what helps, and what {name} and the family "
        "want. Keep what you saw and heard apart from your opinion.",
        need_label="What {name} needs help with",
        need_example="For example: {name} cannot wash or dress without an adult helping.",
        cannot_without_help="{name} cannot do it without help",
        only_with_pain_distress_or_anxiety="{name} can only do it with significant pain, "
        "distress or anxiety",
        only_with_danger="Doing it puts {name} or others in danger",
        takes_much_longer="It takes {name} much longer than normal",
    ),
    Kind.PARENT_CARER: Prompts(
        analysis="How caring affects {name}'s own life: their health and sleep, work or "
        "study, time for themselves and the people close to them. What helps, and what {name} "
        "wants. Keep what you saw and heard apart from your opinion.",
        need_label="What {name} needs for their own life",
        need_example="For example: {name} has not slept a full night for a year and has had to "
        "give up work; {name} would like a few hours a week to see friends.",
        cannot_without_help="{name} cannot manage it without help",
        only_with_pain_distress_or_anxiety="Managing it causes {name} significant pain, "
        "distress or anxiety",
        only_with_danger="Managing it puts {name}'s health or safety, or someone else's, at risk",
        takes_much_longer="It takes {name} much longer than it would without caring",
    ),
    Kind.YOUNG_CARER: Prompts(
        analysis="How helping at home affects {name}: school, friends, time to play and rest, "
        "and how {name} feels. What helps, and what {name} wants. Keep what you saw and heard "
        "apart from your opinion.",
        need_label="What {name} needs",
        need_example="For example: {name} misses school twice a week to look after their "
        "brother and has no time to see friends.",
        cannot_without_help="{name} cannot manage it without help",
        only_with_pain_distress_or_anxiety="It causes {name} significant worry, upset or distress",
        only_with_danger="It puts {name}'s health or safety, or someone else's, at risk",
        takes_much_longer="It takes up much more of {name}'s time than it should",
    ),
}


def prompts_for(kind: str, name: str) -> Prompts:
    """The prompts for an assessment of this kind, with the person's name in them."""
    template = PROMPTS[kind]
    return Prompts(**{key: value.format(name=name) for key, value in template.__dict__.items()})
