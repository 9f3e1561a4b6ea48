"""The command line: refuses an unsafe start, explains itself, and checks a production set-up."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from supportfirst import demo
from supportfirst.cli import main
from tests.accounts.factories import staff_user


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SUPPORTFIRST_", "DJANGO_"))}
    clean.pop("SECRET_KEY", None)
    clean.pop("ALLOWED_HOSTS", None)
    return subprocess.run(
        [sys.executable, "-m", "supportfirst", *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.uses_database_url
def test_serve_without_demo_refuses_an_unsafe_configuration(tmp_path):
    result = run_cli("serve", env={"SUPPORTFIRST_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr
    assert "supportfirst serve --demo" in result.stderr


@pytest.mark.uses_database_url
def test_serve_names_only_the_missing_setting(tmp_path):
    result = run_cli(
        "serve",
        env={"SUPPORTFIRST_DATA_DIR": str(tmp_path), "SECRET_KEY": "x" * 20 + "abcdefghij" * 4},
    )
    assert result.returncode == 2
    assert "ALLOWED_HOSTS" in result.stderr
    assert "- SECRET_KEY" not in result.stderr


@pytest.mark.uses_database_url
def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_cli(
        "check",
        "--deploy",
        env={
            "SUPPORTFIRST_DATA_DIR": str(tmp_path),
            "SECRET_KEY": "k3y-" + "q9Zr7Lm2Xw8Vb4Nt6Pc1Hd5Jf0Gs3Ak" * 2,
            "SUPPORTFIRST_AUDIT_KEY": "aud1t-" + "Tq4Wm8Zr2Lx6Vb0Nc3Hd7" * 2,
            "ALLOWED_HOSTS": "support.council.example",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.uses_database_url
@pytest.mark.parametrize("hosts", ["*", "support.council.example,*", ".council.example"])
def test_check_deploy_refuses_a_wildcard_host(tmp_path, hosts):
    result = run_cli(
        "check",
        "--deploy",
        env={
            "SUPPORTFIRST_DATA_DIR": str(tmp_path),
            "SECRET_KEY": "k3y-" + "q9Zr7Lm2Xw8Vb4Nt6Pc1Hd5Jf0Gs3Ak" * 2,
            "SUPPORTFIRST_AUDIT_KEY": "aud1t-" + "Tq4Wm8Zr2Lx6Vb0Nc3Hd7" * 2,
            "ALLOWED_HOSTS": hosts,
        },
    )
    assert result.returncode != 0
    assert "supportfirst.E001" in result.stderr
    assert "wildcard" in result.stderr


def test_demo_code_prints_a_code_for_a_demo_account(db, capsys, monkeypatch):
    monkeypatch.setenv("SUPPORTFIRST_TESTING", "1")
    demo.load()
    assert main(["demo", "code", "priya.practitioner"]) == 0
    code = capsys.readouterr().out.strip()
    assert code.isdigit()
    assert len(code) == 6


def test_demo_code_refuses_any_other_account(council, capsys, monkeypatch):
    monkeypatch.setenv("SUPPORTFIRST_TESTING", "1")
    real = staff_user(council, username="real.worker")
    assert main(["demo", "code", real.username]) == 2
    assert "not a demo account" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--help"], ["demo", "--help"], ["audit", "--help"]])
def test_help_is_printed(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0
    assert "usage: supportfirst" in capsys.readouterr().out


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_once(data_dir) -> tuple[str, str]:
    """Start `supportfirst serve --demo`, fetch the start page, stop it; return output and page."""
    import time
    import urllib.request

    port = _free_port()
    # The embedded default: no DATABASE_URL, so SQLite in the data folder.
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SUPPORTFIRST_", "DJANGO_")) and k != "DATABASE_URL"
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "supportfirst", "serve", "--demo", "--port", str(port)],
        env={**clean, "SUPPORTFIRST_DATA_DIR": str(data_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    raise AssertionError(process.communicate()[0]) from None
                time.sleep(0.3)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    return output, page


def test_serve_demo_creates_the_data_folder_and_keeps_data_on_a_second_start(tmp_path):
    data_dir = tmp_path / "new-folder"
    first, page = _serve_once(data_dir)
    assert (data_dir / "supportfirst.sqlite3").exists()
    assert "Demo data loaded." in first
    assert "priya.practitioner" in first
    assert "Open http://127.0.0.1:" in first
    assert "Started a background worker for messages and daily tasks." in first
    assert "Ashvale Borough Council" in page
    # Development serving times every request (kernel/timing.py): one line each.
    assert re.search(r"GET / 200 [\d.]+ ms \d+ queries [\d.]+ ms db", first), first
    second, _ = _serve_once(data_dir)
    assert "Demo data already present: kept as it is." in second
