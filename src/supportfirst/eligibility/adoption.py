"""Adopting criteria: a council records that it has adopted one published version of its own
criteria for eligibility decisions, signed for the council and for the parent carer forum, with
the equality impact considered. Only an adopted version can be used for a decision."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Council
from supportfirst.eligibility.models import CriteriaAdoption, CriteriaStatus, PublishedCriteria
from supportfirst.kernel.workflow import MoveRefused


def _forum_signed_on(criteria: PublishedCriteria) -> date | None:
    """The latest day the parent carer forum signed this version off, when the file says."""
    days = []
    for signed in criteria.sign_off_forum:
        try:
            days.append(date.fromisoformat(str(signed.get("on", ""))))
        except ValueError:
            continue
    return max(days, default=None)


def adoption_problems(
    council: Council,
    criteria: PublishedCriteria,
    *,
    council_signatory: str,
    forum_signatory: str,
    equality_impact_summary: str,
    adopted_on: date | None = None,
) -> list[str]:
    problems = []
    if criteria.is_national:
        problems.append(
            "The Support First model criteria are a starting point, not criteria to adopt as "
            "they are. Adapt them with your parent carer forum, publish them as your council's "
            "own, and adopt that version."
        )
    elif criteria.owner != council.la_code:
        problems.append(f"These criteria belong to another council, not {council.name}.")
    if criteria.status != CriteriaStatus.PUBLISHED:
        problems.append("Only published criteria can be adopted for decisions.")
    if not council_signatory.strip():
        problems.append("Say who adopted the criteria for the council (name and role).")
    if not forum_signatory.strip():
        problems.append("Say who signed the criteria off for the parent carer forum.")
    signed = _forum_signed_on(criteria)
    if adopted_on is not None and signed is not None and adopted_on < signed:
        problems.append(
            "The council can only adopt the criteria on or after the day the parent carer forum "
            f"signed them off, {signed.day} {signed:%B %Y}."
        )
    if not equality_impact_summary.strip():
        problems.append(
            "Summarise how the equality impact was considered (Equality Act 2010, section 149)."
        )
    return problems


def criteria_adopt(
    *,
    council: Council,
    criteria: PublishedCriteria,
    council_signatory: str,
    forum_signatory: str,
    adopted_on: date,
    equality_impact_summary: str,
    recorded_by: Any = None,
    actor: Actor | None = None,
) -> CriteriaAdoption:
    """Record the adoption; the same version adopted again returns the record already kept.
    From a page, `actor` is the manager adopting it: they are recorded and the access log
    says so (the command line and the publishing of a draft pass no actor)."""
    problems = adoption_problems(
        council,
        criteria,
        council_signatory=council_signatory,
        forum_signatory=forum_signatory,
        equality_impact_summary=equality_impact_summary,
        adopted_on=adopted_on,
    )
    if problems:
        raise MoveRefused(problems)
    with transaction.atomic():
        # Two managers adopting the same version at once: the second waits here and then finds
        # the first's record, instead of failing on the one-adoption-per-version constraint.
        PublishedCriteria.objects.select_for_update().filter(pk=criteria.pk).first()
        existing = CriteriaAdoption.objects.filter(criteria=criteria).first()
        if existing is not None:
            return existing
        adoption = CriteriaAdoption.objects.create(
            criteria=criteria,
            council=council,
            council_signatory=council_signatory.strip(),
            forum_signatory=forum_signatory.strip(),
            adopted_on=adopted_on,
            equality_impact_considered=True,
            equality_impact_summary=equality_impact_summary.strip(),
            recorded_by=actor.user if actor is not None else recorded_by,
        )
        if actor is not None:
            log_access(actor, family_id=None, record=adoption, action=Action.CREATE)
        return adoption
