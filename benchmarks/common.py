"""Shared pieces: the Figure record, statistics, and starting child processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY = "READY"


@dataclass
class Figure:
    """One reported number: its median and worst over the runs, and the target it must meet.

    ``op`` is ``"<="`` or ``"<"``; pass/fail is judged on ``median`` (for a percentile figure,
    median and worst are the same percentile, so the judgement is on that value).
    """

    name: str
    median: float
    worst: float
    unit: str
    target: float | None = None
    op: str = "<="
    runs: int = 1
    note: str = ""

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.median <= self.target if self.op == "<=" else self.median < self.target

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        del data["name"]
        data["median"] = round(self.median, 4)
        data["worst"] = round(self.worst, 4)
        data["pass"] = self.passed
        return data


def median_worst(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), max(values)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): the smallest value with p% at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceiling
    return ordered[int(rank) - 1]


def compile_sources() -> None:
    """Write the bytecode of ``screener`` and ``benchmarks``, as installing a package does.

    The baseline's Textual is read from the bytecode pip compiled when it was installed, and an
    installed Screener is too. A checkout run with ``PYTHONDONTWRITEBYTECODE`` (as here), or
    with sources edited since their cache was written, would instead make Screener alone compile
    its start-up modules from source in every child (about 20 ms each start): a cost no
    installed copy pays. Compiling once before any timing is like warming the file cache.
    """
    import compileall

    for package in ("screener", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["TEXTUAL_ANIMATIONS"] = "none"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def spawn_until_ready(module: str, *args: str, timeout: float = 60.0) -> tuple[float, str]:
    """Start ``python -m module args`` and return (seconds from spawn to its READY line, the
    rest of that line). The child is then left to finish on its own and reaped."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith(READY):
                elapsed = time.perf_counter() - start
                rest = line[len(READY) :].strip()
                proc.stdout.read()
                proc.wait(timeout=timeout)
                return elapsed, rest
        proc.wait(timeout=timeout)
        error = proc.stderr.read() if proc.stderr else ""
        raise RuntimeError(f"{module} ended without {READY}: {error[-2000:]}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def run_child_json(module: str, *args: str, timeout: float = 180.0) -> dict[str, object]:
    """Run a child that prints one JSON object as its last line; return that object."""
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]
