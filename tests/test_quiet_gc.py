"""The cycle collector waits for the consultant's pauses, and never lets memory run away."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from screener.quiet_gc import FULL_EVERY_SECONDS, QuietCollector, young


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def collector(clock: Clock) -> Iterator[QuietCollector]:
    quiet = QuietCollector(clock, quiet=0.3, limit=50_000)
    quiet.start()
    yield quiet
    quiet.stop()


def make_young(count: int) -> list[list[int]]:
    """``count`` new container objects: each counts as one for the youngest generation."""
    return [[n] for n in range(count)]


def test_start_turns_automatic_collection_off_and_stop_restores_it() -> None:
    assert gc.isenabled()
    quiet = QuietCollector()
    quiet.start()
    assert not gc.isenabled()
    quiet.stop()
    assert gc.isenabled()


def test_nothing_is_collected_while_keys_come(collector: QuietCollector, clock: Clock) -> None:
    kept = make_young(5_000)
    for _ in range(10):
        clock.now += 0.1  # a key every tenth of a second
        collector.touch()
        assert collector.tick() is None
    assert young() >= 5_000
    del kept


def test_a_pause_collects_the_young_objects(collector: QuietCollector, clock: Clock) -> None:
    kept = make_young(5_000)
    collector.touch()
    clock.now += 0.2
    assert collector.tick() is None  # not yet a pause
    clock.now += 0.2
    assert collector.tick() == 1
    assert young() < 5_000
    assert collector.tick() is None  # nothing new to collect
    del kept


def test_the_older_objects_are_collected_in_a_pause_now_and_then(
    collector: QuietCollector, clock: Clock
) -> None:
    kept = make_young(2_000)
    clock.now += FULL_EVERY_SECONDS
    assert collector.tick() == 2
    clock.now += 1.0
    kept += make_young(2_000)
    assert collector.tick() == 1  # the next pause: the young ones only
    del kept


def test_a_long_burst_without_a_pause_is_collected_at_the_limit(
    collector: QuietCollector, clock: Clock
) -> None:
    kept = make_young(60_000)  # past the limit of 50,000
    clock.now += 0.05
    collector.touch()  # the key that passes the limit collects at once
    assert young() < 1_000
    kept += make_young(60_000)
    assert collector.tick() == 1  # and so does the timer, keys or not
    del kept
