"""Smoke test of the hub benchmark at a tiny size: it runs on both engines and reports every
figure (no timing is judged here; run ``python -m benchmarks`` for the figures)."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_hub_benchmark_reports_its_figures(
    pg_admin_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks import hub

    monkeypatch.setenv("SCREENER_BENCH_PG_URL", pg_admin_url)
    figures = {f.name: f for f in hub.measure(tmp_path / "hub", interviews=12, search_runs=1)}
    assert set(figures) == {
        "hub_imp_sqlite_s",
        "hub_raw_sqlite_s",
        "hub_ratio_sqlite",
        "hub_imp_pg_s",
        "hub_raw_pg_s",
        "hub_ratio_pg",
        "hub_search_pg_ms",
    }
    assert "120 interviews" in figures["hub_search_pg_ms"].note
    assert all(f.median > 0 for f in figures.values())
