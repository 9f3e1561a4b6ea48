"""Backups proven by a restore, on SQLite and on PostgreSQL (issue 14, point 10).

Each test works on databases of its own, made and driven through the `supportfirst` command in
subprocesses, exactly as an operator would, whichever database the rest of the suite runs on:
a source database with the demo data, its backup, and empty targets to restore into. The
PostgreSQL cases need the local server (SUPPORTFIRST_TEST_POSTGRES, by default
postgres://postgres@127.0.0.1:5432/postgres) and PostgreSQL's client programs; they are skipped
only when those programs are not installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
AUDIT_KEY = "backup-test-key-0123456789abcdef0123456789abcdef"
POSTGRES_TOOLS = ("pg_dump", "pg_restore", "psql")
ADMIN_URL = os.environ.get(
    "SUPPORTFIRST_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"
)


@dataclass
class Database:
    """One database of a test's own, and the environment the `supportfirst` command needs to
    use it (its own data folder: witness file, secret key)."""

    engine: str
    name: str
    folder: Path

    @property
    def url(self) -> str:
        if self.engine == "sqlite":
            return f"sqlite:///{self.folder / 'supportfirst.sqlite3'}"
        return ADMIN_URL.rsplit("/", 1)[0] + "/" + self.name

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPORTFIRST_")}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env.update(
            PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            SUPPORTFIRST_TESTING="1",
            SUPPORTFIRST_DATA_DIR=str(self.folder),
            SUPPORTFIRST_AUDIT_KEY=AUDIT_KEY,
            DATABASE_URL=self.url,
        )
        return env

    def run(self, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "supportfirst", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def python(self, code: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
        prelude = (
            "import django, os\n"
            "os.environ['DJANGO_SETTINGS_MODULE'] = 'supportfirst.settings'\n"
            "django.setup()\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", prelude + code],
            env=self.env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done


def _admin() -> Any:
    import psycopg

    try:
        return psycopg.connect(ADMIN_URL, autocommit=True)
    except psycopg.OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not answering at {ADMIN_URL} ({error}). Start it, or set "
            "SUPPORTFIRST_TEST_POSTGRES to a server where this test may create databases."
        )


class Databases:
    """Makes empty databases of one engine, and drops them at the end."""

    def __init__(self, engine: str, folder: Path) -> None:
        self.engine = engine
        self.folder = folder
        self.made: list[str] = []

    def empty(self) -> Database:
        name = f"sf_backup_test_{uuid.uuid4().hex[:12]}"
        folder = self.folder / name
        folder.mkdir()
        if self.engine == "postgresql":
            with _admin() as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            self.made.append(name)
        return Database(self.engine, name, folder)

    def drop_all(self) -> None:
        if not self.made:
            return
        with _admin() as admin:
            for name in self.made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _databases(engine: str, folder: Path) -> Databases:
    if engine == "postgresql":
        missing = [tool for tool in POSTGRES_TOOLS if shutil.which(tool) is None]
        if missing:
            pytest.skip(
                f"PostgreSQL's client programs are not installed ({', '.join(missing)}): "
                "apt-get install postgresql-client"
            )
    return Databases(engine, folder)


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request, tmp_path) -> Iterator[Databases]:
    made = _databases(request.param, tmp_path)
    yield made
    made.drop_all()


def _source(databases: Databases) -> Database:
    """A database with the demo data (two councils, their families, a verified access log)."""
    database = databases.empty()
    migrated = database.run("migrate")
    assert migrated.returncode == 0, migrated.stderr
    database.python("from supportfirst import demo\ndemo.load()\n")
    verified = database.run("audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    return database


def _backup(database: Database, path: Path) -> Path:
    done = database.run("backup", "--output", str(path))
    assert done.returncode == 0, done.stderr
    assert "Backed up the" in done.stdout
    return path


# Reading every table, the same way on both engines ---------------------------------------------


def _connect(database: Database) -> Any:
    if database.engine == "sqlite":
        return sqlite3.connect(database.folder / "supportfirst.sqlite3")
    import psycopg

    return psycopg.connect(database.url)


def _tables(connection: Any, engine: str) -> list[str]:
    if engine == "sqlite":
        query = (
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
    else:
        query = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    return sorted(name for (name,) in connection.execute(query).fetchall())


def fingerprint(database: Database) -> dict[str, tuple[int, str]]:
    """Every table: its row count and a checksum of all its rows (order does not matter)."""
    connection = _connect(database)
    try:
        result = {}
        for table in _tables(connection, database.engine):
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            digests = sorted(hashlib.sha256(repr(row).encode()).hexdigest() for row in rows)
            result[table] = (len(rows), hashlib.sha256("".join(digests).encode()).hexdigest())
        return result
    finally:
        connection.close()


# One journey per engine ---------------------------------------------------------------------------


def test_backups_are_proven_by_a_restore_and_the_service_survives_failures(databases, tmp_path):
    """A demo database takes a while to build, so one journey per engine shares it: back up,
    restore into an empty database and compare every table, refuse what must be refused,
    restore an older backup and migrate it, kill a save half-way, and (PostgreSQL) lose every
    connection to the server."""
    source = _source(databases)
    backup_file = _backup(source, tmp_path / "support-first.backup")
    _the_backup_records_its_format_migrations_time_and_every_tables_rows(source, backup_file)
    target = _a_restore_into_an_empty_database_brings_back_every_table_row_for_row(
        databases, source, backup_file
    )
    _a_restore_refuses_a_database_that_holds_tables_unless_told_to_replace_them(
        target, source, backup_file
    )
    _a_restore_of_an_older_log_sets_the_witness_aside_and_says_so(target, backup_file)
    _a_damaged_or_newer_or_other_engines_backup_is_refused_and_nothing_changes(
        target, backup_file, tmp_path
    )
    _a_backup_from_an_older_version_is_restored_then_migrated(target, tmp_path)
    _killing_the_service_in_the_middle_of_a_save_leaves_nothing_half_written(target)
    if databases.engine == "postgresql":
        _the_service_answers_again_after_postgresql_drops_its_connections(target)


def manifest_member(manifest: dict[str, Any]) -> str:
    return {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[manifest["engine"]]


def _the_backup_records_its_format_migrations_time_and_every_tables_rows(
    source: Database, backup_file: Path
) -> None:
    with zipfile.ZipFile(backup_file) as archive:
        manifest = json.loads(archive.read("supportfirst-backup.json"))
        assert {"supportfirst-backup.json", manifest_member(manifest)} == set(archive.namelist())
    assert manifest["format"] == "supportfirst-backup"
    assert manifest["engine"] == source.engine
    assert manifest["created_at"].startswith("20")
    assert ["audit", "0001_initial"] in manifest["migrations"]
    assert {t: n for t, (n, _sum) in fingerprint(source).items()} == manifest["tables"]
    assert AUDIT_KEY not in json.dumps(manifest)
    assert backup_file.stat().st_mode & 0o077 == 0
    assert [p.name for p in backup_file.parent.iterdir() if p.name.endswith(".partial")] == []


def _a_restore_into_an_empty_database_brings_back_every_table_row_for_row(
    databases: Databases, source: Database, backup_file: Path
) -> Database:
    target = databases.empty()
    restored = target.run("restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert "every table holding the number of rows the backup recorded" in restored.stdout
    assert "none needed applying" in restored.stdout

    before, after = fingerprint(source), fingerprint(target)
    assert len(before) > 50
    assert before["audit_accessevent"][0] > 100
    assert before["families_family"][0] > 5
    assert after == before, [t for t in before if before[t] != after.get(t)]

    verified = target.run("audit", "verify")
    assert verified.returncode == 0, verified.stdout
    assert "The access log is intact" in verified.stdout
    return target


def _a_restore_refuses_a_database_that_holds_tables_unless_told_to_replace_them(
    target: Database, source: Database, backup_file: Path
) -> None:
    before = fingerprint(target)
    refused = target.run("restore", str(backup_file))
    assert refused.returncode == 2
    assert "already has" in refused.stderr
    assert "--replace" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert fingerprint(target) == before

    # Something written after the backup is gone after a restore with --replace.
    target.python(
        "from supportfirst.councils.models import Council\n"
        "Council.objects.filter(pk=Council.objects.order_by('pk').first().pk)"
        ".update(name='Renamed after the backup')\n"
    )
    assert fingerprint(target) != before
    replaced = target.run("restore", "--replace", str(backup_file))
    assert replaced.returncode == 0, replaced.stderr
    assert "Deleted the" in replaced.stdout
    assert fingerprint(target) == fingerprint(source)


def _a_restore_of_an_older_log_sets_the_witness_aside_and_says_so(
    target: Database, backup_file: Path
) -> None:
    # The service carries on after the backup: the log grows, and a verify witnesses it.
    target.python(
        "from supportfirst.audit.services import append_event\n"
        "from supportfirst.audit.models import AccessEvent\n"
        "event = AccessEvent.objects.order_by('pk').last()\n"
        "fields = ('actor_id', 'actor_username', 'role', 'council_id', 'family_id', "
        "'record_type', 'record_id', 'action', 'request_id')\n"
        "append_event(**{name: getattr(event, name) for name in fields})\n"
    )
    assert target.run("audit", "verify").returncode == 0
    restored = target.run("restore", "--replace", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert "witness file described the log before this restore" in restored.stdout
    assert list(target.folder.glob("access-log-witness.before-restore-*.json"))
    verified = target.run("audit", "verify")
    assert verified.returncode == 0, verified.stdout


def _rewritten(backup_file: Path, path: Path, *, manifest_change: Any = None, cut: bool = False):
    with zipfile.ZipFile(backup_file) as original, zipfile.ZipFile(path, "w") as copy:
        manifest = json.loads(original.read("supportfirst-backup.json"))
        if manifest_change:
            manifest_change(manifest)
        copy.writestr("supportfirst-backup.json", json.dumps(manifest))
        member = manifest_member(manifest)
        data = original.read(member)
        copy.writestr(member, data[: len(data) // 2] if cut else data)
    return path


def _newer(manifest: dict[str, Any]) -> None:
    manifest["migrations"].append(["families", "9999_from_the_future"])
    manifest["made_by_version"] = "9.0.0"


def _a_damaged_or_newer_or_other_engines_backup_is_refused_and_nothing_changes(
    target: Database, backup_file: Path, tmp_path: Path
) -> None:
    before = fingerprint(target)
    damaged = _rewritten(backup_file, tmp_path / "damaged.backup", cut=True)
    refused = target.run("restore", "--replace", str(damaged))
    assert refused.returncode == 2, refused.stdout
    assert "is not a Support First backup" in refused.stderr
    assert "Nothing was changed" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert fingerprint(target) == before

    newer = _rewritten(backup_file, tmp_path / "newer.backup", manifest_change=_newer)
    refused = target.run("restore", "--replace", str(newer))
    assert refused.returncode == 2
    assert "made by a newer version of Support First (9.0.0)" in refused.stderr
    assert "families.9999_from_the_future" in refused.stderr
    assert fingerprint(target) == before

    # A manifest that does not match its copy: the restore says it did not come back whole.
    def _one_row_more(manifest: dict[str, Any]) -> None:
        manifest["tables"]["councils_council"] += 1

    lying = _rewritten(backup_file, tmp_path / "lying.backup", manifest_change=_one_row_more)
    differs = target.run("restore", "--replace", str(lying))
    assert differs.returncode == 1, differs.stderr
    assert "did not come back whole" in differs.stderr
    assert "councils_council" in differs.stderr
    assert "Traceback" not in differs.stderr

    # The engine is checked before any connection: the other engine's database need not exist.
    other = Database(
        "postgresql" if target.engine == "sqlite" else "sqlite", "sf_never_made", tmp_path
    )
    refused = other.run("restore", str(backup_file))
    assert refused.returncode == 2
    assert "Support First does not convert between them" in refused.stderr


def _a_backup_from_an_older_version_is_restored_then_migrated(
    target: Database, tmp_path: Path
) -> None:
    from django.db.migrations.loader import MigrationLoader

    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    (leaf,) = [node for node in graph.leaf_nodes() if node[0] == "axes"]
    (parent,) = [p.key for p in graph.node_map[leaf].parents if p.key[0] == "axes"]
    rolled_back = target.run("manage", "migrate", "axes", parent[1])
    assert rolled_back.returncode == 0, rolled_back.stderr
    older_file = _backup(target, tmp_path / "older.backup")

    restored = target.run("restore", "--replace", str(older_file))
    assert restored.returncode == 0, restored.stderr
    assert f"applied 1 newer migration (axes.{leaf[1]})" in restored.stdout
    assert target.run("manage", "migrate", "--check").returncode == 0


# Failures in the middle --------------------------------------------------------------------------

_SUBMIT_AND_HANG = """
import sys, time
from django.db.models.signals import post_save
from supportfirst.asking import services
from supportfirst.asking.models import OnlineRequest
from supportfirst.councils.models import Council
from supportfirst.families.models import Family
from tests.asking.factories import complete_answers

