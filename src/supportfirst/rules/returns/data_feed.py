"""The Department for Education's children's social care data feed, as JSON, written from the same
plain records as the Children in Need census (``cin_census.CensusChild``), one child at a time.

The Department's data API takes a request body that is a JSON array of children, at most 100 of
them. ``write_feed(children)`` writes JSON Lines: each line is one such request body, so a file
for a council of any size streams in constant memory and each line can be sent as it stands.
(This service sends nothing over the network: the file is for the council to send.)

What is sent, for each child: the council's identifier for the child, the pupil number or why
there is none, date of birth, sex, ethnicity and disability codes; and for each request for help
open in the period (a "social care episode"), its referral, closure, child's needs assessments
(with the factors found, once authorised) and child in need plans. Names and postcodes are
optional in the feed and, as in the census, never sent. The feed has no primary need item.

``problems(child)`` names what would make the Department refuse the child's record (a value too
long, or an identifier with characters the feed does not allow), so the export can leave that
child out, say plainly what to fix, and still send everyone else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from . import codes
from .cin_census import CensusAssessment, CensusChild, CensusEpisode, CensusPlan, Problem

#: The most children the Department's API takes in one request.
MAX_CHILDREN_PER_REQUEST = 100

_CHILD_ID = re.compile(r"[A-Za-z0-9]{1,20}")
_RECORD_ID = re.compile(r"[A-Za-z0-9_-]{1,36}")
_UPN_LENGTH = 13
_MOST_DISABILITIES = 12
_MOST_FACTORS = 41
#: The longest code the feed takes for each item.
_LONGEST = {
    "upn_unknown": 4,
    "sex": 1,
    "ethnicity": 4,
    "disability": 4,
    "referral_source": 2,
    "closure_reason": 3,
    "factor": 3,
}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _assessment(assessment: CensusAssessment) -> dict[str, object]:
    record: dict[str, object] = {
        "child_and_family_assessment_id": assessment.reference,
        "start_date": assessment.started_on.isoformat(),
    }
    if assessment.authorised_on:
        record["authorisation_date"] = assessment.authorised_on.isoformat()
        # Factors are reported once an assessment is complete, as in the census.
        if assessment.factors:
            record["factors"] = _unique(assessment.factors)
    return record


def _plan(plan: CensusPlan) -> dict[str, object]:
    record: dict[str, object] = {
        "child_in_need_plan_id": plan.reference,
        "start_date": plan.starts_on.isoformat(),
    }
    if plan.ends_on:
        record["end_date"] = plan.ends_on.isoformat()
    return record


def _episode(episode: CensusEpisode) -> dict[str, object]:
    record: dict[str, object] = {
        "social_care_episode_id": episode.reference,
        "referral_date": episode.referral_date.isoformat(),
    }
    if episode.referral_source:
        record["referral_source"] = episode.referral_source
    record["referral_no_further_action_flag"] = episode.no_further_action
    if episode.closed_on:
        record["closure_date"] = episode.closed_on.isoformat()
        if episode.closure_reason:
            record["closure_reason"] = episode.closure_reason
    if episode.assessments:
        record["child_and_family_assessments"] = [_assessment(a) for a in episode.assessments]
    if episode.plans:
        record["child_in_need_plans"] = [_plan(p) for p in episode.plans]
    return record


def child_record(child: CensusChild) -> dict[str, object]:
    """One child as the feed's JSON object (before encoding)."""
    details: dict[str, object] = {}
    if child.upn:
        details["unique_pupil_number"] = child.upn.upper()
    elif child.upn_unknown:
        details["unique_pupil_number_unknown_reason"] = child.upn_unknown
    details["date_of_birth"] = child.birth_date.isoformat()
    if child.sex:
        details["sex"] = child.sex
    if child.ethnicity:
        details["ethnicity"] = child.ethnicity
    details["disabilities"] = _unique(child.disabilities) or [codes.NO_DISABILITY]
    record: dict[str, object] = {"la_child_id": child.la_child_id, "child_details": details}
    if child.episodes:
        record["social_care_episodes"] = [_episode(e) for e in child.episodes]
    return record


def write_feed(
    children: Iterable[CensusChild], *, per_request: int = MAX_CHILDREN_PER_REQUEST
) -> Iterator[str]:
    """The feed as JSON Lines, in chunks: one chunk per child; each line is one request body
    (a JSON array of at most ``per_request`` children). No children, no lines."""
    if not 1 <= per_request <= MAX_CHILDREN_PER_REQUEST:
        raise ValueError(f"A request holds 1 to {MAX_CHILDREN_PER_REQUEST} children.")
    in_line = 0
    for child in children:
        text = json.dumps(child_record(child), separators=(",", ":"), ensure_ascii=False)
        in_line += 1
        if in_line == per_request:
            yield ("[" if per_request == 1 else ",") + text + "]\n"
            in_line = 0
        else:
            yield ("[" if in_line == 1 else ",") + text
    if in_line:
        yield "]\n"


def problems(child: CensusChild) -> list[Problem]:
    """What would make the Department refuse this child's record, in plain English."""
    found = [Problem(child.name, child.la_child_id, what, "child") for what in _child(child)]
    for episode in child.episodes:
        label = f"Request for help {episode.reference}"
        found.extend(
            Problem(
                child.name, child.la_child_id, f"{label}: {what}", f"request:{episode.reference}"
            )
            for what in _episode_problems(episode)
        )
    return found


def _too_long(item: str, value: str) -> bool:
    return len(value) > _LONGEST[item]


def _child(child: CensusChild) -> Iterator[str]:
    if not _CHILD_ID.fullmatch(child.la_child_id):
        yield (
            f"The child's identifier {child.la_child_id!r} cannot be sent: the feed takes up to "
            "20 letters and numbers."
        )
    if child.upn and len(child.upn) != _UPN_LENGTH:
        yield f"The unique pupil number {child.upn} is not 13 characters long."
    elif not child.upn and _too_long("upn_unknown", child.upn_unknown):
        yield "The reason there is no unique pupil number is not a code the feed takes."
    if _too_long("sex", child.sex):
        yield "Sex is not recorded as male, female or not known."
    if _too_long("ethnicity", child.ethnicity):
        yield "Ethnicity is not a code the feed takes. Choose one, or 'Not known yet'."
    for code in _unique(child.disabilities):
        if _too_long("disability", code):
            yield f"'{code}' is not a disability code the feed takes. Choose from the list."
    if len(_unique(child.disabilities)) > _MOST_DISABILITIES:
        yield f"The feed takes at most {_MOST_DISABILITIES} disability codes."


def _episode_problems(episode: CensusEpisode) -> Iterator[str]:
    if not _RECORD_ID.fullmatch(episode.reference):
        yield "its reference has characters the feed does not take."
    if _too_long("referral_source", episode.referral_source):
        yield "who made the request is not a code the feed takes."
    if episode.closed_on and _too_long("closure_reason", episode.closure_reason or ""):
        yield "the reason for closing is not a code the feed takes."
    for assessment in episode.assessments:
        if not _RECORD_ID.fullmatch(assessment.reference):
            yield "an assessment has no reference the feed can take."
        factors = _unique(assessment.factors) if assessment.authorised_on else []
        for factor in factors:
            if _too_long("factor", factor):
                yield f"'{factor}' is not an assessment factor the feed takes."
        if len(factors) > _MOST_FACTORS:
            yield f"an assessment has more than {_MOST_FACTORS} factors."
    for plan in episode.plans:
        if not _RECORD_ID.fullmatch(plan.reference):
            yield "a support plan has no reference the feed can take."
