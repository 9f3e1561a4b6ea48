"""The second wall between councils: PostgreSQL row-level security.

The scoping layer (`councils/scoping.py`) is the first wall: every query of a council's records
goes through `visible_to(scope)`. This is the second: on PostgreSQL, each table that holds a
council's records has a row-level security policy that lets a query see (and write) only the rows
of the council set for the connection, so a bug in the application's scoping still cannot read
another council's rows.

- Each request runs as the application role (`COUNCIL_WALL_ROLE`, `supportfirst_app`), which does
  not own the tables and cannot bypass row-level security, with `app.council_id` set to the
  signed-in person's council (`councils.middleware.CouncilWallMiddleware`), or to no council until
  a public page or the API finds which council it is for (`enter_council`). With no council set,
  no council's rows are visible.
- The command line (demo data, backups, daily jobs) runs as its own login with the setting "all",
  which only `run_for_all_councils` sets, and nothing a request reaches calls it.
- `apply_policies` runs after every `migrate` (as the owner), so a new table is covered as soon
  as it is made; `covered_tables` says which tables it covers and how, `EXEMPT` which it leaves
  open and why. `tests/kernel/test_councilwall.py` fails if a table with a council's or a
  family's column is in neither.

On SQLite every function here does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection, models

SETTING = "app.council_id"
ALL = "all"

# Tables that hold a council's rows but stay open, each with the reason.
EXEMPT: dict[str, str] = {
    "accounts_invitation": "found by the link emailed to a new member of staff, before the"
    " council is known",
    "councils_membership": "finds a signed-in person's council, before any council is set",
    "councils_extrarole": "a person's other roles, read with their membership",
    "eligibility_criteriaadoption": "published: the public criteria pages list every council's",
    "eligibility_shortbreaksstatement": "published: the public criteria pages show it",
    "localprotocol_protocolversion": "published: the public protocol pages list every council's",
    "localprotocol_protocolsection": "published with its protocol version",
    "localprotocol_sectioncomment": "reaches its council only through a protocol version,"
    " which stays open",
    "localprotocol_protocolevent": "reaches its council only through a protocol version, which"
    " stays open",
    "asking_onlinerequestdraft": "found by the link emailed to the person, before the council"
    " is known",
    "asking_familyinvitation": "found by the link emailed to the person, before the council is"
    " known",
}

_process_setting = ""
# The role and council of the request this thread is serving, or None between requests. Set
# on the connection at once if it is open, or as soon as the request opens one.
_request = threading.local()


def is_on() -> bool:
    return connection.vendor == "postgresql"


def app_role() -> str:
    return str(getattr(settings, "COUNCIL_WALL_ROLE", "") or "")


def run_for_all_councils() -> None:
    """For the command line only: this process reads and writes every council's rows."""
    global _process_setting
    _process_setting = ALL
    if is_on() and connection.connection is not None:
        _set(connection, None, ALL)


def _set(conn: Any, role: str | None, council: str) -> None:
    """Set the role (None: back to the connection's own login) and the council, in one query."""
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('role', %s, false), set_config(%s, %s, false)",
            [role or "none", SETTING, council],
        )


def on_connection_created(sender: Any, connection: Any, **kwargs: Any) -> None:
    """A new connection: the request's role and council if it is serving one, else the
    process's own setting (no council; "all" on the command line)."""
    if connection.vendor != "postgresql" or connection.alias != "default":
        return
    state = getattr(_request, "state", None)
    if state is not None:
        _set(connection, *state)
    elif _process_setting:
        _set(connection, None, _process_setting)


def _apply(role: str | None, council: str) -> None:
    _request.state = (role, council)
    if connection.connection is not None:
        _set(connection, role, council)


def start_request(council_id: int | None = None) -> None:
    """At the start of a request: the application role, and the signed-in person's council (or
    none yet)."""
    if is_on():
        _apply(app_role() or None, "" if council_id is None else str(int(council_id)))


def enter_council(council_id: int) -> None:
    """The council this request is for, as soon as it is known (after sign-in, from the URL of a
    public page, from an emailed link, from an API token)."""
    state = getattr(_request, "state", None)
    if is_on() and state is not None:
        _apply(state[0], str(int(council_id)))


def end_request() -> None:
    """Back to the owner and the process's own setting (nothing, or "all" on the command line)."""
    if not is_on():
        return
    had_request = getattr(_request, "state", None) is not None
    _request.state = None
    if not had_request or connection.connection is None:
        return
    try:
        _set(connection, None, _process_setting)
    except DatabaseError:
        # A broken transaction: the next request sets its own role and council first anyway.
        if not connection.in_atomic_block:
            connection.close()


def council_of_family(family_id: int) -> int | None:
    """The council of a family found by an emailed link, before its council is set (the one
    question the wall answers without a council: which council, never what is in it)."""
    if not is_on():
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT supportfirst_family_council(%s)", [family_id])
        row = cursor.fetchone()
    return None if row is None or row[0] is None else int(row[0])


