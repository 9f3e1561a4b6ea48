"""Create the single chain head row that writers lock while appending to the access log."""

from django.db import migrations

from supportfirst.audit.chain import GENESIS


def create_head(apps, schema_editor):
    apps.get_model("audit", "ChainHead").objects.get_or_create(
        pk=1, defaults={"sequence": 0, "hash": GENESIS}
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_head, migrations.RunPython.noop)]
