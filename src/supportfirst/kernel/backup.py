"""Backups and restores of the whole database, made with each database's own tools.

A backup is one zip file holding two members:

- `supportfirst-backup.json`, the manifest: what the file is, the database engine, when it was
  made, the migrations applied, the number of rows in every table, and a check value of the
  access log's key (never the key itself);
- the database: `database.sqlite3`, copied with SQLite's online backup API while the service
  runs, or `database.pgdump`, made by `pg_dump --format=custom` from one snapshot.

The manifest's row counts and migrations are read from the same snapshot as the copy, so a
restore can prove every table came back whole. A restore refuses a file that is not a backup,
a backup of another engine, a backup made by a newer version of Support First, and a target
database that already holds tables (unless asked to replace them). Each restore happens in one
transaction: if it fails, the target is as it was.

The command line is `supportfirst backup` and `supportfirst restore` (cli.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

import supportfirst
from supportfirst.kernel import councilwall

FORMAT = "supportfirst-backup"
FORMAT_VERSION = 1
MANIFEST = "supportfirst-backup.json"
MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
_KEY_CHECK_MESSAGE = b"supportfirst backup: which access-log key made this log"


class BackupError(Exception):
    """Something an operator must put right; the message says what, in plain words."""


class NotABackup(BackupError):
    """The file is not a Support First backup (or is damaged)."""


class RestoredDiffers(BackupError):
    """The restore ran, but the database does not hold what the backup's manifest recorded."""


