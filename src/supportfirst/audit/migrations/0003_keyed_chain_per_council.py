"""One keyed chain per council.

The old log was one unkeyed SHA-256 chain for the whole service. This checks it first (with the
old rule, kept here as it was), and refuses to go on if it is broken. Then it signs each
council's events, in their old order, as that council's own chain with the HMAC key from the
environment (settings.AUDIT_KEY), and makes one chain head per council.
"""

import hashlib
import hmac
import json
from datetime import UTC

from django.conf import settings
from django.db import migrations, models

FIELDS = (
    "sequence",
    "occurred_at",
    "actor_id",
    "actor_username",
    "role",
    "council_id",
    "family_id",
    "record_type",
    "record_id",
    "action",
    "request_id",
)
GENESIS = "0" * 64


def _body(event, previous_hash):
    body = {name: getattr(event, name) for name in FIELDS}
    body["occurred_at"] = event.occurred_at.astimezone(UTC).isoformat()
    body["previous_hash"] = previous_hash
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def sign_each_council(apps, schema_editor):
    AccessEvent = apps.get_model("audit", "AccessEvent")
    ChainHead = apps.get_model("audit", "ChainHead")
    events = list(AccessEvent.objects.order_by("sequence"))
    previous = GENESIS
    for number, event in enumerate(events, start=1):
        expected = hashlib.sha256(_body(event, previous)).hexdigest()
        if event.sequence != number or event.previous_hash != previous or event.hash != expected:
            raise RuntimeError(
                f"The access log is broken at event {number}: it cannot be upgraded. Restore the "
                "database from a backup taken before the problem, or ask for help; nothing was "
                "changed."
            )
        previous = event.hash
    old_head = ChainHead.objects.order_by("pk").first()  # the old log had one head
    if events and (
        old_head is None or (old_head.sequence, old_head.hash) != (len(events), previous)
    ):
        raise RuntimeError(
            "The access log's head does not match its last event: it cannot be upgraded. "
            "Nothing was changed."
        )
    ChainHead.objects.all().delete()
    key = str(settings.AUDIT_KEY).encode("utf-8")
    heads: dict[int, tuple[int, str]] = {}
    # Move every event out of the way first, so per-council numbers never collide.
    AccessEvent.objects.update(sequence=models.F("sequence") + 10**12)
    for event in events:
        sequence, previous = heads.get(event.council_id, (0, GENESIS))
        event.sequence = sequence + 1
        digest = hmac.new(key, _body(event, previous), hashlib.sha256).hexdigest()
        AccessEvent.objects.filter(pk=event.pk).update(
            sequence=event.sequence, previous_hash=previous, hash=digest
        )
        heads[event.council_id] = (event.sequence, digest)
    for council_id, (sequence, digest) in heads.items():
        ChainHead.objects.create(council_id=council_id, sequence=sequence, hash=digest)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_chain_head")]

    operations = [
        migrations.AddField(
            model_name="chainhead",
            name="council_id",
            field=models.BigIntegerField(null=True, unique=True),
        ),
        migrations.AlterField(
            model_name="accessevent",
            name="sequence",
            field=models.PositiveBigIntegerField(),
        ),
        migrations.RemoveIndex(
            model_name="accessevent",
            name="audit_acces_council_99490a_idx",
        ),
        migrations.RunPython(sign_each_council, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="chainhead",
            name="council_id",
            field=models.BigIntegerField(unique=True),
        ),
        migrations.AddConstraint(
            model_name="accessevent",
            constraint=models.UniqueConstraint(
                fields=("council_id", "sequence"), name="one_event_per_place_in_a_chain"
            ),
        ),
    ]
