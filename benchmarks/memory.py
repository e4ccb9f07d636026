"""Peak resident memory with an interview open, each run a fresh process."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Figure, median_worst, run_child_json


def measure(db_path: Path, interview_id: int, runs: int = 3) -> list[Figure]:
    args = ("benchmarks.children.interview_rss", str(db_path), str(interview_id))
    peaks = [float(run_child_json(*args)["rss_mb"]) for _ in range(runs)]  # type: ignore[arg-type]
    return [Figure("rss_mb", *median_worst(peaks), "MB", 150, runs=runs, note="peak RSS (VmHWM)")]
