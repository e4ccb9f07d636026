"""Cold start: Screener's home screen against a bare Textual app, each in a fresh process.

Each run spawns ``python -m benchmarks.children.startup_app DB`` (or ``startup_bare``) and times
from the spawn to the READY line the child prints once its first screen is ready (for Screener:
the home table shows the interviews). Runs alternate between the two programs and the ratio is
taken per pair, so a busy moment on the machine hits both.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Figure, median_worst, spawn_until_ready


def measure(db_path: Path, runs: int = 7) -> list[Figure]:
    spawn_until_ready("benchmarks.children.startup_bare")  # warm the OS file cache once
    spawn_until_ready("benchmarks.children.startup_app", str(db_path))
    app_s: list[float] = []
    bare_s: list[float] = []
    for _ in range(runs):
        app_s.append(spawn_until_ready("benchmarks.children.startup_app", str(db_path))[0])
        bare_s.append(spawn_until_ready("benchmarks.children.startup_bare")[0])
    ratios = [a / b for a, b in zip(app_s, bare_s, strict=True)]
    app_med, app_worst = median_worst(app_s)
    bare_med, bare_worst = median_worst(bare_s)
    ratio_med, ratio_worst = median_worst(ratios)
    return [
        Figure("startup_s", app_med, app_worst, "s", runs=runs, note="Screener, home rows shown"),
        Figure("startup_bare_s", bare_med, bare_worst, "s", runs=runs, note="Header+Input+Footer"),
        Figure("startup_ratio", ratio_med, ratio_worst, "x", 1.5, runs=runs),
    ]
