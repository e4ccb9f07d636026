"""Smoke test of the benchmark code at tiny sizes: it runs and reports every figure.

No timing is asserted here (figures on a loaded CI machine mean nothing); run
``python -m benchmarks`` for the real figures.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import listing, save
from benchmarks.__main__ import QUICK, summary
from benchmarks.common import Figure, percentile, spawn_until_ready
from benchmarks.data import make_many_db


def test_percentile_is_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 50) == 50
    assert percentile(values, 99) == 99
    assert percentile([3.0], 99) == 3


def test_figure_judges_the_median_against_its_target() -> None:
    assert Figure("x", 1.0, 5.0, "s", 1.0, "<=").passed is True
    assert Figure("x", 1.0, 5.0, "s", 1.0, "<").passed is False
    assert Figure("x", 1.0, 5.0, "s").passed is None


def test_save_benchmark_reports_its_figures() -> None:
    names = {f.name for f in save.measure(saves=3)}
    assert {"save_p50_ms", "save_p99_ms", "save_ratio"} <= names


def test_bare_startup_child_reports_ready() -> None:
    seconds, _rest = spawn_until_ready("benchmarks.children.startup_bare")
    assert seconds > 0


def test_list_and_search_on_a_small_generated_database(tmp_path: Path) -> None:
    db = tmp_path / "many.sqlite3"
    make_many_db(db, 20)
    figures = listing.measure(db, runs=1)
    assert [f.name for f in figures][:2] == ["list_10k_ms", "search_10k_ms"]
    data = summary(figures, QUICK, 1.0)
    assert set(data) >= {"list_10k_ms", "search_10k_ms", "all_pass", "meta"}
    assert {"median", "worst", "target", "pass"} <= set(data["list_10k_ms"])  # type: ignore[arg-type]
