"""``python -m benchmarks [--quick] [--json]``: run every measurement, print a table, and with
``--json`` one JSON object with every figure on the last line.

``--quick`` uses tiny sizes (a smoke test of the benchmark code; its figures mean nothing).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import crypto, hub, listing, memory, pdf, save, section_switch, startup
from benchmarks.common import Figure, compile_sources
from benchmarks.data import make_demo_db, make_many_db


@dataclass(frozen=True)
class Sizes:
    startup_runs: int
    saves: int
    pdf_runs: int
    interviews: int
    list_runs: int
    rss_runs: int
    switch_rounds: int


FULL = Sizes(
    startup_runs=7,
    saves=300,
    pdf_runs=7,
    interviews=10_000,
    list_runs=9,
    rss_runs=3,
    switch_rounds=2,
)
QUICK = Sizes(
    startup_runs=1, saves=5, pdf_runs=1, interviews=30, list_runs=1, rss_runs=1, switch_rounds=1
)


def run_all(sizes: Sizes) -> list[Figure]:
    figures: list[Figure] = []
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="screener-bm-") as tmp:
        demo_db = Path(tmp) / "demo.sqlite3"
        demo_id = make_demo_db(demo_db)
        many_db = Path(tmp) / "many.sqlite3"
        make_many_db(many_db, sizes.interviews)
        figures += startup.measure(demo_db, sizes.startup_runs)
        figures += save.measure(sizes.saves)
        figures += crypto.measure(
            sizes.saves,
            unlock_runs=1 if sizes is QUICK else 3,
            start_runs=sizes.startup_runs,
        )
        figures += pdf.measure(sizes.pdf_runs)
        figures += listing.measure(many_db, sizes.list_runs)
        figures += memory.measure(demo_db, demo_id, sizes.rss_runs)
        figures += section_switch.measure(demo_db, demo_id, sizes.switch_rounds)
        figures += hub.measure(Path(tmp) / "hub", sizes.interviews, sizes.list_runs)
    return figures


def verdict(figure: Figure) -> str:
    return {True: "pass", False: "FAIL", None: ""}[figure.passed]


def print_table(figures: list[Figure]) -> None:
    print(f"{'figure':<16} {'median':>9} {'worst':>9} {'unit':<4} {'target':>9} {'':<5} runs  note")
    for f in figures:
        target = f"{f.op} {f.target:g}" if f.target is not None else ""
        print(
            f"{f.name:<16} {f.median:>9.3f} {f.worst:>9.3f} {f.unit:<4} {target:>9} "
            f"{verdict(f):<5} {f.runs:>4}  {f.note}"
        )


def summary(figures: list[Figure], sizes: Sizes, seconds: float) -> dict[str, object]:
    judged = [f.passed for f in figures if f.passed is not None]
    data: dict[str, object] = {f.name: f.as_json() for f in figures}
    data["all_pass"] = all(judged)
    data["meta"] = {
        "quick": sizes is QUICK,
        "interviews": sizes.interviews,
        "seconds": round(seconds, 1),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke test")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    start = time.perf_counter()
    figures = run_all(sizes)
    print_table(figures)
    if args.json:
        print(json.dumps(summary(figures, sizes, time.perf_counter() - start)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
