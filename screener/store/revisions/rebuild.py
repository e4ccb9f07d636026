"""Re-creating SQLite tables in a given form, rows, indexes, triggers and AUTOINCREMENT counters
kept: SQLite changes a column's default or constraints only by copying the table.

Unlike Alembic's batch mode this keeps ``ON DELETE`` clauses and the high-water mark of an
AUTOINCREMENT table (a deleted interview's id is never given again), and writes the new table's
SQL exactly as ``CREATE TABLE`` from the declaration does (no quoted name from a rename).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table
from sqlalchemy.schema import CreateIndex, CreateTable


def rebuild(connection: Connection, tables: Sequence[Table]) -> None:
    """Replace each of ``tables`` (same name, the columns of the new form all present in the
    old table) by the new form. Foreign keys must be off (``migrations.migrate`` turns them off
    for the transaction): dropping the old table would otherwise delete every child row."""
    run = connection.exec_driver_sql
    if run("PRAGMA foreign_keys").scalar():
        raise RuntimeError("rebuilding tables needs foreign keys off")
    triggers = run("SELECT sql FROM sqlite_master WHERE type = 'trigger'").scalars().all()
    counters: dict[str, int] = {}
    if run("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first():
        counters = {name: seq for name, seq in run("SELECT name, seq FROM sqlite_sequence")}
    # The old table moves aside without the references to it in other tables moving along.
    run("PRAGMA legacy_alter_table = ON")
    try:
        for table in tables:
            old = f"_old_{table.name}"
            columns = ", ".join(column.name for column in table.columns)
            run(f"ALTER TABLE {table.name} RENAME TO {old}")
            connection.execute(CreateTable(table))
            run(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM {old}")
            run(f"DROP TABLE {old}")  # with its indexes and triggers
            for index in sorted(table.indexes, key=lambda index: str(index.name)):
                connection.execute(CreateIndex(index))
            if table.name in counters:
                run("DELETE FROM sqlite_sequence WHERE name = ?", (table.name,))
                run(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
                    (table.name, counters[table.name]),
                )
    finally:
        run("PRAGMA legacy_alter_table = OFF")
    have = set(run("SELECT sql FROM sqlite_master WHERE type = 'trigger'").scalars().all())
    for trigger in triggers:
        if trigger not in have:
            run(trigger)
