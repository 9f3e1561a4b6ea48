"""Timeline lines a family reads said "with an intrusion record (…)": staff words. Lines
already written say instead "with the reasons it was needed (…)", as new ones do."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace

OLD = ", with an intrusion record ("
NEW = ", with the reasons it was needed ("


def plain_words(apps, schema_editor):
    event = apps.get_model("pathway", "PathwayEvent")
    event.objects.filter(summary__contains=OLD).update(
        summary=Replace("summary", Value(OLD), Value(NEW))
    )


def staff_words(apps, schema_editor):
    event = apps.get_model("pathway", "PathwayEvent")
    event.objects.filter(summary__contains=NEW).update(
        summary=Replace("summary", Value(NEW), Value(OLD))
    )


class Migration(migrations.Migration):
    dependencies = [("pathway", "0004_safeguarding_route_and_no_quiet_refusal")]

    operations = [migrations.RunPython(plain_words, staff_words)]
