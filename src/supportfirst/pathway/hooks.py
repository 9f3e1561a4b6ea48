"""What other apps do when a request for help moves on, declared here so the pathway needs no
import of the apps above it.

The needs assessments app fills `WHEN_SUPPORT_IS_CHOSEN` when Django starts
(`assessments.apps.AssessmentsConfig.ready`): choosing the support pathway starts the child's
needs assessment and offers the carers' assessments, inside the same transaction as the decision.
The letters app fills `WHEN_NOT_ASSESSING_IS_CONFIRMED` (`letters.apps.LettersConfig.ready`):
a team manager's confirmation of a decision not to assess prepares the letter to the family (the
reason, their right to an assessment at any time and how to challenge), ready for the worker to
check and send, in the same transaction as the confirmation.
The lists are explicit and short; a test checks what is in them. No business logic hides in
signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SupportChosen = Callable[..., Any]

WHEN_SUPPORT_IS_CHOSEN: list[SupportChosen] = []


def declare_when_support_is_chosen(hook: SupportChosen) -> None:
    """Add a step to run when a request goes on the support pathway (once, however often
    Django starts an app)."""
    if hook not in WHEN_SUPPORT_IS_CHOSEN:
        WHEN_SUPPORT_IS_CHOSEN.append(hook)


def support_is_chosen(*, actor: Any, request: Any) -> None:
    """Run every declared step, in the order they were declared."""
    for hook in WHEN_SUPPORT_IS_CHOSEN:
        hook(actor=actor, request=request)


NotAssessingConfirmed = Callable[..., Any]

WHEN_NOT_ASSESSING_IS_CONFIRMED: list[NotAssessingConfirmed] = []


def declare_when_not_assessing_is_confirmed(hook: NotAssessingConfirmed) -> None:
    """Add a step to run when a team manager confirms a decision not to assess (once, however
    often Django starts an app)."""
    if hook not in WHEN_NOT_ASSESSING_IS_CONFIRMED:
        WHEN_NOT_ASSESSING_IS_CONFIRMED.append(hook)


def not_assessing_is_confirmed(*, actor: Any, decision: Any) -> list[Any]:
    """Run every declared step, in order; returns what each prepared (the letters app's step
    returns the draft letter)."""
    return [hook(actor=actor, decision=decision) for hook in WHEN_NOT_ASSESSING_IS_CONFIRMED]
