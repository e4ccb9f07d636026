"""Python's cycle collector, run in the consultant's pauses instead of in the middle of a key.

Left to itself the collector runs every 700 new objects, wherever that falls: a section switch
makes some 7,000, so it paid for about ten small collections and now and then a larger one
(up to 6 ms, 24 ms for a full one) at random keys. While the app runs, automatic collection is
off; the app calls ``touch`` on every key and ``tick`` from a timer, and the young objects are
collected once no key has come for ``quiet`` seconds. A long burst with no pause (or a worker
making objects on its own) is collected when the young objects pass ``limit``, so memory stays
bounded whatever the consultant does.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

QUIET_SECONDS = 0.3  # a pause between words is longer than the gap between two letters
YOUNG_LIMIT = 100_000  # about fifty keys or a dozen section switches
FULL_EVERY_SECONDS = 60.0  # the older objects, now and then, in a pause
NOTHING_TO_DO = 700  # CPython's own threshold: fewer young objects are not worth a collection


class QuietCollector:
    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        *,
        quiet: float = QUIET_SECONDS,
        limit: int = YOUNG_LIMIT,
    ) -> None:
        self.clock = clock
        self.quiet = quiet
        self.limit = limit
        self._last_key = clock()
        self._last_full = clock()
        self._was_enabled: bool | None = None

    @property
    def running(self) -> bool:
        return self._was_enabled is not None

    def start(self) -> None:
        if not self.running:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def stop(self) -> None:
        """Collection as it was before ``start`` (tests run many apps in one process)."""
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None

    def touch(self) -> None:
        """A key: no collection now unless the young objects have piled up past the limit."""
        self._last_key = self.clock()
        if self.running and young() > self.limit:
            gc.collect(1)

    def tick(self) -> int | None:
        """Collect if the consultant has paused or the limit is passed; returns the generation."""
        if not self.running:
            return None
        now = self.clock()
        if young() > self.limit:
            gc.collect(1)
            return 1
        if now - self._last_key < self.quiet or young() < NOTHING_TO_DO:
            return None
        generation = 1
        if now - self._last_full >= FULL_EVERY_SECONDS:
            generation = 2
            self._last_full = now
        gc.collect(generation)
        return generation


def young() -> int:
    """Objects made since the last collection (CPython's count for the youngest generation)."""
    return gc.get_count()[0]


def freeze() -> None:
    """Keep everything alive now out of the collector's view for good (pages, the questionnaire):
    the young garbage is collected first, so it is not kept with them."""
    gc.collect(1)
    gc.freeze()
