"""Where each chapter starts, so the one-page summary can say "see page N".

Page 1 is the summary and always exactly one page, so the rest of the report lays out the same
whatever the summary holds: the rest is laid out once without drawing (a dry run into memory),
and the page each chapter's marker lands on is recorded.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from screener.report.layout import Flowable

OVERVIEW_PAGES = 1


def page_marker(key: str, found: dict[str, int], offset: int = OVERVIEW_PAGES) -> Flowable:
    """A flowable of no size that records the page it is drawn on under ``key`` (``offset``:
    the pages before it that the layout it is drawn in does not count)."""
    from reportlab.platypus import Flowable as Base

    class Marker(Base):  # type: ignore[misc]
        def wrap(self, _width: float, _height: float) -> tuple[float, float]:
            return (0.0, 0.0)

        def draw(self) -> None:
            found.setdefault(key, self.canv.getPageNumber() + offset)

    return Marker()


def chapter_pages(build_rest: Callable[[dict[str, int]], list[Flowable]]) -> dict[str, int]:
    """Lay out the rest of the report (built by ``build_rest`` with markers) and return the
    page number, counted in the full report, where each marker fell."""
    from reportlab.platypus import SimpleDocTemplate

    from screener.report.fonts import register_fonts
    from screener.report.styles import (
        MARGIN_BOTTOM,
        MARGIN_TOP,
        MARGIN_X,
        PAGE_HEIGHT,
        PAGE_WIDTH,
    )

    register_fonts()
    found: dict[str, int] = {}
    story: list[Any] = build_rest(found)
    doc = SimpleDocTemplate(
        io.BytesIO(),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    doc.build(story)
    return found