@contextmanager
def acting_for(council_id: int | None) -> Iterator[None]:
    """Run the block as a request would: the application role, with one council or none."""
    start_request(council_id)
    try:
        yield
    finally:
        end_request()


# The policies.


@dataclass(frozen=True)
class Cover:
    table: str
    condition: str
    how: str


def _own_condition() -> str:
    # Each function is wrapped in a scalar subquery, so PostgreSQL works it out once per query
    # (an InitPlan) rather than once per row, and can use the council's index with it.
    return "((SELECT supportfirst_all_councils()) OR council_id = (SELECT supportfirst_council()))"


def _parent_condition(table: str, column: str, parent_table: str, parent_pk: str) -> str:
    # The parent's own policy applies inside: a row is visible when its parent is.
    return f'EXISTS (SELECT 1 FROM "{parent_table}" p WHERE p."{parent_pk}" = "{table}"."{column}")'


def covered_tables(with_council_column: set[str] | None = None) -> list[Cover]:
    """Every table the wall covers: those with their own council column, then those reached
    through a covered parent (a family, a criteria draft), found from the models.

    `with_council_column`: the tables that have a council column in the database itself, when
    known (`apply_policies`), so that a database migrated back to before a table had one (a
    rollback) still gets a policy that works: through the table's parent."""
    concrete = [m for m in apps.get_models() if not m._meta.proxy and m._meta.managed]
    covers: dict[str, Cover] = {}
    for model in concrete:
        table = model._meta.db_table
        if table in EXEMPT:
            continue
        columns = {f.column for f in model._meta.concrete_fields}
        in_database = with_council_column is None or table in with_council_column
        if "council_id" in columns and in_database:
            covers[table] = Cover(table, _own_condition(), "its council")
    changed = True
    while changed:
        changed = False
        for model in concrete:
            table = model._meta.db_table
            if table in covers or table in EXEMPT:
                continue
            parent = _covered_parent(model, covers)
            if parent is not None:
                field, parent_model = parent
                covers[table] = Cover(
                    table,
                    _parent_condition(
                        table,
                        field.column,
                        parent_model._meta.db_table,
                        parent_model._meta.pk.column,
                    ),
                    f"its {field.name} ({parent_model._meta.db_table})",
                )
                changed = True
    return sorted(covers.values(), key=lambda c: c.table)


def _covered_parent(
    model: type[models.Model], covers: dict[str, Cover]
) -> tuple[models.Field, type[models.Model]] | None:
    # The family first: every family record reaches its council through it.
    fields = sorted(
        (f for f in model._meta.concrete_fields if f.is_relation and not f.null),
        key=lambda f: (f.name != "family", f.name),
    )
    for field in fields:
        parent_model = field.related_model
        if isinstance(parent_model, type) and parent_model._meta.db_table in covers:
            return field, parent_model
    return None


FUNCTIONS = """
CREATE OR REPLACE FUNCTION supportfirst_council() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.council_id', true) ~ '^[0-9]+$'
              THEN current_setting('app.council_id', true)::bigint END
$$;
CREATE OR REPLACE FUNCTION supportfirst_family_council(family bigint) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT council_id FROM families_family WHERE id = family
$$;
CREATE OR REPLACE FUNCTION supportfirst_all_councils() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.council_id', true) = 'all', false)
$$;
"""


def create_role(execute: Callable[[str], Any], role: str) -> None:
    """The application role: no login, not a superuser, cannot bypass row-level security, owns
    nothing. The owner is made a member so it can `SET ROLE` to it."""
    quoted = role.replace('"', '""')
    literal = role.replace("'", "''")
    execute(f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{literal}') THEN
    CREATE ROLE "{quoted}" NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$ BEGIN
  EXECUTE 'GRANT ' || quote_ident('{literal}') || ' TO ' || quote_ident(current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
""")


def apply_policies(using: str = "default", **kwargs: Any) -> None:
    """After `migrate`, as the owner: the functions, the role's grants and every table's
    policy, made again each time (so they follow the models)."""
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "postgresql":
        return
    role = app_role()
    with conn.cursor() as cursor:
        cursor.execute("RESET ROLE")
        cursor.execute(FUNCTIONS)
        if role:
            create_role(cursor.execute, role)
            quoted = conn.ops.quote_name(role)
            cursor.execute(
                f"GRANT USAGE ON SCHEMA public TO {quoted}; "
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}; "
                f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {quoted}; "
                # The access log only grows (docs/operations.md): never given back after a migrate.
                f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_accessevent FROM {quoted}"
            )
        tables = set(conn.introspection.table_names(cursor))
        cursor.execute(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'council_id'"
        )
        with_council_column = {name for (name,) in cursor.fetchall()}
        for cover in covered_tables(with_council_column):
            if cover.table not in tables:
                continue
            name = f'"{cover.table}"'
            cursor.execute(
                f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY; "
                f"DROP POLICY IF EXISTS council_wall ON {name}; "
                f"CREATE POLICY council_wall ON {name} USING ({cover.condition}) "
                f"WITH CHECK ({cover.condition})"
            )
