"""The Children in Need census as XML, written from plain records, one child at a time.

``write_census(header, children)`` yields the document in chunks, so a council's whole census
streams to a file in constant memory however many children it holds. ``problems(child)`` is the
product's own check before export: it names the child and says, in plain English, what to fix and
on which page.

The element order is the order the census specification requires (the ``xs:sequence`` of each
type in the Department for Education's schema). From the 2024 to 2025 collection on, ``<Sex>``
(M, F, U) replaced ``<GenderCurrent>`` (1, 2, 0, 9); ``schema_uses_sex(year)`` says which a
collection year uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from . import codes

#: The first collection year (the year the census reference date falls in) that sends ``<Sex>``.
FIRST_YEAR_WITH_SEX = 2025


def schema_uses_sex(year: int) -> bool:
    return year >= FIRST_YEAR_WITH_SEX


def reference_date(year: int) -> dt.date:
    """The census reference date: 31 March of the collection year."""
    return dt.date(year, 3, 31)


def collection_start(year: int) -> dt.date:
    """The first day the collection year covers: 1 April of the year before."""
    return dt.date(year - 1, 4, 1)


@dataclass(frozen=True, slots=True)
class CensusHeader:
    year: int
    la_code: str  # the council's three-digit local authority number
    made_at: dt.datetime
    software_code: str = "Support First"
    release: str = ""
    serial_no: str = "001"


@dataclass(frozen=True, slots=True)
class CensusAssessment:
    started_on: dt.date
    authorised_on: dt.date | None
    factors: tuple[str, ...] = ()
    reference: str = ""  # stable for the assessment's life; the data feed sends it, the census not


@dataclass(frozen=True, slots=True)
class CensusPlan:
    starts_on: dt.date
    ends_on: dt.date | None = None
    reference: str = ""  # stable for the plan's life; the data feed sends it, the census not


@dataclass(frozen=True, slots=True)
class CensusEpisode:
    """One request for help: an episode of need, from referral to closure."""

    reference: str
    referral_date: dt.date
    referral_source: str
    primary_need: str | None
    closed_on: dt.date | None = None
    closure_reason: str | None = None
    no_further_action: bool = False
    assessments: tuple[CensusAssessment, ...] = ()
    plans: tuple[CensusPlan, ...] = ()


@dataclass(frozen=True, slots=True)
class CensusChild:
    la_child_id: str
    name: str  # for the pre-export check only; never written to the census
    birth_date: dt.date
    sex: str
    ethnicity: str
    upn: str = ""
    upn_unknown: str = ""
    disabilities: tuple[str, ...] = ()
    episodes: tuple[CensusEpisode, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something to fix before the census is sent: which child, what, and where."""

    child: str
    la_child_id: str
    what: str
    where: str  # "child" (the child's details) or "request:<reference>"


def _el(name: str, value: object) -> str:
    if isinstance(value, dt.datetime):
        text = value.replace(microsecond=0, tzinfo=None).isoformat()
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = escape(str(value))
    return f"<{name}>{text}</{name}>"


def _header(header: CensusHeader) -> str:
    return (
        "<Header><CollectionDetails><Collection>CIN</Collection>"
        + _el("Year", header.year)
        + _el("ReferenceDate", reference_date(header.year))
        + "</CollectionDetails><Source><SourceLevel>L</SourceLevel>"
        + _el("LEA", header.la_code)
        + _el("SoftwareCode", header.software_code)
        + (_el("Release", header.release) if header.release else "")
        + _el("SerialNo", header.serial_no)
        + _el("DateTime", header.made_at)
        + "</Source></Header>"
    )


def _assessment(assessment: CensusAssessment) -> str:
    parts = ["<Assessments>", _el("AssessmentActualStartDate", assessment.started_on)]
    if assessment.authorised_on:
        parts.append(_el("AssessmentAuthorisationDate", assessment.authorised_on))
        # Factors are reported once an assessment is complete.
        if assessment.factors:
            parts.append("<FactorsIdentifiedAtAssessment>")
            parts.extend(_el("AssessmentFactors", f) for f in assessment.factors)
            parts.append("</FactorsIdentifiedAtAssessment>")
    parts.append("</Assessments>")
    return "".join(parts)


def _episode(episode: CensusEpisode) -> str:
    parts = [
        "<CINdetails>",
        _el("CINreferralDate", episode.referral_date),
        _el("ReferralSource", episode.referral_source),
    ]
    if episode.primary_need:
        parts.append(_el("PrimaryNeedCode", episode.primary_need))
    if episode.closed_on:
        parts.append(_el("CINclosureDate", episode.closed_on))
        if episode.closure_reason:
            parts.append(_el("ReasonForClosure", episode.closure_reason))
    parts.extend(_assessment(a) for a in episode.assessments)
    for plan in episode.plans:
        parts.append("<CINPlanDates>")
        parts.append(_el("CINPlanStartDate", plan.starts_on))
        if plan.ends_on:
            parts.append(_el("CINPlanEndDate", plan.ends_on))
        parts.append("</CINPlanDates>")
    parts.append(_el("ReferralNFA", "true" if episode.no_further_action else "false"))
    parts.append("</CINdetails>")
    return "".join(parts)


