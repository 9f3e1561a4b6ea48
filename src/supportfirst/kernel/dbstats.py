"""Fresh database statistics after loading many rows at once.

PostgreSQL's planner chooses how to run each query from statistics about every table (how many
rows, how values are spread). After a bulk load those statistics describe the empty tables
until autovacuum's next ANALYZE, which can be minutes away; meanwhile the planner may choose a
plan meant for a handful of rows (measured: "My work" took 2.5 s on PostgreSQL after loading
10,000 families, until ANALYZE ran). So every bulk load ends with `refresh_statistics()`.
SQLite's planner uses statistics too (sqlite_stat1), made by the same command.
"""

from __future__ import annotations

from django.db import connections

# What each database calls it. Other databases: nothing is run.
_ANALYZE = {"postgresql": "ANALYZE", "sqlite": "ANALYZE"}


def refresh_statistics(using: str = "default") -> bool:
    """Refresh the planner's statistics for every table. True if the database was asked to."""
    connection = connections[using]
    statement = _ANALYZE.get(connection.vendor)
    if statement is None:
        return False
    with connection.cursor() as cursor:
        cursor.execute(statement)
    return True
