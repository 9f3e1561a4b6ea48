"""The second wall between councils (PostgreSQL only): the application role that requests run as,
and the functions the row-level security policies read. The policies themselves are made after
every migrate from the models (kernel/councilwall.py `apply_policies`), so new tables are
covered too."""

from django.db import migrations


def make_role(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from supportfirst.kernel import councilwall

    schema_editor.execute(councilwall.FUNCTIONS)
    role = councilwall.app_role()
    if role:
        councilwall.create_role(schema_editor.execute, role)


class Migration(migrations.Migration):
    dependencies = [("councils", "0008_versions")]

    operations = [migrations.RunPython(make_role, migrations.RunPython.noop, elidable=False)]
