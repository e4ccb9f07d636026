"""Writes to the store on one background thread, in order, so typing never waits for the disk.

The saved indicator is honest: it says "saved" only when every submitted write has returned.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class Saver:
    def __init__(self, on_change: Callable[[], None] | None = None) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screener-save")
        self._lock = threading.Lock()
        self._pending = 0
        self.failed: BaseException | None = None
        self._on_change = on_change

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        """Queue one write; writes run in the order they were submitted."""
        with self._lock:
            self._pending += 1
        self._notify()
        future = self._executor.submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending -= 1
            # A failed write keeps the indicator on "not saved" until a later write succeeds.
            self.failed = future.exception()
        self._notify()

    def _notify(self) -> None:
        if self._on_change is not None:
            self._on_change()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued write has finished; True when nothing is left."""
        marker = self._executor.submit(lambda: None)
        marker.result(timeout=timeout)
        return self._pending == 0

    def close(self) -> None:
        self._executor.shutdown(wait=True)
