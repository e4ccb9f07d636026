"""Rendering the story to PDF bytes, and writing them where the consultant asked.

The header and footer ("Fortroligt", name and case id, "Side X af Y") are drawn by a two-pass
canvas: pages are held back until the end so that the total page count is known.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import screener
from screener.i18n import _, language
from screener.report.fonts import FAMILY, register_fonts
from screener.report.keep import frame_class, keep_start_class
from screener.report.story import report_parts
from screener.report.styles import (
    ACCENT,
    CONTENT_LEFT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MM,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
)
from screener.report.text import collecting_missing, draw_line, draw_runs, visual_runs
from screener.store.records import Interview


@dataclass(frozen=True)
class Rendered:
    """The PDF, and the characters no bundled font has (printed as U+FFFD, e.g. most emoji)."""

    pdf: bytes
    missing: tuple[str, ...] = ()


def render_pdf_bytes(
    interview: Interview, lang: str, generated_at: datetime | None = None
) -> bytes:
    """The handover report as PDF bytes (A4), in ``lang`` ('da' or 'en')."""
    return render_report(interview, lang, generated_at).pdf


def render_report(
    interview: Interview, lang: str, generated_at: datetime | None = None
) -> Rendered:
    """The report and what could not be printed as written, for a warning in the export."""
    with collecting_missing() as missing:
        pdf = _render(interview, lang, generated_at)
    return Rendered(pdf, tuple(sorted(missing)))


def missing_warning(missing: tuple[str, ...]) -> str:
    """The export's warning about characters printed as U+FFFD ('' when there are none)."""
    if not missing:
        return ""
    codes = ", ".join(f"U+{ord(char):04X}" for char in missing)
    return _(
        "Some characters have no letter form in the report's fonts and are printed as \ufffd: "
        "{codes}"
    ).format(codes=codes)


def _render(interview: Interview, lang: str, generated_at: datetime | None) -> bytes:
    """One layout of the whole report: page 1 is left empty while the rest is laid out (the
    rest records where each chapter starts), and is drawn when the canvas saves, once those
    pages, which page 1 points to, are known."""
    from reportlab.platypus import BaseDocTemplate, PageBreak, PageTemplate, Spacer

    register_fonts()
    page_one, rest = report_parts(interview, lang, generated_at)
    found: dict[str, int] = {}
    story = [Spacer(1, 1), PageBreak(), *rest(found, 0)]
    with language(lang):
        header = _header_texts(interview)
        title = _("Screening report")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        # No names in the metadata: file managers and mail clients show it without opening.
        title=title,
        author="Screener",
        subject=interview.questionnaire.id,
        creator=f"Screener {screener.__version__}",
        lang=lang,
        initialFontName=FAMILY,
    )
    # What SimpleDocTemplate sets up, with a frame that is cheap to copy.
    frame = frame_class()(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="normal")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=doc.pagesize)])
    doc.keepTogetherClass = keep_start_class()
    doc.build(story, canvasmaker=numbered_canvas(header, lambda: page_one(found)))
    return buffer.getvalue()


def write_pdf(
    interview: Interview, path: Path, lang: str, generated_at: datetime | None = None
) -> list[str]:
    """Render and write atomically: a half-written report never lands on the USB stick.

    Returns warnings for the consultant (characters the fonts cannot print). Raises
    ExportError (from ``screener.files.atomic_write``) when the folder is missing or read-only.
    """
    from screener.files import atomic_write

    rendered = render_report(interview, lang, generated_at)
    atomic_write(path, rendered.pdf)
    warning = missing_warning(rendered.missing)
    return [warning] if warning else []


def _header_texts(interview: Interview) -> dict[str, str]:
    info = interview.info
    who = info.candidate_name
    if info.case_id:
        who += " · " + _("Case {case_id}").format(case_id=info.case_id)
    from screener.store.records import Status

    mark = _("Confidential").upper()
    if interview.status is Status.DRAFT:  # on every page, not only where the status is named
        mark += " · " + _("Draft, not finalized").upper()
    return {
        "confidential": mark,
        "who": who,
        "page": _("Page {page} of {pages}"),
        "product": _("Screening report") + f" · Screener {screener.__version__}",
    }


def numbered_canvas(
    texts: dict[str, str], first_page: Callable[[], list[Any]] | None = None
) -> Any:
    """A canvas class that draws header and footer once the number of pages is known, and
    ``first_page()`` (flowables) on page 1 then."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    # The same on every page but the page number: shaped, ordered and coloured once.
    fixed: dict[str, list[tuple[str, str]]] = {}
    accent, muted, rule = (colors.HexColor(c) for c in (ACCENT, MUTED, RULE))

    def pieces(key: str, bold: bool = False) -> list[tuple[str, str]]:
        if key not in fixed:
            fixed[key] = visual_runs(texts[key], bold)
        return fixed[key]

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page names Helvetica, a font that is not embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FAMILY
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for index, state in enumerate(self._pages):
                self.__dict__.update(state)
                if index == 0 and first_page is not None:
                    frame = Frame(
                        MARGIN_X,
                        MARGIN_BOTTOM,
                        PAGE_WIDTH - 2 * MARGIN_X,
                        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                    )
                    frame.addFromList(first_page(), self)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            left, right = CONTENT_LEFT, PAGE_WIDTH - CONTENT_LEFT
            top = PAGE_HEIGHT - 14 * MM
            self.saveState()
            self.setFillColor(accent)
            draw_runs(self, left, top, pieces("confidential", bold=True), 7.5, right=False)
            self.setFillColor(muted)
            draw_runs(self, right, top, pieces("who"), 7.5, right=True)
            self.setStrokeColor(rule)
            self.setLineWidth(0.5)
            self.line(left, top - 4, right, top - 4)
            bottom = 12 * MM
            self.line(left, bottom + 9, right, bottom + 9)
            draw_runs(self, left, bottom, pieces("product"), 7.5, right=False)
            page = texts["page"].format(page=self._pageNumber, pages=total)
            draw_line(self, right, bottom, page, 7.5, right=True)
            self.restoreState()

    return NumberedCanvas
