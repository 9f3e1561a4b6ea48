"""The code lists the Children in Need census uses, each with the plain-English name a family or a
worker reads on a page, and the unique pupil number check.

Codes come from the Department for Education's Children in Need census specification (the element
names are those of the census XML). A page shows the plain name; the census gets the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


def _codes(*pairs: tuple[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(pairs))


#: ``<Sex>`` from the 2024 to 2025 collection on (it replaced ``<GenderCurrent>``).
SEX = _codes(
    ("M", "Male"),
    ("F", "Female"),
    ("U", "Not known, or not yet born"),
)

#: ``<GenderCurrent>`` in collections up to 2023 to 2024: the older codes for the same facts.
GENDER_CURRENT_FROM_SEX = MappingProxyType({"M": "1", "F": "2", "U": "0"})

#: ``<Ethnicity>``: the census ethnicity codes. REFU and NOBT let a family decline or not be asked.
ETHNICITY = _codes(
    ("WBRI", "White British"),
    ("WIRI", "White Irish"),
    ("WIRT", "Traveller of Irish heritage"),
    ("WOTH", "Any other White background"),
    ("WROM", "Gypsy or Roma"),
    ("MWBC", "Mixed: White and Black Caribbean"),
    ("MWBA", "Mixed: White and Black African"),
    ("MWAS", "Mixed: White and Asian"),
    ("MOTH", "Any other mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Black Caribbean"),
    ("BAFR", "Black African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Prefers not to say"),
    ("NOBT", "Not known yet"),
)
ETHNICITY_NOT_KNOWN = "NOBT"

#: ``<Disability>``: NONE is sent only when no other code applies.
DISABILITY = _codes(
    ("MOB", "Mobility"),
    ("HAND", "Hand function"),
    ("PC", "Personal care"),
    ("INC", "Incontinence"),
    ("COMM", "Communication"),
    ("LD", "Learning"),
    ("HEAR", "Hearing"),
    ("VIS", "Vision"),
    ("BEH", "Behaviour"),
    ("CON", "Consciousness"),
    ("AUT", "Autism or Asperger syndrome"),
    ("DDA", "Other disability under the Equality Act 2010"),
)
NO_DISABILITY = "NONE"

#: ``<UPNunknown>``: why a child has no unique pupil number.
UPN_UNKNOWN = _codes(
    ("UN1", "Child is now aged 6 or over and was last in a school in England before 2000"),
    ("UN2", "Child has never been in a school in England"),
    ("UN3", "Child is educated outside England"),
    ("UN4", "Child is newly looked after and the number is not yet known"),
    ("UN5", "Sources hold no unique pupil number for the child"),
    ("UN6", "Child is under 6 and not in school"),
    ("UN7", "Child is not yet born"),
)

#: ``<ReferralSource>``: who brought the request to the council.
REFERRAL_SOURCE = _codes(
    ("1A", "A family member, relative or carer"),
    ("1B", "An acquaintance, such as a neighbour or childminder"),
    ("1C", "The young person themselves"),
    ("1D", "Another individual"),
    ("2A", "A school"),
    ("2B", "Education services"),
    ("3A", "A family doctor (GP)"),
    ("3B", "A health visitor"),
    ("3C", "A school nurse"),
    ("3D", "Other primary health services"),
    ("3E", "A hospital accident and emergency department"),
    ("3F", "Other health services, such as a hospice"),
    ("4", "Housing: the council or a housing association"),
    ("5A", "Council social care, such as adult social care"),
    ("5B", "Another council department"),
    ("5C", "Another council's services"),
    ("5D", "Early help"),
    ("6", "Police"),
    ("7", "A court, probation or another legal agency"),
    ("8", "A children's centre, voluntary organisation or independent provider"),
    ("9", "Someone who did not give their name"),
    ("10", "Not known"),
)

#: ``<PrimaryNeedCode>``. This pathway is for disabled children, so N2 is the default; a worker
#: who changes it gives a reason.
PRIMARY_NEED = _codes(
    ("N1", "Abuse or neglect"),
    ("N2", "The child's disability or illness"),
    ("N3", "A parent's disability or illness"),
    ("N4", "Family in acute stress"),
    ("N5", "Family dysfunction"),
    ("N6", "Socially unacceptable behaviour"),
    ("N7", "Low income"),
    ("N8", "Absent parenting"),
    ("N9", "Not a child in need"),
    ("N0", "Not stated"),
)
PRIMARY_NEED_DEFAULT = "N2"

#: ``<ReasonForClosure>``.
CLOSURE_REASON = _codes(
    ("RC1", "Adopted"),
    ("RC2", "Died"),
    ("RC3", "Child arrangements order"),
    ("RC4", "Special guardianship order"),
    ("RC5", "Moved to another council's services"),
    ("RC6", "Moved to adult social care"),
    ("RC7", "Support ended for another reason, including no longer in need"),
    ("RC8", "Closed after assessment, no further action"),
    ("RC9", "Closed after assessment, referred to early help"),
)

#: ``<AssessmentFactors>`` the disabled children's pathway records. The census list is longer;
#: factors about abuse, exploitation or risk belong to the safeguarding route, which records them
#: in the council's children's social care system, not here.
ASSESSMENT_FACTORS = _codes(
    ("4A", "The child's mental health"),
    ("4B", "A parent carer's mental health"),
    ("4C", "The mental health of someone else at home"),
    ("5A", "The child's learning disability"),
    ("5B", "A parent carer's learning disability"),
    ("5C", "The learning disability of someone else at home"),
    ("6A", "The child's physical disability or illness"),
    ("6B", "A parent carer's physical disability or illness"),
    ("6C", "The physical disability or illness of someone else at home"),
    ("7A", "A young carer's caring role"),
    ("20", "Other"),
    ("21", "No factors identified"),
)

#: Every code the census accepts for ``<AssessmentFactors>`` (the writer refuses anything else).
ALL_ASSESSMENT_FACTORS = frozenset(
    {
        "1A",
        "1B",
        "1C",
        "2A",
        "2B",
        "2C",
        "3A",
        "3B",
        "3C",
        "4A",
        "4B",
        "4C",
        "5A",
        "5B",
        "5C",
        "6A",
        "6B",
        "6C",
        "7A",
        "8B",
        "8C",
        "8D",
        "8E",
        "8F",
        "9A",
        "10A",
        "11A",
        "12A",
        "13A",
        "14A",
        "15A",
        "16A",
        "17A",
        "18B",
        "18C",
        "19B",
        "19C",
        "20",
        "21",
        "22A",
        "23A",
        "24A",
    }
)

_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def check_letter(rest: str) -> str:
    """The check letter for the 12 characters after it: 11 digits, then a digit or a letter.
    Characters 2 to 13 are weighted 2 to 13; the sum modulo 23 is read from the letters A to Z
    without I, O and S; a letter in position 13 counts as its place in the same list."""
    values = [int(c) if c.isdigit() else _CHECK_LETTERS.index(c) for c in rest]
    return _CHECK_LETTERS[sum(v * (i + 2) for i, v in enumerate(values)) % 23]


def upn_problem(upn: str) -> str | None:
    """Why a unique pupil number is not valid, in plain English, or None if it is.

    A number is 13 characters: a check letter (`check_letter`), 11 digits, then a digit or
    (for a temporary number) a letter.
    """
    if len(upn) != 13:
        return "A unique pupil number has 13 characters: a letter, then 12 more."
    upn = upn.upper()
    if not upn[1:12].isdigit():
        return "Characters 2 to 12 of a unique pupil number are digits."
    last = upn[12]
    if not (last.isdigit() or last in _CHECK_LETTERS):
        return "The last character of a unique pupil number is a digit or a letter."
    if check_letter(upn[1:]) != upn[0]:
        return (
            "The first letter does not match the rest of the number. Check it was copied correctly."
        )
    return None
