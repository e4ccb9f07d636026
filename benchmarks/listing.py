"""The home screen with 10,000 interviews: first rows, and one search keystroke.

Both are timed inside one child process (``benchmarks.children.home_list``) that runs the real
app headless on a database generated once per run (see ``data.make_many_db``).
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Figure, median_worst, run_child_json


def measure(db_path: Path, runs: int = 9) -> list[Figure]:
    result = run_child_json("benchmarks.children.home_list", str(db_path), str(runs))
    list_ms: list[float] = result["list_ms"]  # type: ignore[assignment]
    search_ms: list[float] = result["search_ms"]  # type: ignore[assignment]
    first_key_ms: list[float] = result["first_key_ms"]  # type: ignore[assignment]
    return [
        Figure("list_10k_ms", *median_worst(list_ms), "ms", 300, runs=runs),
        Figure("search_10k_ms", *median_worst(search_ms), "ms", 50, runs=runs),
        Figure(
            "first_key_10k_ms",
            *median_worst(first_key_ms),
            "ms",
            runs=runs,
            note="letter typed on the table",
        ),
    ]