council = Council.objects.order_by("pk").first()
draft = services.draft_start(council=council)
services.draft_answer(draft=draft, answers=complete_answers())
print(f"draft {draft.pk}", flush=True)

def hang(sender, **kwargs):
    # The last row of the save is written; the transaction has not committed.
    print(f"inside the transaction: {Family.objects.count()} families", flush=True)
    time.sleep(300)

post_save.connect(hang, sender=OnlineRequest)
services.online_request_submit(draft=draft)
print("committed", flush=True)
"""


def _killing_the_service_in_the_middle_of_a_save_leaves_nothing_half_written(
    target: Database,
) -> None:
    before = fingerprint(target)
    prelude = (
        "import django, os\nos.environ['DJANGO_SETTINGS_MODULE'] = 'supportfirst.settings'\n"
        "django.setup()\n"
    )
    saving = subprocess.Popen(
        [sys.executable, "-c", prelude + _SUBMIT_AND_HANG],
        env=target.env(),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert saving.stdout is not None
        draft_line = saving.stdout.readline()
        inside_line = saving.stdout.readline()
    finally:
        saving.send_signal(signal.SIGKILL)
        saving.wait(timeout=30)
    assert draft_line.startswith("draft "), saving.stderr.read() if saving.stderr else ""
    families_before = before["families_family"][0]
    # Inside the transaction the new family was there: the save was well under way.
    assert inside_line == f"inside the transaction: {families_before + 1} families\n"

    after = fingerprint(target)
    changed = {t for t in before if before[t] != after[t]}
    # Only the draft, saved and committed before the request was sent, is new.
    assert changed == {"asking_onlinerequestdraft"}
    assert after["asking_onlinerequestdraft"][0] == before["asking_onlinerequestdraft"][0] + 1
    checked = target.python(
        "from supportfirst.asking.models import OnlineRequestDraft\n"
        f"draft = OnlineRequestDraft.objects.get(pk={int(draft_line.split()[1])})\n"
        "print(draft.submitted_at is None, draft.answers['first_name'])\n"
    )
    assert checked.stdout == "True Arjun\n"
    verified = target.run("audit", "verify")
    assert verified.returncode == 0, verified.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _the_service_answers_again_after_postgresql_drops_its_connections(target: Database) -> None:
    port = _free_port()
    # One thread, so the second request reuses the connection the server kept (CONN_MAX_AGE).
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import django, os\nos.environ['DJANGO_SETTINGS_MODULE'] = 'supportfirst.settings'\n"
            "django.setup()\nfrom waitress import serve\n"
            "from supportfirst.wsgi import application\n"
            f"serve(application, host='127.0.0.1', port={port}, threads=1)\n",
        ],
        env=target.env(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/ask/"
        for _attempt in range(150):
            try:
                status, page = _get(url)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start")
        assert status == 200
        assert "Ashvale Borough Council" in page
        with _admin() as admin:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [target.name],
            ).fetchone()
        assert killed is not None
        assert killed[0] >= 1
        status, page = _get(url)
        assert status == 200, page
        assert "Ashvale Borough Council" in page
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)


# Refusals that need no database ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"not a backup at all\n", "it is not a zip file"),
        (None, "has no supportfirst-backup.json inside"),
        (b"", "it is not a zip file"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_plainly(tmp_path, content, says):
    target = Database("sqlite", "empty", tmp_path)
    path = tmp_path / "suspicious.backup"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notes.txt", "hello")
    else:
        path.write_bytes(content)
    refused = target.run("restore", str(path))
    assert refused.returncode == 2
    assert "is not a Support First backup" in refused.stderr
    assert says in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "supportfirst.sqlite3").exists()


def test_a_database_that_does_not_answer_is_reported_plainly(tmp_path):
    database = Database("postgresql", "nowhere", tmp_path)
    env = database.env()
    env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:9/nowhere"
    done = subprocess.run(
        [sys.executable, "-m", "supportfirst", "backup", "--output", str(tmp_path / "x.backup")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 2
    assert "No backup was made. The database could not be read" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.glob("*.backup")) == []


def test_a_backup_never_leaves_a_half_written_file_under_its_name(tmp_path):
    database = Database("sqlite", "empty", tmp_path)
    missing = database.run("backup", "--output", str(tmp_path / "no-such-folder" / "x.backup"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr
