"""The database cache's table, where the rate limits keep their counts (settings.CACHES).
Made here so that `migrate` makes it everywhere; a cache that is not in the database (the test
suite's local memory) needs no table, and createcachetable then does nothing."""

from django.core.management import call_command
from django.db import migrations


def make_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(make_cache_table, migrations.RunPython.noop)]
