"""The figures of the Talent Management results, counted from the hub.

Seed 000 reports: 279 screened, 124 housed (placed in a municipality), 83 of them with an active
effort beyond the screening, 30 self-supporting (ordinary job, IGU or education), 67 % of those
within 6 months. Here: *placed* is a recorded placement or an interview held after placement
(status ``boligplaceret``); *self-supporting* is an outcome of ordinary job, IGU or education at
any follow-up; *within 6 months* is such an outcome at 3 or 6 months.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from screener.hub.engine import HubError
from screener.hub.followup import SELF_SUPPORTING
from screener.i18n import N_, _, format_number

if TYPE_CHECKING:
    from sqlalchemy import Engine

GROUPINGS = {"all": N_("All"), "typology": N_("Typology"), "organisation": N_("Organisation")}


@dataclass
class Row:
    group: str
    label: str
    screened: int = 0
    placed: int = 0
    active_effort: int = 0
    self_supporting: int = 0
    within_6_months: int = 0

    def share(self, part: int, whole: int) -> float | None:
        return part / whole if whole else None


def columns() -> list[str]:
    return [
        _("Group"),
        _("Screened"),
        _("Placed in a municipality"),
        _("Active effort"),
        _("Self-supporting"),
        _("Within 6 months"),
        _("Self-supporting, % of placed"),
        _("Self-supporting, % of active effort"),
        _("Within 6 months, % of self-supporting"),
    ]


def compute(engine: Engine, grouping: str = "all") -> list[Row]:
    """One row for everyone, or one per typology or organisation, sorted by label."""
    from sqlalchemy import select

    from screener.hub.tables import HUB_METADATA

    if grouping not in GROUPINGS:
        raise HubError(_("Unknown grouping {name}").format(name=grouping))
    c = HUB_METADATA.tables["hub_candidate"]
    f = HUB_METADATA.tables["hub_followup"]
    statement = select(
        c.c.typology,
        c.c.typology_label,
        c.c.organisation,
        c.c.screening_status,
        f.c.placed_municipality,
        f.c.active_effort,
        f.c.outcome_3,
        f.c.outcome_6,
        f.c.outcome_later,
    ).select_from(c.outerjoin(f, f.c.candidate_uid == c.c.uid))
    rows: dict[str, Row] = {}
    with engine.connect() as conn:
        for r in conn.execute(statement):
            if grouping == "typology":
                key, label = r.typology, r.typology_label or _("No typology")
            elif grouping == "organisation":
                key, label = r.organisation, r.organisation or _("Unknown")
            else:
                key, label = "", _("All")
            row = rows.setdefault(key, Row(grouping, label))
            row.screened += 1
            placed = bool(r.placed_municipality) or r.screening_status == "boligplaceret"
            row.placed += placed
            row.active_effort += bool(r.active_effort)
            outcomes = {r.outcome_3, r.outcome_6, r.outcome_later}
            row.self_supporting += bool(outcomes & SELF_SUPPORTING)
            row.within_6_months += bool({r.outcome_3, r.outcome_6} & SELF_SUPPORTING)
    if not rows and grouping == "all":
        rows[""] = Row(grouping, _("All"))
    return sorted(rows.values(), key=lambda row: row.label)


def _percent(value: float | None) -> str:
    return "" if value is None else format_number(round(100 * value)) + " %"


def table(rows: Iterable[Row]) -> list[list[str]]:
    """Header and rows as text, for the terminal and the TUI."""
    lines = [columns()]
    for row in rows:
        lines.append(
            [
                row.label,
                str(row.screened),
                str(row.placed),
                str(row.active_effort),
                str(row.self_supporting),
                str(row.within_6_months),
                _percent(row.share(row.self_supporting, row.placed)),
                _percent(row.share(row.self_supporting, row.active_effort)),
                _percent(row.share(row.within_6_months, row.self_supporting)),
            ]
        )
    return lines


def _records(rows: Iterable[Row]) -> list[list[object]]:
    out: list[list[object]] = [[_("Grouping"), *columns()]]
    for row in rows:
        shares = (
            row.share(row.self_supporting, row.placed),
            row.share(row.self_supporting, row.active_effort),
            row.share(row.within_6_months, row.self_supporting),
        )
        out.append(
            [
                _(GROUPINGS[row.group]),
                row.label,
                row.screened,
                row.placed,
                row.active_effort,
                row.self_supporting,
                row.within_6_months,
                *["" if s is None else round(s, 4) for s in shares],
            ]
        )
    return out


def export(engine: Engine, path: Path, actor: str = "hub") -> None:
    """Every grouping in one file: CSV (UTF-8 with BOM, for spreadsheets) or XLSX by suffix."""
    from screener.files import atomic_write
    from screener.hub.importer import audit

    rows = [row for grouping in GROUPINGS for row in compute(engine, grouping)]
    records = _records(rows)
    if path.suffix.lower() == ".xlsx":
        data = _xlsx(records)
    else:
        import csv
        import io

        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(records)
        data = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    atomic_write(path, data)
    with engine.begin() as conn:
        audit(conn, actor, "export_figures", {"rows": len(rows), "format": path.suffix.lower()})


def _xlsx(records: list[list[object]]) -> bytes:
    import io

    try:
        from openpyxl import Workbook  # type: ignore[import-untyped]
    except ImportError as error:
        raise HubError(
            _("XLSX export needs openpyxl. Install it with: pip install 'screener[hub]'")
        ) from error
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Figures")[:31]
    for record in records:
        sheet.append(record)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
