"""Confirming an eligibility decision uses the shared wording gate (issue 18, review point 8):
one reason per distinct flagged phrase in the practitioner's words, and a real one."""

from __future__ import annotations

from django.urls import reverse

from supportfirst.wording.models import WordingReason
from tests.conftest import signed_in_client


def test_confirming_eligibility_refuses_x_and_keeps_a_real_reason(ashvale_family, worker, manager):
    from supportfirst.eligibility.services import Departure, Departures
    from tests.eligibility.factories import decision_for

    why = "Mum failed to engage with the club. Mum failed to engage with the bus."
    decision = decision_for(
        ashvale_family,
        practitioner=worker,
        departures=Departures(services={"travel-help": Departure(True, why)}),
    )
    client = signed_in_client(manager)
    confirm = reverse("eligibility:confirm", kwargs={"decision_id": decision.pk})
    first = client.post(confirm, {})
    assert first.status_code == 400
    assert "Words to check before the family reads this" in first.content.decode()
    names = [n for n in first.context["confirm_form"].fields if n.startswith("reason_")]
    assert len(names) == 1  # one phrase, used twice
    refused = client.post(confirm, {names[0]: "x"})
    assert refused.status_code == 400
    assert "too short" in refused.content.decode()
    decision.refresh_from_db()
    assert decision.status == "awaiting_confirmation"
    done = client.post(confirm, {names[0]: "Quoting what the club's manager wrote to us."})
    assert done.status_code == 302
    decision.refresh_from_db()
    assert decision.status == "confirmed"
    assert WordingReason.objects.get(record_id=decision.pk).words == "failed to engage"