@dataclass(frozen=True)
class Manifest:
    engine: str
    created_at: datetime
    migrations: tuple[tuple[str, str], ...]
    tables: Mapping[str, int]
    audit_key_check: str
    made_by_version: str
    database_name: str

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "engine": self.engine,
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "migrations": [list(m) for m in self.migrations],
            "tables": dict(sorted(self.tables.items())),
            "audit_key_check": self.audit_key_check,
            "made_by_version": self.made_by_version,
            "database_name": self.database_name,
        }

    @classmethod
    def from_json(cls, data: Any) -> Manifest:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NotABackup("its manifest does not name the Support First backup format")
        if data.get("format_version") != FORMAT_VERSION:
            raise NotABackup(
                f"it is in backup format version {data.get('format_version')!r}; this version "
                f"of Support First reads version {FORMAT_VERSION}"
            )
        try:
            engine = str(data["engine"])
            if engine not in MEMBERS:
                raise ValueError(engine)
            return cls(
                engine=engine,
                created_at=datetime.fromisoformat(str(data["created_at"])),
                migrations=tuple((str(app), str(name)) for app, name in data["migrations"]),
                tables={str(t): int(n) for t, n in dict(data["tables"]).items()},
                audit_key_check=str(data["audit_key_check"]),
                made_by_version=str(data["made_by_version"]),
                database_name=str(data.get("database_name", "")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise NotABackup(f"its manifest is damaged ({type(error).__name__})") from None


@dataclass
class RestoreReport:
    manifest: Manifest
    database_name: str
    replaced_tables: int = 0
    migrations_applied: list[str] = field(default_factory=list)
    audit_key_matches: bool = True


# Reading what a database holds ---------------------------------------------------------------


def engine_of(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in MEMBERS:
        raise BackupError(f"Support First backs up SQLite and PostgreSQL, not {vendor}.")
    return vendor


def audit_key_check() -> str:
    """A value that tells whether two installations key the access log the same way, without
    revealing the key (an HMAC of a fixed message)."""
    key = str(settings.AUDIT_KEY).encode()
    return hmac.new(key, _KEY_CHECK_MESSAGE, hashlib.sha256).hexdigest()[:16]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_counts(cursor: Any, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _applied(cursor: Any) -> tuple[tuple[str, str], ...]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return tuple((str(app), str(name)) for app, name in cursor.fetchall())


def _sqlite_tables(cursor: Any) -> list[str]:
    """The tables, without SQLite's own (sqlite_sequence, sqlite_stat1: ANALYZE rewrites it)."""
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\'"
    )
    return [str(name) for (name,) in cursor.fetchall()]


def _postgres_tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
    )
    return [str(name) for (name,) in cursor.fetchall()]


def table_counts(alias: str = "default") -> dict[str, int]:
    """The number of rows in every table of the database, by table name."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = (
            _postgres_tables(cursor)
            if connection.vendor == "postgresql"
            else _sqlite_tables(cursor)
        )
        return _table_counts(cursor, tables)


# Making a backup -------------------------------------------------------------------------------


def backup(output: Path, *, alias: str = "default") -> Manifest:
    """Write a backup of the database to `output`. The file appears whole or not at all: it is
    written beside `output` under another name and renamed when complete."""
    engine = engine_of(alias)
    output = output.expanduser().resolve()
    if output.is_dir():
        raise BackupError(f"{output} is a folder: give the name of the backup file to write.")
    if not output.parent.is_dir():
        raise BackupError(f"The folder {output.parent} does not exist.")
    with tempfile.TemporaryDirectory(prefix="supportfirst-backup-") as work:
        copy = Path(work) / MEMBERS[engine]
        if engine == "sqlite":
            manifest = _backup_sqlite(copy, alias)
        else:
            manifest = _backup_postgres(copy, alias)
        partial = output.with_name(f".{output.name}.partial")
        try:
            with zipfile.ZipFile(partial, "w") as archive:
                archive.writestr(
                    MANIFEST, json.dumps(manifest.as_json(), indent=1), zipfile.ZIP_DEFLATED
                )
                compression = zipfile.ZIP_DEFLATED if engine == "sqlite" else zipfile.ZIP_STORED
                archive.write(copy, MEMBERS[engine], compression)
            partial.chmod(0o600)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def _manifest(engine: str, migrations: Any, tables: dict[str, int], name: str) -> Manifest:
    return Manifest(
        engine=engine,
        created_at=datetime.now(UTC),
        migrations=migrations,
        tables=tables,
        audit_key_check=audit_key_check(),
        made_by_version=supportfirst.__version__,
        database_name=name,
    )


def _backup_sqlite(copy: Path, alias: str) -> Manifest:
    name = str(connections[alias].settings_dict["NAME"])
    if not Path(name).is_file():
        raise BackupError(f"There is no database at {name}: nothing to back up.")
    source = sqlite3.connect(f"file:{name}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)  # SQLite's online backup API: a consistent copy while in use
        cursor = target.cursor()
        tables = _sqlite_tables(cursor)
        if "django_migrations" not in tables:
            raise BackupError(f"The database at {name} has no tables: run supportfirst migrate.")
        manifest = _manifest("sqlite", _applied(cursor), _table_counts(cursor, tables), name)
    finally:
        source.close()
        target.close()
    return manifest


def _require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise BackupError(
            f"{tool} was not found. Install PostgreSQL's client programs (on Debian or Ubuntu: "
            "apt-get install postgresql-client), the same major version as the server or newer."
        )
    return found


def postgres_environment(settings_dict: Mapping[str, Any]) -> dict[str, str]:
    """The libpq environment for PostgreSQL's own tools: the password never appears in a
    command line another user could read."""
    env = dict(os.environ)
    pairs = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("service", "PGSERVICE"),
        ("passfile", "PGPASSFILE"),
    ):
        pairs[variable] = options.get(option)
    for variable, value in pairs.items():
        if value not in (None, ""):
            env[variable] = str(value)
    return env


def _run(command: list[str], env: Mapping[str, str], what: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {done.stderr.strip() or done.returncode}")


def _backup_postgres(copy: Path, alias: str) -> Manifest:
    pg_dump = _require("pg_dump")
    connection = connections[alias]
    env = postgres_environment(connection.settings_dict)
    name = str(connection.settings_dict["NAME"])
    # One snapshot for the dump, the row counts and the migrations: pg_dump joins this
    # transaction's snapshot, so the manifest describes exactly what the dump holds.
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        tables = _postgres_tables(cursor)
        if "django_migrations" not in tables:
            raise BackupError(f"The database {name} has no tables: run supportfirst migrate.")
        # A login behind the second wall (kernel/councilwall.py) dumps every council's rows
        # only with "all councils" set, as the command line does; the owner is not held back.
        wall_env = {**env, "PGOPTIONS": f"-c {councilwall.SETTING}={councilwall.ALL}"}
        _run(
            [
                pg_dump,
                "--format=custom",
                "--enable-row-security",
                f"--snapshot={snapshot}",
                f"--file={copy}",
            ],
            wall_env,
            "pg_dump",
        )
        return _manifest("postgresql", _applied(cursor), _table_counts(cursor, tables), name)


# Reading a backup ------------------------------------------------------------------------------


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup file, or NotABackup saying why the file is not one."""
    if not path.is_file():
        raise BackupError(f"There is no file at {path}.")
    if not zipfile.is_zipfile(path):
        raise NotABackup("it is not a zip file, which every Support First backup is")
    try:
        with zipfile.ZipFile(path) as archive:
            if MANIFEST not in archive.namelist():
                raise NotABackup(f"it has no {MANIFEST} inside")
            manifest = Manifest.from_json(json.loads(archive.read(MANIFEST)))
            if MEMBERS[manifest.engine] not in archive.namelist():
                raise NotABackup(f"the database copy {MEMBERS[manifest.engine]} is missing")
    except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, OSError) as error:
        raise NotABackup(f"it cannot be read ({type(error).__name__})") from None
    return manifest


@contextlib.contextmanager
def _extracted(path: Path, member: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="supportfirst-restore-") as work:
        try:
            with zipfile.ZipFile(path) as archive:
                archive.extract(member, work)
        except (zipfile.BadZipFile, OSError) as error:
            raise NotABackup(f"its database copy cannot be read ({error})") from None
        yield Path(work) / member


# Restoring -------------------------------------------------------------------------------------


def _known_migrations(alias: str) -> set[tuple[str, str]]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return set(loader.disk_migrations)


def restore(path: Path, *, replace: bool = False, alias: str = "default") -> RestoreReport:
    """Restore the backup at `path` into the database, then bring its migrations up to date.
    Refuses (BackupError) before changing anything when the restore cannot be done safely."""
    manifest = read_manifest(path)
    engine = engine_of(alias)
    if manifest.engine != engine:
        raise BackupError(
            f"This is a backup of a {ENGINE_NAMES[manifest.engine]} database, and this "
            f"installation uses {ENGINE_NAMES[engine]}. Restore it into "
            f"{ENGINE_NAMES[manifest.engine]}: Support First does not convert between them."
        )
    unknown = sorted(set(manifest.migrations) - _known_migrations(alias))
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(
            f"This backup was made by a newer version of Support First "
            f"({manifest.made_by_version}): it has migrations this version does not know "
            f"({names}{', …' if len(unknown) > 5 else ''}). Install that version to restore it."
        )
    connection = connections[alias]
    existing = table_counts(alias)
    if existing and not replace:
        rows = sum(existing.values())
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} already has {len(existing)} "
            f"tables holding {rows} rows. Restore into a new, empty database, or add --replace "
            "to delete everything in this one first."
        )
    report = RestoreReport(
        manifest=manifest,
        database_name=str(connection.settings_dict["NAME"]),
        replaced_tables=len(existing),
        audit_key_matches=manifest.audit_key_check == audit_key_check(),
    )
    with _extracted(path, MEMBERS[engine]) as copy:
        if engine == "sqlite":
            _restore_sqlite(copy, alias)
        else:
            _restore_postgres(copy, alias, replace=bool(existing))
    _check_counts(manifest, table_counts(alias))
    report.migrations_applied = _migrate(alias)
    return report


