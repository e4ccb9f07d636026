"""Searching the hub and its figures, on both engines (SQLite and a real PostgreSQL server)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from support.hub import count, variant


def _people(base: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        variant(
            base,
            21,
            name="Yonas Tesfay",
            case_id="K-21",
            typology="type3",
            branches=["cleaning", "kitchen"],
            languages=[("Tigrinya", 5), ("Dansk", 2)],
            municipality="Vejle",
            organisation="Team Syd",
            created_at="2026-10-01T09:00:00+00:00",
            status="boligplaceret",
        ),
        variant(
            base,
            22,
            name="Şükrü Haddad",
            case_id="K-22",
            typology="type1",
            branches=["metal_welding"],
            languages=[("Arabisk", 4)],
            municipality="Sønderborg",
            organisation="Team Syd",
            created_at="2026-10-05T09:00:00+00:00",
            status="asylant",
        ),
        variant(
            base,
            23,
            name="Parwin Rahimi",
            case_id="K-23",
            typology="type5",
            branches=["health_care"],
            languages=[("Dari", 5), ("Engelsk", 3), ("Arabisk", 2)],
            municipality="Vejle",
            organisation="Asylcenter Nord",
            created_at="2026-10-09T09:00:00+00:00",
            status="boligplaceret",
        ),
    ]


@pytest.mark.parametrize("path", ["rare words first", "newest first"])
def test_search(
    hub: Any, demo_export: dict[str, Any], path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from screener.hub import search as search_module
    from screener.hub.importer import import_dicts
    from screener.hub.search import Query, search

    if path == "newest first":  # as when the words are common: no word is looked up first
        monkeypatch.setattr(search_module, "RARE", 0)
    import_dicts(hub, [(str(i), d) for i, d in enumerate(_people(demo_export))])

    def names(**kwargs: Any) -> list[str]:
        return [s.candidate_name for s in search(hub, Query(**kwargs))]

    assert names() == ["Parwin Rahimi", "Şükrü Haddad", "Yonas Tesfay"]  # newest first
    assert names(text="ŞÜKRÜ") == ["Şükrü Haddad"]  # case-folded beyond ASCII
    assert names(text="k-21") == ["Yonas Tesfay"]
    assert names(text="rahimi parwin") == ["Parwin Rahimi"]
    assert names(text="100%") == []  # LIKE wildcards are plain text
    assert names(municipality="vejle") == ["Parwin Rahimi", "Yonas Tesfay"]
    assert names(branch="metal_welding") == ["Şükrü Haddad"]
    assert names(language="arab") == ["Parwin Rahimi", "Şükrü Haddad"]
    assert names(language="arab", min_level=3) == ["Şükrü Haddad"]
    assert names(typology="type3") == ["Yonas Tesfay"]
    assert names(organisation="Team Syd") == ["Şükrü Haddad", "Yonas Tesfay"]
    assert names(since="2026-10-05", until="2026-10-05") == ["Şükrü Haddad"]
    assert len(names(text="svejser")) == 3  # a trade: the job wishes all came from the demo
    assert names(limit=1) == ["Parwin Rahimi"]
    # one search box also finds the municipality, a branch's label and a language
    assert names(text="vejle") == ["Parwin Rahimi", "Yonas Tesfay"]
    assert names(text="tigrin") == ["Yonas Tesfay"]
    assert len(names(text="metal svejs")) == 3  # the demo's branch labels, in every variant


def test_outcomes_and_figures(hub: Any, demo_export: dict[str, Any], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from screener.hub import figures, followup
    from screener.hub.engine import HubError
    from screener.hub.importer import import_dicts
    from screener.hub.search import Query, search

    import_dicts(hub, [(str(i), d) for i, d in enumerate(_people(demo_export))])
    ids = {s.candidate_name: s.id for s in search(hub, Query())}
    FollowUp = followup.FollowUp
    # Haddad was an asylum seeker: placed later, active effort, IGU at 6 months.
    followup.record(hub, ids["Şükrü Haddad"], FollowUp(placed_municipality="Sønderborg"))
    followup.record(
        hub,
        ids["Şükrü Haddad"],
        FollowUp(active_effort=True, outcomes={3: "wage_subsidy_or_placement"}),
    )
    followup.record(hub, ids["Şükrü Haddad"], FollowUp(outcomes={6: "igu"}))
    # Rahimi: active effort, education only later than 6 months.
    followup.record(
        hub,
        ids["Parwin Rahimi"],
        FollowUp(active_effort=True, outcomes={6: "none_unknown", 12: "education"}),
    )
    # Tesfay: placed at screening, no effort recorded.
    state = followup.read(hub, ids["Şükrü Haddad"])
    assert state.placed_municipality == "Sønderborg" and state.active_effort is True
    assert state.outcomes == {3: "wage_subsidy_or_placement", 6: "igu"}
    with pytest.raises(HubError):
        followup.record(hub, ids["Parwin Rahimi"], FollowUp(outcomes={4: "igu"}))
    with pytest.raises(HubError):
        followup.record(hub, ids["Parwin Rahimi"], FollowUp(outcomes={3: "lottery"}))
    with pytest.raises(HubError):
        followup.record(hub, 999_999, FollowUp(active_effort=True))

    (total,) = figures.compute(hub, "all")
    assert (total.screened, total.placed, total.active_effort) == (3, 3, 2)
    assert (total.self_supporting, total.within_6_months) == (2, 1)
    by_org = {row.label: row for row in figures.compute(hub, "organisation")}
    assert by_org["Team Syd"].screened == 2 and by_org["Team Syd"].within_6_months == 1
    assert by_org["Asylcenter Nord"].self_supporting == 1
    by_type = {row.label: row.screened for row in figures.compute(hub, "typology")}
    assert by_type == {"1. Typology type1": 1, "3. Typology type3": 1, "5. Typology type5": 1}
    text = figures.table([total])
    assert text[1][:6] == ["Alle", "3", "3", "2", "2", "1"] or text[1][:6] == [
        "All",
        "3",
        "3",
        "2",
        "2",
        "1",
    ]

    figures.export(hub, tmp_path / "figures.csv")
    rows = list(csv.reader((tmp_path / "figures.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1 + 1 + 3 + 2 and rows[1][2:7] == ["3", "3", "2", "2", "1"]
    figures.export(hub, tmp_path / "figures.xlsx")
    sheet = load_workbook(tmp_path / "figures.xlsx").active
    assert sheet is not None and sheet.max_row == 7 and sheet.cell(2, 3).value == 3
    actions = count(hub, "hub_audit")
    assert actions >= 1 + 4 + 2  # import, four follow-ups, two exports
