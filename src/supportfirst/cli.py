"""The `supportfirst` command: everything an operator does.

    supportfirst serve [--demo] [--port N]     start the service (demo: SQLite, demo data)
    supportfirst worker [--demo]               run background tasks and the daily schedule
    supportfirst demo code USERNAME            the current sign-in code of a demo staff account
    supportfirst demo load                     load the demo data into an empty database
    supportfirst audit verify [--demo]         check the access log's hash chain
    supportfirst api token create USER --name N [--scope read|read_and_move] [--expires DAYS|DATE]
                                               a token for another council system
    supportfirst api token list|revoke ID      the tokens, and stopping one
    supportfirst workdays add|between|left     working days in England and Wales
    supportfirst language check [--json] FILE  respectful-language and plain-English checks
    supportfirst criteria test [FILE ...]      check criteria files and run their examples
    supportfirst criteria explain FILE CASE    a criteria decision for a case, with reasons
    supportfirst check [--deploy]              Django's system checks
    supportfirst migrate                       bring the database up to date
    supportfirst backup --output FILE          a backup of the whole database, in one file
    supportfirst restore FILE [--replace]      put a backup back into an empty database
    supportfirst manage ARGS...                any Django management command

Sub-commands that need no database (language checks, working days, criteria) register
themselves in COMMAND_MODULES and never import Django.

Imports sit inside the functions here on purpose: each sub-command loads only what it needs, so
`supportfirst workdays` or `language check` starts in a fraction of a second without Django, and
Django is set up (settings checked, apps loaded) before any app module is imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Modules that add their own sub-commands: each has register(subparsers) and sets a handler.
COMMAND_MODULES: list[str] = [
    "supportfirst.workdays_cli",
    "supportfirst.rules.language.cli",
    "supportfirst.rules.criteria.cli",
    "supportfirst.rules.protocol.cli",
]


def _django_setup(*, demo: bool = False, all_councils: bool = True) -> None:
    """Set Django up. Every command but `serve` works across councils (demo data, backups, daily
    jobs): only here, on the command line, is the second wall's "all councils" set
    (kernel/councilwall.py); the web service's requests each set their own council."""
    if demo:
        os.environ["SUPPORTFIRST_DEMO"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportfirst.settings")
    import django

    django.setup()
    if all_councils:
        from supportfirst.kernel import councilwall

        councilwall.run_for_all_councils()


def _refuse_insecure() -> int | None:
    """Outside demo mode, say exactly which settings are missing and stop."""
    from supportfirst import config

    if config.demo_mode() or config.env_bool("SUPPORTFIRST_TESTING", False):
        return None
    problems = config.production_problems()
    if not problems:
        return None
    print("Support First will not start: the configuration is not safe to run.", file=sys.stderr)
    for problem in problems:
        print(f"- {problem.setting}: {problem.message}", file=sys.stderr)
    print(
        "To try the service on this computer with demo data, run: supportfirst serve --demo",
        file=sys.stderr,
    )
    return 2


def _reload_static_manifest() -> None:
    """Read the manifest collectstatic has just written, so pages link the hashed file names."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    storage: Any = staticfiles_storage
    if hasattr(storage, "load_manifest"):
        storage.hashed_files, storage.manifest_hash = storage.load_manifest()


def cmd_serve(args: argparse.Namespace) -> int:
    if not args.demo and (refusal := _refuse_insecure()) is not None:
        return refusal
    from supportfirst import config

    folder = config.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if args.demo:
        # Each request's time and database queries, in the log and the Server-Timing header.
        os.environ.setdefault("SUPPORTFIRST_REQUEST_TIMING", "1")
    _django_setup(demo=args.demo, all_councils=False)
    from django.core.management import call_command

    from supportfirst import frontend

    missing = frontend.missing_assets()
    if missing:
        print(frontend.MISSING_MESSAGE.format(missing=", ".join(missing)), file=sys.stderr)
        return 2
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    _reload_static_manifest()
    url = f"http://127.0.0.1:{args.port}/"
    if args.demo:
        from supportfirst import demo

        created = demo.load_if_empty()
        print(f"Support First (demo mode). Data folder: {folder}")
        print("Demo data loaded." if created else "Demo data already present: kept as it is.")
        print(demo.sign_in_help())
    worker = _start_demo_worker() if args.demo else None
    if worker is not None:
        # Stopped with SIGTERM as with Ctrl+C, so the worker is stopped too.
        signal.signal(signal.SIGTERM, _exit_on_signal)
    print(f"Open {url} in your browser. Press Ctrl+C to stop.", flush=True)
    from waitress import serve

    from supportfirst.wsgi import application

    try:
        serve(application, host=args.host, port=args.port, threads=8, ident="Support First")
    finally:
        if worker is not None:
            _stop(worker)
    return 0


def _start_demo_worker() -> subprocess.Popen[bytes]:
    """The demo's background worker (messages, reminders, retention), as its own process beside
    the web server, stopped with it. Production runs `supportfirst worker` separately."""
    print("Started a background worker for messages and daily tasks.")
    return subprocess.Popen([sys.executable, "-m", "supportfirst", "worker", "--demo"])


def _exit_on_signal(signum: int, frame: Any) -> None:
    raise SystemExit(0)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def cmd_worker(args: argparse.Namespace) -> int:
    """Run queued tasks and queue the daily ones until stopped (Ctrl+C or SIGTERM)."""
    if not args.demo and (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup(demo=args.demo)
    from django.core.management import call_command

    if args.demo:
        call_command("migrate", interactive=False, verbosity=0)
    call_command("worker", no_scheduler=args.no_scheduler)
    return 0


def cmd_demo_code(args: argparse.Namespace) -> int:
    _django_setup(demo=True)
    from django.db import DatabaseError

    from supportfirst import config, demo

    try:
        print(demo.current_code(args.username))
    except demo.NotADemoAccount as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except DatabaseError:
        print(
            f"There is no demo data in {config.data_dir()}: run `supportfirst serve --demo` "
            "first (with the same SUPPORTFIRST_DATA_DIR).",
            file=sys.stderr,
        )
        return 2
    return 0


def cmd_demo_load(args: argparse.Namespace) -> int:
    _django_setup(demo=True)
    from django.core.management import call_command

    from supportfirst import demo

    call_command("migrate", interactive=False, verbosity=0)
    created = demo.load_if_empty()
    print("Demo data loaded." if created else "Demo data already present: kept as it is.")
    print(demo.sign_in_help())
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    if not args.demo and (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup(demo=args.demo)
    from django.conf import settings

    from supportfirst.families.selectors import verify_access_log

    verdict = verify_access_log(witness=settings.AUDIT_WITNESS_FILE)
    if verdict.no_earlier_check:
        print(
            f"No earlier check was found in {settings.AUDIT_WITNESS_FILE}: this check cannot "
            "tell whether events were removed from the end before now. If the log was checked "
            "before, someone deleted that file: find out why."
        )
    if verdict.ok:
        print(f"The access log is intact: {verdict.events_checked} events checked.")
        for council_id, council in sorted(verdict.councils.items()):
            print(
                f"Council {council_id}: {council.events_checked} events, "
                f"last hash {council.head_hash}"
            )
        return 0
    count = len(verdict.problems)
    print(f"The access log is broken: {count} problem{'' if count == 1 else 's'} found.")
    for problem in verdict.problems:
        print(f"- {problem[0].upper()}{problem[1:]}.")
    return 1


def _expiry_days(text: str) -> int:
    """--expires: a number of days ("90") or a date ("2027-03-31")."""
    import datetime as dt

    if text.isdigit():
        return int(text)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "--expires takes a number of days (90) or a date (2027-03-31)"
        ) from None
    return (day - dt.date.today()).days


def cmd_api_token_create(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from supportfirst.accounts.models import User
    from supportfirst.api.auth import token_create

    user = User.objects.filter(username=args.username).first()
    if user is None:
        print(f"There is no account called {args.username}.", file=sys.stderr)
        return 2
    try:
        token = token_create(user=user, name=args.name, scope=args.scope, days=args.expires)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    print("Keep this token secret. It is shown only now:")
    print(token)
    return 0


def cmd_api_token_list(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from supportfirst.api.models import ApiToken

    tokens = ApiToken.objects.select_related("user__membership__council")
    if args.council:
        tokens = tokens.filter(user__membership__council__slug=args.council)
    for token in tokens:
        council = token.user.membership.council.slug if hasattr(token.user, "membership") else "-"
        print(
            f"{token.pk}\t{token.prefix}\t{token.status}\t{token.scope}\t"
            f"expires {token.expires_at:%Y-%m-%d}\t{council}\t{token.user.username}\t{token.name}"
        )
    return 0


def cmd_api_token_revoke(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from supportfirst.api.models import ApiToken
    from supportfirst.api.tokens import token_revoke

    token = ApiToken.objects.filter(pk=args.token_id).first()
    if token is None:
        print(f"There is no token {args.token_id}.", file=sys.stderr)
        return 2
    token_revoke(token)
    print(f"Token {token.pk} ({token.prefix}…, {token.name}) no longer works.")
    return 0


def _run_django_command(argv: list[str]) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["supportfirst", *argv])
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    return _run_django_command(
        ["check", *(["--deploy", "--fail-level", "WARNING"] if args.deploy else [])]
    )


def cmd_migrate(args: argparse.Namespace) -> int:
    return _run_django_command(["migrate"])


def _when(moment: dt.datetime) -> str:
    return f"{moment.astimezone(dt.UTC):%-d %B %Y at %H:%M} UTC"


def cmd_export_cin_census(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from supportfirst.returns import export

    try:
        result = export.cin_census(la_code=args.council, year=args.year, output=args.output)
    except export.ExportRefused as problem:
        print(f"No census was written. {problem}", file=sys.stderr)
        return 2
    where = "standard output" if args.output in (None, "-") else str(Path(args.output).resolve())
    print(
        f"Wrote the Children in Need census {args.year - 1} to {args.year} for "
        f"{result.council} to {where}: {result.children} children.",
        file=sys.stderr,
    )
    for line in result.problems:
        print(f"To fix: {line}", file=sys.stderr)
    return 1 if result.problems else 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, for example 2026-03-31"
        ) from None


def cmd_export_data_feed(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from supportfirst.returns import export, export_feed

    try:
        result = export_feed.data_feed(
            la_code=args.council, start=args.start, end=args.end, output=args.output
        )
    except export.ExportRefused as problem:
        print(f"No data feed was written. {problem}", file=sys.stderr)
        return 2
    where = "standard output" if args.output in (None, "-") else str(Path(args.output).resolve())
    print(
        f"Wrote the Department's data feed from {args.start:%-d %B %Y} to {args.end:%-d %B %Y} "
        f"for {result.council} to {where}: {result.children} children.",
        file=sys.stderr,
    )
    if result.left_out:
        print(
            f"Left out {result.left_out} children the Department would refuse: fix each, "
            "then write the feed again.",
            file=sys.stderr,
        )
    for line in result.problems:
        print(f"To fix: {line}", file=sys.stderr)
    return 1 if result.problems else 0


def cmd_export_register(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from supportfirst.returns import register_export

    try:
        council, children = register_export.register_export(
            la_code=args.council, output=args.output
        )
    except register_export.RegisterRefused as problem:
        print(f"No register was written. {problem}", file=sys.stderr)
        return 2
    where = "standard output" if args.output in (None, "-") else str(Path(args.output).resolve())
    print(
        f"Wrote the register of disabled children for {council} to {where}: {children} children.",
        file=sys.stderr,
    )
    return 0


def cmd_export_annex_a(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from supportfirst.returns import export_annex_a
    from supportfirst.returns.export import ExportRefused

    try:
        result = export_annex_a.annex_a_lists(
            la_code=args.council,
            start=args.start,
            end=args.end,
            fmt=args.format,
            output=args.output,
        )
    except ExportRefused as problem:
        print(f"No Annex A lists were written. {problem}", file=sys.stderr)
        return 2
    rows = ", ".join(f"List {n}: {count}" for n, count in result.rows.items())
    print(
        f"Wrote Ofsted's Annex A lists from {args.start:%-d %B %Y} to {args.end:%-d %B %Y} for "
        f"{result.council} ({rows} rows):",
        file=sys.stderr,
    )
    for path in result.files:
        print(f"  {path.resolve()}", file=sys.stderr)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from django.db import DatabaseError

    from supportfirst.kernel import backup

    try:
        manifest = backup.backup(Path(args.output))
    except backup.BackupError as problem:
        print(f"No backup was made. {problem}", file=sys.stderr)
        return 2
    except DatabaseError as problem:
        print(f"No backup was made. The database could not be read: {problem}", file=sys.stderr)
        return 2
    print(
        f"Backed up the {backup.ENGINE_NAMES[manifest.engine]} database "
        f"{manifest.database_name} to {Path(args.output).resolve()}: {len(manifest.tables)} "
        f"tables, {manifest.rows} rows, {len(manifest.migrations)} migrations applied, "
        f"made {_when(manifest.created_at)}."
    )
    print(
        "Keep it encrypted and away from this server (docs/operations.md, 'Backup and "
        "restore'). Restoring it needs the same SUPPORTFIRST_AUDIT_KEY: keep the key safe too, "
        "but not beside it."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if (refusal := _refuse_insecure()) is not None:
        return refusal
    _django_setup()
    from django.db import DatabaseError

    from supportfirst.kernel import backup

    path = Path(args.file)
    try:
        report = backup.restore(path, replace=args.replace)
    except backup.RestoredDiffers as problem:
        print(
            f"The restore did not come back whole. {problem}. Do not use this database: "
            "restore again from another backup.",
            file=sys.stderr,
        )
        return 1
    except DatabaseError as problem:
        print(f"Nothing was restored. The database could not be used: {problem}", file=sys.stderr)
        return 2
    except backup.NotABackup as problem:
        print(
            f"{path} is not a Support First backup: {problem}. Nothing was changed.",
            file=sys.stderr,
        )
        return 2
    except backup.BackupError as problem:
        print(f"Nothing was restored. {problem}", file=sys.stderr)
        return 2
    manifest = report.manifest
    if report.replaced_tables:
        print(f"Deleted the {report.replaced_tables} tables that were in {report.database_name}.")
    print(
        f"Restored the backup made {_when(manifest.created_at)} (Support First "
        f"{manifest.made_by_version}) into the {backup.ENGINE_NAMES[manifest.engine]} database "
        f"{report.database_name}: {len(manifest.tables)} tables and {manifest.rows} rows, every "
        "table holding the number of rows the backup recorded."
    )
    if report.migrations_applied:
        count = len(report.migrations_applied)
        print(
            f"The backup was made by an older version: applied {count} newer "
            f"migration{'' if count == 1 else 's'} ({', '.join(report.migrations_applied)})."
        )
    else:
        print("Its migrations are the ones this version has: none needed applying.")
    if not report.audit_key_matches:
        print(
            "Warning: this installation's SUPPORTFIRST_AUDIT_KEY is not the key that made the "
            "backup's access log, so `supportfirst audit verify` will report every event as "
            "changed. Set the key the backup was made with."
        )
    _set_witness_aside()
    print("Now run `supportfirst audit verify` to check the restored access log.")
    return 0


def _set_witness_aside() -> None:
    """The witness file describes the access log at its last check. After restoring an older
    backup that log is longer than the restored one, and verify would report the events made
    since the backup as removed, which they were, by the restore. The file is moved aside (kept
    as evidence of what was lost) so the next verify starts from the restored log."""
    from django.conf import settings

    from supportfirst.audit import chain
    from supportfirst.audit.models import AccessEvent, ChainHead
    from supportfirst.audit.services import read_witness

    witness = Path(settings.AUDIT_WITNESS_FILE)
    if not witness.exists():
        return
    try:
        witnessed = read_witness(witness)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        witnessed = {}  # damaged: moved aside below, for whoever looks into it
    heads = {h.council_id: (h.sequence, h.hash) for h in ChainHead.objects.all()}

    def hash_at(council_id: int, sequence: int) -> str | None:
        return (
            AccessEvent.objects.filter(council_id=council_id, sequence=sequence)
            .values_list("hash", flat=True)
            .first()
        )

    if witnessed and not chain.against_witness(heads, witnessed, hash_at):
        return
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = witness.with_name(f"{witness.stem}.before-restore-{stamp}{witness.suffix}")
    witness.replace(aside)
    print(
        f"The access log's witness file described the log before this restore: moved to "
        f"{aside}. Keep it: it records how far the log went before the restore."
    )


def cmd_manage(args: argparse.Namespace) -> int:
    return _run_django_command(args.rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supportfirst",
        description="Support First: support for disabled children and families.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser("serve", help="start the service")
    serve.add_argument(
        "--demo", action="store_true", help="SQLite in the data folder, with demo data"
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--host", default="127.0.0.1", help=argparse.SUPPRESS)
    serve.set_defaults(handler=cmd_serve)

    worker = commands.add_parser("worker", help="run background tasks and the daily schedule")
    worker.add_argument("--demo", action="store_true", help="the demo data folder's queue")
    worker.add_argument(
        "--no-scheduler", action="store_true", help="run queued tasks only; queue no daily ones"
    )
    worker.set_defaults(handler=cmd_worker)

    demo = commands.add_parser("demo", help="demo data and demo sign-in codes")
    demo_commands = demo.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    code = demo_commands.add_parser("code", help="print the current sign-in code of a demo account")
    code.add_argument("username")
    code.set_defaults(handler=cmd_demo_code)
    load = demo_commands.add_parser("load", help="load the demo data into an empty database")
    load.set_defaults(handler=cmd_demo_load)

    audit = commands.add_parser("audit", help="the access log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the whole hash chain")
    verify.add_argument("--demo", action="store_true", help="check the demo data folder's log")
    verify.set_defaults(handler=cmd_audit_verify)

    api = commands.add_parser("api", help="tokens for the JSON API")
    api_commands = api.add_subparsers(dest="api_command", metavar="ACTION", required=True)
    token = api_commands.add_parser("token", help="make a token for another council system")
    token_commands = token.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    create = token_commands.add_parser("create", help="make a token acting as a staff account")
    create.add_argument("username")
    create.add_argument("--name", required=True, help="which system will use it")
    create.add_argument(
        "--scope",
        choices=["read", "read_and_move"],
        default="read",
        help="read only (the default), or read and move requests on",
    )
    create.add_argument(
        "--expires",
        type=_expiry_days,
        default=90,
        help="days until it stops working (90), or a date like 2027-03-31; at most 365 days",
    )
    create.set_defaults(handler=cmd_api_token_create)
    listing = token_commands.add_parser("list", help="list the tokens, newest first")
    listing.add_argument("--council", default="", help="only this council's (its slug)")
    listing.set_defaults(handler=cmd_api_token_list)
    revoke = token_commands.add_parser("revoke", help="stop a token working now")
    revoke.add_argument("token_id", type=int, help="the number `api token list` shows")
    revoke.set_defaults(handler=cmd_api_token_revoke)

    check = commands.add_parser("check", help="run Django's system checks")
    check.add_argument("--deploy", action="store_true", help="include the production checks")
    check.set_defaults(handler=cmd_check)

    migrate = commands.add_parser("migrate", help="bring the database up to date")
    migrate.set_defaults(handler=cmd_migrate)

    export = commands.add_parser("export", help="the council's statutory returns")
    export_commands = export.add_subparsers(dest="export_command", metavar="RETURN", required=True)
    cin = export_commands.add_parser(
        "cin-census", help="the Children in Need census XML for one collection year"
    )
    cin.add_argument("--council", required=True, metavar="CODE", help="the council's LA code")
    cin.add_argument(
        "--year",
        required=True,
        type=int,
        metavar="YYYY",
        help="the collection year: the year of the census date, 31 March (2026 is 2025 to 2026)",
    )
    cin.add_argument("--output", metavar="FILE", help="the file to write (standard output if none)")
    cin.set_defaults(handler=cmd_export_cin_census)
    data_feed = export_commands.add_parser(
        "data-feed",
        help="the Department's children's social care data feed (JSON Lines) for a period",
    )
    data_feed.add_argument("--council", required=True, metavar="CODE", help="the council's LA code")
    data_feed.add_argument(
        "--from",
        dest="start",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the first day: children with a request for help open from this day",
    )
    data_feed.add_argument(
        "--to",
        dest="end",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the last day (included)",
    )
    data_feed.add_argument(
        "--output", metavar="FILE", help="the file to write (standard output if none)"
    )
    data_feed.set_defaults(handler=cmd_export_data_feed)

    reg = export_commands.add_parser(
        "register", help="the register of disabled children as CSV (streamed)"
    )
    reg.add_argument("--council", required=True, metavar="CODE", help="the council's LA code")
    reg.add_argument("--output", metavar="FILE", help="the file to write (standard output if none)")
    reg.set_defaults(handler=cmd_export_register)

    annex = export_commands.add_parser(
        "annex-a", help="Ofsted's Annex A lists 1, 3, 4 and 6 for a period"
    )
    annex.add_argument("--council", required=True, metavar="CODE", help="the council's LA code")
    annex.add_argument(
        "--from",
        dest="start",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the first day of the period",
    )
    annex.add_argument(
        "--to",
        dest="end",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the last day of the period",
    )
    annex.add_argument(
        "--format",
        choices=["xlsx", "csv"],
        default="xlsx",
        help="one workbook with a sheet per list (xlsx), or a CSV file per list (csv)",
    )
    annex.add_argument(
        "--output",
        metavar="FILE or DIR",
        help="the workbook to write, or the folder for the CSV files (a name of its own in the "
        "current folder if none)",
    )
    annex.set_defaults(handler=cmd_export_annex_a)

    backup = commands.add_parser("backup", help="back up the whole database to one file")
    backup.add_argument("--output", required=True, metavar="FILE", help="the file to write")
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help="restore a backup into an empty database")
    restore.add_argument("file", metavar="FILE", help="a file `supportfirst backup` made")
    restore.add_argument(
        "--replace",
        action="store_true",
        help="delete everything in the database first (otherwise it must be empty)",
    )
    restore.set_defaults(handler=cmd_restore)

    manage = commands.add_parser("manage", help="run any Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=cmd_manage)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from supportfirst.config import InsecureConfiguration

    try:
        result: int = args.handler(args)
    except InsecureConfiguration as problem:
        print(f"Support First will not start: {problem}", file=sys.stderr)
        return 2
    except Exception as problem:
        from django.core.exceptions import ImproperlyConfigured

        if isinstance(problem, ImproperlyConfigured):
            print(f"Support First will not start: {problem}", file=sys.stderr)
            return 2
        raise
    return result


if __name__ == "__main__":
    raise SystemExit(main())