def _restore_sqlite(copy: Path, alias: str) -> None:
    connection = connections[alias]
    connection.close()
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        (verdict,) = source.execute("PRAGMA integrity_check").fetchone()
        if verdict != "ok":
            raise NotABackup(f"its database copy is damaged ({verdict})")
        target_path = Path(str(connection.settings_dict["NAME"]))
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(target_path, timeout=20)
        try:
            # The backup API replaces the whole target in one transaction of the target's.
            source.backup(target)
        finally:
            target.close()
    except sqlite3.DatabaseError as error:
        raise NotABackup(f"its database copy cannot be read ({error})") from None
    finally:
        source.close()


_DROP_EVERYTHING = """
SELECT format('DROP %s IF EXISTS %I.%I CASCADE;',
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                             WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                             ELSE 'TABLE' END,
              n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend d  -- a table's own sequences go with the table
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                    AND d.deptype IN ('a', 'i'))
UNION ALL
SELECT format('DROP ROUTINE IF EXISTS %s CASCADE;', p.oid::regprocedure)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
"""


def _restore_postgres(copy: Path, alias: str, *, replace: bool) -> None:
    pg_restore = _require("pg_restore")
    psql = _require("psql")
    connection = connections[alias]
    env = postgres_environment(connection.settings_dict)
    preface = "BEGIN;\nSET LOCAL client_min_messages = warning;\n"
    if replace:
        with connection.cursor() as cursor:
            cursor.execute(_DROP_EVERYTHING)
            preface += "\n".join(str(statement) for (statement,) in cursor.fetchall()) + "\n"
    connection.close()
    # pg_restore turns the dump into SQL; psql runs it after any drops, all in one transaction
    # that stops at the first error. COMMIT is sent only once pg_restore has read the whole
    # dump, so a damaged dump or a failed statement leaves the database as it was.
    with tempfile.TemporaryFile() as errors:
        script = subprocess.Popen(
            [pg_restore, "--no-owner", "--file=-", str(copy)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        runner = subprocess.Popen(
            [psql, "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        assert script.stdout is not None
        assert runner.stdin is not None
        try:
            runner.stdin.write(preface.encode())
            shutil.copyfileobj(script.stdout, runner.stdin, 1024 * 1024)
            if script.wait() == 0:
                runner.stdin.write(b"COMMIT;\n")
        except BrokenPipeError:
            pass  # psql stopped at an error: the transaction was never committed
        finally:
            with contextlib.suppress(BrokenPipeError):
                runner.stdin.close()
        script.wait()
        runner.wait()
        if script.returncode or runner.returncode:
            errors.seek(0)
            said = errors.read().decode(errors="replace").strip()
            if script.returncode:
                raise NotABackup(f"pg_restore could not read its database copy: {said}")
            raise BackupError(f"The restore failed and nothing was changed: {said}")


def _check_counts(manifest: Manifest, now: Mapping[str, int]) -> None:
    differences = [
        f"{table}: {manifest.tables.get(table, 'no table')} in the backup, "
        f"{now.get(table, 'no table')} now"
        for table in sorted(set(manifest.tables) | set(now))
        if manifest.tables.get(table) != now.get(table)
    ]
    if differences:
        raise RestoredDiffers(
            "The restored database does not hold what the backup recorded: "
            + "; ".join(differences[:10])
        )


def _migrate(alias: str) -> list[str]:
    """Apply the migrations this version has and the backup did not (a backup made by an
    older version). The names of those applied."""
    connection = connections[alias]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    pending = [f"{migration.app_label}.{migration.name}" for migration, _back in plan]
    if pending:
        call_command("migrate", database=alias, interactive=False, verbosity=0)
    return pending
