"""Switching sections in the demo interview against a bare Textual key press.

Timed inside one child process (``benchmarks.children.section_switch``), both sides with the
same harness (Textual's ``Pilot.press``, which waits until the key is handled and the app is
idle). The ratio is the median switch over the median bare key press; the worst switch is
reported against the same median bare press.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks.common import Figure, median_worst, run_child_json


def measure(db_path: Path, interview_id: int, rounds: int = 2) -> list[Figure]:
    args = (str(db_path), str(interview_id), str(rounds))
    result = run_child_json("benchmarks.children.section_switch", *args, timeout=600)
    switch_ms: list[float] = result["switch_ms"]  # type: ignore[assignment]
    bare_ms: list[float] = result["bare_ms"]  # type: ignore[assignment]
    switch_med, switch_worst = median_worst(switch_ms)
    bare_med, bare_worst = median_worst(bare_ms)
    bare = statistics.median(bare_ms)
    return [
        Figure("section_switch_ms", switch_med, switch_worst, "ms", runs=len(switch_ms)),
        Figure("key_bare_ms", bare_med, bare_worst, "ms", runs=len(bare_ms), note="bare Textual"),
        Figure(
            "section_switch_ratio",
            switch_med / bare,
            switch_worst / bare,
            "x",
            1.5,
            runs=len(switch_ms),
            note="ctrl+pagedown/up vs a letter typed",
        ),
    ]
