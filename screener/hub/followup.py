"""What happened after the screening, per candidate: placed in a municipality, an active effort,
and the outcome at 3 and 6 months (and later), in the categories of the Talent Management
results. Every change is one transaction with its audit row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from screener.hub.engine import HubError
from screener.i18n import N_, _

if TYPE_CHECKING:
    from sqlalchemy import Engine

OUTCOMES: dict[str, str] = {
    "ordinary_job": N_("Ordinary job"),
    "igu": N_("IGU (basic integration education)"),
    "education": N_("Education"),
    "wage_subsidy_or_placement": N_("Wage subsidy or practice placement"),
    "none_unknown": N_("None or unknown"),
}
SELF_SUPPORTING = frozenset({"ordinary_job", "igu", "education"})
POINTS = {3: "outcome_3", 6: "outcome_6", 12: "outcome_later"}  # 12: later than 6 months


@dataclass(frozen=True)
class FollowUp:
    placed_municipality: str | None = None
    placed_on: str | None = None
    active_effort: bool | None = None
    outcomes: dict[int, str] | None = None  # months -> outcome code


def record(engine: Engine, candidate_id: int, change: FollowUp, actor: str = "hub") -> None:
    """Set the given fields (None leaves a field as it is)."""
    from sqlalchemy import insert, select, update

    from screener.hub.importer import audit, now_iso
    from screener.hub.tables import HUB_METADATA

    values: dict[str, object] = {}
    if change.placed_municipality is not None:
        values["placed_municipality"] = change.placed_municipality.strip()
    if change.placed_on is not None:
        values["placed_on"] = change.placed_on or None
    if change.active_effort is not None:
        values["active_effort"] = change.active_effort
    for months, outcome in (change.outcomes or {}).items():
        if months not in POINTS:
            raise HubError(_("Outcomes are recorded at 3 or 6 months, or later (12)."))
        if outcome not in OUTCOMES:
            raise HubError(
                _("Unknown outcome {outcome}; use one of: {choices}").format(
                    outcome=outcome, choices=", ".join(OUTCOMES)
                )
            )
        values[POINTS[months]] = outcome
    c = HUB_METADATA.tables["hub_candidate"]
    f = HUB_METADATA.tables["hub_followup"]
    stamp = now_iso()
    with engine.begin() as conn:
        uid = conn.execute(select(c.c.uid).where(c.c.id == candidate_id)).scalar()
        if uid is None:
            raise HubError(_("No candidate with id {id} in the hub.").format(id=candidate_id))
        values.update(updated_at=stamp, actor=actor)
        done = conn.execute(update(f).where(f.c.candidate_uid == uid).values(values))
        if done.rowcount == 0:
            conn.execute(insert(f).values(candidate_uid=uid, **values))
        audit(conn, actor, "followup", {"uid": uid, "fields": sorted(values)})


def read(engine: Engine, candidate_id: int) -> FollowUp:
    from sqlalchemy import select

    from screener.hub.tables import HUB_METADATA

    c = HUB_METADATA.tables["hub_candidate"]
    f = HUB_METADATA.tables["hub_followup"]
    with engine.connect() as conn:
        row = conn.execute(
            select(f).join(c, c.c.uid == f.c.candidate_uid).where(c.c.id == candidate_id)
        ).first()
    if row is None:
        return FollowUp()
    outcomes = {m: getattr(row, col) for m, col in POINTS.items() if getattr(row, col)}
    return FollowUp(row.placed_municipality, row.placed_on, row.active_effort, outcomes)
