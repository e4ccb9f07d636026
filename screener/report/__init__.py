"""The handover report (PDF) for the receiving municipality.

Importing this package does not load reportlab: the functions below import it when called.
``build_story`` is pure (interview in, flowables out); ``render_pdf_bytes`` and ``write_pdf``
do the rendering.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from screener.store.records import Interview


def build_story(interview: Interview, lang: str, generated_at: datetime | None = None) -> list[Any]:
    from screener.report.story import build_story as build

    return build(interview, lang, generated_at)


def render_pdf_bytes(
    interview: Interview, lang: str, generated_at: datetime | None = None
) -> bytes:
    from screener.report.render import render_pdf_bytes as render

    return render(interview, lang, generated_at)


def write_pdf(
    interview: Interview, path: Path, lang: str, generated_at: datetime | None = None
) -> list[str]:
    """Write the report; returns warnings (characters no bundled font can print)."""
    from screener.report.render import write_pdf as write

    return write(interview, path, lang, generated_at)


__all__ = ["build_story", "render_pdf_bytes", "write_pdf"]
