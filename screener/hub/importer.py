"""Importing handover files: idempotent by interview uid, all or nothing per file.

Files are read and checked first (a refused file never reaches the database). The accepted ones
are written in batches, one transaction each; should a batch fail in the database, its files are
written again one transaction per file, so one bad file never takes the others with it and never
leaves half of itself behind. A re-import of the same version is skipped; a newer version
replaces the current one and the replaced version is kept in ``hub_version``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.hub.parse import Parsed, RefusedError, parse_export
from screener.i18n import N_, _

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine, Table

IMPORTED, REPLACED, SKIPPED, REFUSED = "imported", "replaced", "skipped", "refused"
SAME_VERSION = N_("this version is already imported")
OLDER_VERSION = N_("a newer version is already imported")
DUPLICATE = N_("a newer copy of the same interview is in this import")
DATABASE_REFUSED = N_("the database refused it ({reason})")
BATCH = 500

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FileResult:
    source: str  # the file's path as given (file names carry no personal data)
    result: str
    reason: str = ""  # an English message id for skipped/refused (see ``describe``)
    uid: str = ""
    order: int = 0  # position in the import, so the report follows the order of the files
    values: tuple[tuple[str, Any], ...] = ()  # the values of the reason's placeholders

    def describe(self) -> str:
        """The reason in the current language."""
        return _(self.reason).format(**dict(self.values)) if self.reason else ""


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, result: str) -> int:
        return sum(1 for item in self.results if item.result == result)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def import_files(
    engine: Engine,
    paths: Iterable[Path],
    passwords: dict[str, str] | None = None,
    actor: str = "hub",
    progress: Progress | None = None,
    organisation: str = "",
) -> ImportReport:
    """Import JSON exports and bundles (folders stand for the files in them)."""
    from screener.hub.sources import expand, read_source

    files = expand(paths)

    def load(path: Path) -> tuple[Any, str | None]:
        return read_source(path, passwords or {})

    return import_documents(
        engine, [(str(path), path) for path in files], load, actor, progress, organisation
    )


def import_dicts(
    engine: Engine,
    documents: list[tuple[str, Any]],
    actor: str = "hub",
    progress: Progress | None = None,
    organisation: str = "",
) -> ImportReport:
    """Import already parsed exports, each named by a label for the report."""
    return import_documents(
        engine, documents, lambda data: (data, None), actor, progress, organisation
    )


def import_documents(
    engine: Engine,
    documents: list[tuple[str, Any]],
    load: Callable[[Any], tuple[Any, str | None]],
    actor: str,
    progress: Progress | None,
    organisation: str,
) -> ImportReport:
    report = ImportReport()
    total = len(documents)

    for start in range(0, total, BATCH):
        accepted: list[Item] = []
        stamp = now_iso()
        batch: list[FileResult] = []
        for order, (label, source) in enumerate(documents[start : start + BATCH], start):
            try:
                data, raw = load(source)
                parsed = parse_export(data, stamp, organisation, raw)
                accepted.append(Item(order, label, parsed))
            except RefusedError as error:
                values = tuple(sorted(error.values.items()))
                batch.append(FileResult(label, REFUSED, error.message_id, "", order, values))
            if progress is not None and order + 1 < total:
                progress(order + 1, total)
        batch += _write_batch(engine, accepted, actor, stamp)
        report.results += sorted(batch, key=lambda item: item.order)
    if progress is not None:
        progress(total, total)  # after the last write
    return report


@dataclass(frozen=True)
class Item:
    order: int
    label: str
    parsed: Parsed

    def result(self, result: str, message_id: str = "", **values: Any) -> FileResult:
        pairs = tuple(sorted(values.items()))
        return FileResult(self.label, result, message_id, self.parsed.uid, self.order, pairs)


def _write_batch(engine: Engine, accepted: list[Item], actor: str, stamp: str) -> list[FileResult]:
    from sqlalchemy.exc import SQLAlchemyError

    if not accepted:
        return []
    newest: dict[str, Item] = {}
    results: list[FileResult] = []
    for item in accepted:
        kept = newest.get(item.parsed.uid)
        if kept is None or item.parsed.version > kept.parsed.version:
            if kept is not None:
                results.append(kept.result(SKIPPED, DUPLICATE))
            newest[item.parsed.uid] = item
        else:
            results.append(item.result(SKIPPED, DUPLICATE))
    try:
        with engine.begin() as conn:
            return results + _write(conn, list(newest.values()), actor, stamp)
    except SQLAlchemyError:
        pass
    for item in newest.values():  # find the file the database refused
        try:
            with engine.begin() as conn:
                results += _write(conn, [item], actor, stamp)
        except SQLAlchemyError as error:
            cause = type(getattr(error, "orig", None) or error).__name__
            results.append(item.result(REFUSED, DATABASE_REFUSED, reason=cause))
    return results


def _table(name: str) -> Table:
    from screener.hub.tables import HUB_METADATA

    return HUB_METADATA.tables[name]


def _write(conn: Connection, items: list[Item], actor: str, stamp: str) -> list[FileResult]:
    from sqlalchemy import bindparam, delete, insert, select, update

    candidate = _table("hub_candidate")
    uids = [item.parsed.uid for item in items]
    stored = {
        row.uid: (row.updated_at, row.event_count)
        for row in conn.execute(
            select(candidate.c.uid, candidate.c.updated_at, candidate.c.event_count).where(
                candidate.c.uid.in_(uids)
            )
        )
    }
    results: list[FileResult] = []
    new: list[Parsed] = []
    newer: list[Parsed] = []
    for item in items:
        parsed = item.parsed
        version = stored.get(parsed.uid)
        if version is None:
            new.append(parsed)
            results.append(item.result(IMPORTED))
        elif parsed.version > version:
            newer.append(parsed)
            results.append(item.result(REPLACED))
        else:
            reason = SAME_VERSION if parsed.version == version else OLDER_VERSION
            results.append(item.result(SKIPPED, reason))
    if newer:
        replaced = [parsed.uid for parsed in newer]
        history = _table("hub_version")
        old = select(
            candidate.c.uid,
            candidate.c.updated_at,
            candidate.c.event_count,
            candidate.c.imported_at,
            bindparam("replaced_at", stamp),
            candidate.c.data_json,
        ).where(candidate.c.uid.in_(replaced))
        conn.execute(
            insert(history).from_select(
                [
                    "candidate_uid",
                    "updated_at",
                    "event_count",
                    "imported_at",
                    "replaced_at",
                    "data_json",
                ],
                old,
            )
        )
        for name in ("hub_branch", "hub_language", "hub_word"):
            table = _table(name)
            conn.execute(delete(table).where(table.c.candidate_uid.in_(replaced)))
        values: dict[str, Any] = {
            key: bindparam(f"v_{key}") for key in newer[0].candidate if key != "uid"
        }
        conn.execute(
            update(candidate).where(candidate.c.uid == bindparam("v_uid")).values(values),
            [{f"v_{key}": value for key, value in p.candidate.items()} for p in newer],
        )
    if new:
        conn.execute(insert(candidate), [parsed.candidate for parsed in new])
    fresh = new + newer
    branches = [row for parsed in fresh for row in parsed.branches]
    languages = [row for parsed in fresh for row in parsed.languages]
    words = [row for parsed in fresh for row in parsed.words]
    for name, rows in (("hub_branch", branches), ("hub_language", languages), ("hub_word", words)):
        if rows:
            conn.execute(insert(_table(name)), rows)
    if fresh:
        detail = {"imported": [p.uid for p in new], "replaced": [p.uid for p in newer]}
        audit(conn, actor, "import", detail)
    return results


def audit(conn: Connection, actor: str, action: str, detail: dict[str, Any]) -> None:
    """One audit row in the caller's transaction (uids and counts only, no personal data)."""
    from sqlalchemy import insert

    conn.execute(
        insert(_table("hub_audit")),
        [{"at": now_iso(), "actor": actor, "action": action, "detail_json": json.dumps(detail)}],
    )
