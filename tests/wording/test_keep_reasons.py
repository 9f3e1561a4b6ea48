"""One way to keep the reasons a gated step was given (issue 18, review point 9):
`wording.services.keep_reasons(reasons, record, actor=...)`, called by every app."""

from __future__ import annotations

from pathlib import Path

import supportfirst
from supportfirst.audit.services import Actor
from supportfirst.councils.scoping import scope_for
from supportfirst.wording.models import WordingReason
from supportfirst.wording.services import Reasons, keep_reasons, words_to_check
from tests.pathway.factories import SupportRequestFactory

REASON = "Mum's own words to me at the visit, which she asked us to keep."


def test_no_reasons_keeps_nothing(practitioner, family):
    request = SupportRequestFactory(child=family.children.first())
    actor = Actor(practitioner, scope_for(practitioner), "test")
    assert keep_reasons(None, request, actor=actor) == []
    assert not WordingReason.objects.exists()


def test_reasons_are_kept_with_the_record_by_its_model_label(practitioner, family):
    request = SupportRequestFactory(child=family.children.first())
    actor = Actor(practitioner, scope_for(practitioner), "test")
    to_check = words_to_check({"the notes": "Mum refused the plan."}, council_id=None)
    reasons = Reasons.given(to_check, {to_check[0].item.reason_name: REASON})
    [kept] = keep_reasons(reasons, request, actor=actor)
    assert (kept.record_type, kept.record_id) == ("pathway.supportrequest", request.pk)
    assert (kept.family_id, kept.given_by, kept.words) == (family.pk, practitioner, "refused")
    assert kept.reason == REASON


def test_no_app_saves_reasons_another_way():
    package = Path(supportfirst.__file__).parent
    elsewhere = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "reasons.save(" in path.read_text(encoding="utf-8")
        and path != package / "wording" / "services.py"
    ]
    assert elsewhere == []
