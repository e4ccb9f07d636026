"""The demo interview's handover PDF against bare reportlab with the same amount of text.

The baseline is a ``SimpleDocTemplate`` with one plain ``Paragraph`` per line of the text that
pypdf extracts from the Screener report (same characters, same number of lines), set in the same
bundled DejaVu font: embedding a Unicode font is a requirement (Arabic-script and Danish names),
not overhead, so the ratio shows what Screener's own layout (tables, charts, two-pass page
numbers) costs. Each run is in this process; the first run of each side is a warm-up (imports,
font registration) and is reported separately as ``pdf_cold_s``.

``pdf_long_growth`` is the time of the demo report with one answer of ``LONG`` characters over
the time with an answer a quarter as long, measured in the same run: linear rendering gives
about 4, the old quadratic one 16.
"""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from benchmarks.common import Figure, median_worst


def demo_interview() -> Any:
    from benchmarks.data import make_demo_db
    from screener.store.repository import Repository

    with tempfile.TemporaryDirectory(prefix="screener-bm-") as tmp:
        path = Path(tmp) / "demo.sqlite3"
        iid = make_demo_db(path)
        with Repository(path) as repo:
            return repo.get(iid)


def report_text(pdf: bytes) -> tuple[list[str], int]:
    """The lines of text in ``pdf`` and its number of pages."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    return lines, len(reader.pages)


def bare_pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from screener.report.fonts import register_fonts

    family = register_fonts()
    style = getSampleStyleSheet()["BodyText"]
    style.fontName = family
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build([Paragraph(escape(line), style) for line in lines])
    return buffer.getvalue()


def seconds(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


LONG = 1_000_000
SENTENCE = "Jeg har arbejdet som svejser i seks år og vil gerne lære dansk på arbejdet. "


def with_long_answer(interview: Any, size: int) -> Any:
    """The interview with its first answered free-text item replaced by ``size`` characters."""
    from dataclasses import replace

    from screener.report.answers import in_report
    from screener.store.records import Answer, AnswerState

    item = next(
        item
        for _section, item, _parent in interview.questionnaire.walk()
        if item.kind in ("text", "long_text") and in_report(item) and item.name in interview.answers
    )
    text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    answers = {**interview.answers, item.name: Answer(item.name, AnswerState.ANSWERED, text)}
    return replace(interview, answers=answers)


def measure_long(interview: Any, size: int = LONG) -> list[Figure]:
    """A ``size`` answer against a quarter of it: the growth shows whether time is linear."""
    from screener.report.render import render_pdf_bytes

    long_s = seconds(render_pdf_bytes, with_long_answer(interview, size), "da")
    quarter_s = seconds(render_pdf_bytes, with_long_answer(interview, size // 4), "da")
    kb = size // 1000
    return [
        Figure("pdf_long_s", long_s, long_s, "s", runs=1, note=f"one answer of {kb} kB"),
        Figure(
            "pdf_long_growth",
            long_s / quarter_s,
            long_s / quarter_s,
            "x",
            5,
            runs=1,
            note=f"{kb} kB answer against {kb // 4} kB, same run",
        ),
    ]


def measure(runs: int = 7) -> list[Figure]:
    from screener.report.render import render_pdf_bytes

    interview = demo_interview()
    start = time.perf_counter()
    pdf = render_pdf_bytes(interview, "da")
    cold = time.perf_counter() - start
    lines, pages = report_text(pdf)
    bare_pdf(lines)  # warm-up
    app_s: list[float] = []
    ratios: list[float] = []
    for _ in range(runs):
        took = seconds(render_pdf_bytes, interview, "da")
        base = seconds(bare_pdf, lines)
        app_s.append(took)
        ratios.append(took / base)
    chars = sum(len(line) for line in lines)
    med, worst = median_worst(app_s)
    rmed, rworst = median_worst(ratios)
    return [
        Figure("pdf_s", med, worst, "s", 1, "<", runs=runs, note=f"{chars} chars, {pages} pages"),
        Figure("pdf_cold_s", cold, cold, "s", runs=1, note="first export in a process"),
        Figure("pdf_ratio", rmed, rworst, "x", 2, runs=runs, note="against bare reportlab"),
        # --quick (one run) uses a small answer: a smoke test of the code, not a figure.
        *measure_long(interview, LONG if runs > 1 else 40_000),
    ]
