"""Very long free text reaches the PDF whole, in pieces that reportlab lays out in linear time.

reportlab breaks a paragraph into lines again on every page it continues on, so one huge
paragraph costs time with the square of its length (a 1 MB answer took minutes). Every place a
person types into is therefore laid out in paragraphs of at most about ``layout.CHUNK``
characters; these tests check the pieces and that no text is lost, not the time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from support.report import flat, make_interview, ok, pages_of

from screener.report import build_story, render_pdf_bytes
from screener.report.charts import _lines
from screener.report.fonts import FAMILY, register_fonts
from screener.report.layout import CHUNK

GENERATED = datetime(2026, 11, 22, 13, 0)
# Room for the label or bullet in front of the first piece.
LEAD = 200


def long_text(tag: str, count: int = 700) -> str:
    """Some 20,000 characters whose first and last sentences can be found in the PDF."""
    return " ".join(f"{tag}{n} om svejsning og montage." for n in range(count))


TEXTS = {tag: long_text(tag) for tag in ("Opgave", "Branche", "Grund", "Indsats")}


def interview() -> Any:
    base = make_interview()
    jobs = [dict(entry) for entry in base.answers["jobs"].value]
    jobs[0]["job_tasks"] = TEXTS["Opgave"]  # a repeat's entry, printed as blocks
    plan = [dict(entry) for entry in base.answers["plan"].value]
    plan[0]["why"] = TEXTS["Grund"]  # the effort plan's blocks
    answers = {
        "jobs": ok("jobs", jobs),
        "plan": ok("plan", plan),
        "branches": ok("branches", ["industry", "other"], TEXTS["Branche"]),  # a bullet
        "efforts": ok("efforts", ["cv", "rkv", "mentor"], TEXTS["Indsats"]),  # by phase
    }
    return make_interview(answers=answers)


def _text(flowable: Any) -> str:
    return "".join(getattr(frag, "text", "") for frag in getattr(flowable, "frags", []))


def test_long_values_are_laid_out_in_pieces() -> None:
    story = build_story(interview(), "da", GENERATED)
    longest = max(len(_text(flowable)) for flowable in story)
    assert CHUNK // 2 < longest <= CHUNK + LEAD


@pytest.fixture(scope="module")
def text() -> str:
    return flat(" ".join(pages_of(render_pdf_bytes(interview(), "da", GENERATED))))


@pytest.mark.parametrize("tag", sorted(TEXTS))
def test_a_long_value_reaches_the_pdf_whole(text: str, tag: str) -> None:
    assert f"{tag}0 om svejsning" in text
    assert f"{tag}699 om svejsning og montage." in text
    assert text.count(f" om svejsning og montage. {tag}") >= 690  # none lost between pages


def test_every_piece_of_a_line_keeps_the_lines_direction() -> None:
    """A Danish sentence with Arabic names, long enough to be cut: a piece that happens to
    start with a name is still set left to right (it was set right to left, flush right, with
    its words reordered); an Arabic line's pieces all read right to left."""
    from screener.report.layout import paras
    from screener.report.text import RTL

    # The cut falls on the space before the name: the second piece starts with it.
    danish = "Svejser" + "x" * (CHUNK - 10) + " فاطمة [b]x[/b] [/] " + "Murer og flisemager " * 100
    pieces = paras(danish)
    assert len(pieces) > 2
    assert any(RTL.match(_text(p).lstrip()) for p in pieces)  # a piece opens with the name
    assert all(getattr(p, "rtl", False) is False for p in pieces)
    arabic = "فاطمة تعمل في البناء Aarhus " * 150
    assert all(getattr(p, "rtl", None) is True for p in paras(arabic))


def test_a_long_chart_label_is_cut_where_it_no_longer_fits() -> None:
    """Two lines, the second as much as fits before the ellipsis, however long the label."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    label = long_text("Sprog", 2000)
    first, second = _lines(label, FAMILY, 8.5, 150)
    assert first == simpleSplit(label, FAMILY, 8.5, 150)[0]
    assert second.endswith("…") and stringWidth(second, FAMILY, 8.5) <= 150
    start = label[len(first) + 1 :]
    assert start.startswith(second[:-1].rstrip())
    longer = start[: len(second) + 1] + "…"  # a character more would not fit
    assert stringWidth(longer, FAMILY, 8.5) > 150