def child_xml(child: CensusChild, year: int) -> str:
    """One ``<Child>`` element."""
    parts = ["<Child><ChildIdentifiers>", _el("LAchildID", child.la_child_id)]
    if child.upn:
        parts.append(_el("UPN", child.upn.upper()))
    elif child.upn_unknown:
        parts.append(_el("UPNunknown", child.upn_unknown))
    parts.append(_el("PersonBirthDate", child.birth_date))
    if schema_uses_sex(year):
        parts.append(_el("Sex", child.sex))
    else:
        parts.append(_el("GenderCurrent", codes.GENDER_CURRENT_FROM_SEX[child.sex]))
    parts.append("</ChildIdentifiers><ChildCharacteristics>")
    parts.append(_el("Ethnicity", child.ethnicity))
    parts.append("<Disabilities>")
    disabilities = child.disabilities or (codes.NO_DISABILITY,)
    parts.extend(_el("Disability", d) for d in disabilities)
    parts.append("</Disabilities></ChildCharacteristics>")
    parts.extend(_episode(e) for e in child.episodes)
    parts.append("</Child>")
    return "".join(parts)


def write_census(header: CensusHeader, children: Iterable[CensusChild]) -> Iterator[str]:
    """The census document in chunks: the header, then one chunk per child, then the end."""
    yield '<?xml version="1.0" encoding="utf-8"?>\n<Message>'
    yield _header(header)
    yield "<Children>"
    for child in children:
        yield child_xml(child, header.year)
        yield "\n"
    yield "</Children></Message>\n"


def problems(child: CensusChild, year: int) -> list[Problem]:
    """What must be fixed before this child can go in the census, in plain English."""
    found = [
        Problem(child.name, child.la_child_id, what, "child")
        for what in _child_problems(child, year)
    ]
    for episode in child.episodes:
        where = f"request:{episode.reference}"
        label = f"Request for help {episode.reference}"
        found.extend(
            Problem(child.name, child.la_child_id, f"{label}: {what}", where)
            for what in _episode_problems(child, episode)
        )
    return found


def _child_problems(child: CensusChild, year: int) -> Iterator[str]:
    if child.upn:
        problem = codes.upn_problem(child.upn)
        if problem:
            yield f"The unique pupil number {child.upn} is not valid. {problem}"
    elif not child.upn_unknown:
        yield "Record the unique pupil number, or why there is none."
    elif child.upn_unknown not in codes.UPN_UNKNOWN:
        yield "The reason there is no unique pupil number is not one the census accepts."
    if child.sex not in codes.SEX:
        yield "Sex is not recorded. Choose male, female, or not known."
    if child.ethnicity not in codes.ETHNICITY:
        yield "Ethnicity is not one the census accepts. Choose one, or 'Not known yet'."
    for code in child.disabilities:
        if code not in codes.DISABILITY:
            yield f"'{code}' is not a census disability code. Choose from the list."
    if child.birth_date > reference_date(year):
        yield "The date of birth is after the census date."


def _episode_problems(child: CensusChild, episode: CensusEpisode) -> Iterator[str]:
    if episode.referral_source not in codes.REFERRAL_SOURCE:
        yield "who made the request is not recorded."
    if not episode.primary_need:
        yield "the main reason for support (primary need) is missing."
    elif episode.primary_need not in codes.PRIMARY_NEED:
        yield "the main reason for support is not a census code."
    if episode.referral_date < child.birth_date:
        yield f"the request is dated before {child.name} was born."
    if episode.closed_on:
        if episode.closed_on < episode.referral_date:
            yield "it was closed before the request was received."
        if episode.closure_reason not in codes.CLOSURE_REASON:
            yield "closed without a reason for closing."
    yield from _assessment_and_plan_problems(episode)


def _assessment_and_plan_problems(episode: CensusEpisode) -> Iterator[str]:
    for assessment in episode.assessments:
        if assessment.started_on < episode.referral_date:
            yield "an assessment starts before the request was received."
        if assessment.authorised_on and assessment.authorised_on < assessment.started_on:
            yield "an assessment was authorised before it started."
        for factor in assessment.factors:
            if factor not in codes.ALL_ASSESSMENT_FACTORS:
                yield f"'{factor}' is not a census assessment factor."
    for plan in episode.plans:
        if plan.ends_on and plan.ends_on < plan.starts_on:
            yield "the support plan ends before it starts."
