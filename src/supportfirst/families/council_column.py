"""The migration steps that give a family record its family's council in a column of its own
(`FamilyRecordWithCouncil`): add the column, fill it from each record's family in one
statement, make it required, and on PostgreSQL tie the pair (family, council) to the family's
own pair with a foreign key, so that no one (the application, the command line, a mistaken
bulk update) can store a council that is not the family's.

The foreign key's check is PostgreSQL's own and is not subject to row-level security, so it
holds whoever writes; it follows the family if a family's council were ever changed (ON UPDATE
CASCADE). On SQLite, where there is no council wall, the model's save keeps the column right.
"""

from __future__ import annotations

from typing import Any

import django.db.models.deletion
from django.db import migrations, models


def constraint_name(table: str) -> str:
    return f"{table}_family_council_fk"


def _fill(table: str) -> Any:
    def fill(apps: Any, schema_editor: Any) -> None:
        connection = schema_editor.connection
        quoted = connection.ops.quote_name(table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"UPDATE {quoted} AS r SET council_id = f.council_id "
                    "FROM families_family AS f WHERE f.id = r.family_id"
                )
                # The rows' foreign-key checks now, so the table can be altered next in this
                # transaction ("pending trigger events" otherwise).
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            else:
                cursor.execute(
                    f"UPDATE {quoted} SET council_id = (SELECT f.council_id FROM "
                    f"families_family AS f WHERE f.id = {quoted}.family_id)"
                )

    return fill


def _on_postgresql(table: str, statement: str) -> Any:
    """A migration step that alters `table` on PostgreSQL only (`{table}` and `{name}`, the
    foreign key's name, quoted); nothing on SQLite, which has no council wall."""

    def step(apps: Any, schema_editor: Any) -> None:
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(statement.format(table=quote(table), name=quote(constraint_name(table))))

    return step


TIE = (
    "ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY (family_id, council_id) "
    "REFERENCES families_family (id, council_id) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED"
)
UNTIE = "ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}"


def _council_field(*, null: bool) -> models.ForeignKey:
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="councils.council",
    )


def with_family_council(model_name: str, table: str) -> list[Any]:
    """The operations that give `model_name` (stored in `table`) its family's council."""
    return [
        migrations.AddField(model_name=model_name, name="council", field=_council_field(null=True)),
        migrations.RunPython(_fill(table), migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name=model_name, name="council", field=_council_field(null=False)
        ),
        migrations.RunPython(
            _on_postgresql(table, TIE), _on_postgresql(table, UNTIE), elidable=False
        ),
    ]
