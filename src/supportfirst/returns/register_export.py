"""`supportfirst export register`: the register of disabled children as CSV, for the command
line. It streams (`register.register_csv`), and a file is written beside its target and renamed
at the end, so a failure never leaves half a register."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from supportfirst.audit.services import log_command_line_export
from supportfirst.councils.models import Council
from supportfirst.returns import register


class RegisterRefused(Exception):
    pass


def register_export(*, la_code: str, output: str | None) -> tuple[str, int]:
    """Write the council's register; returns the council's name and how many children."""
    council = Council.objects.filter(la_code=la_code).first()
    if council is None:
        raise RegisterRefused(f"No council has the LA code {la_code}.")
    # Logged before anything is written: a failure to log stops the export.
    log_command_line_export(council_id=council.pk, record_id="register-of-disabled-children")
    lines = register.register_csv(council.pk)
    children = -1  # the header line is not a child

    def counted() -> Iterator[str]:
        nonlocal children
        for line in lines:
            children += 1
            yield line

    if output is None or output == "-":
        sys.stdout.writelines(counted())
        return council.name, children
    target = Path(output)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            out.writelines(counted())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return council.name, children
