"""The areas of life an assessment covers, by kind of assessment, with what each covers.

The child's areas follow the reformers' needs-led model; the parent carer's follow the wellbeing
duties of the Children Act 1989 s17ZD; a young carer's (s17ZA) are written for the young person.
There is no "parenting capacity" area anywhere.
"""

from __future__ import annotations

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
