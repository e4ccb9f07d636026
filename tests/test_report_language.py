"""A report in one language, built on a worker thread, never changes the language of the UI.

The export screen builds the PDF in a thread worker while the consultant keeps using the app.
The report's language is an override of this thread only (``i18n.language``); the UI's
language is the process-wide default that F2 switches.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from datetime import datetime

from pypdf import PdfReader
from support.report import make_interview

from screener import i18n
from screener.report import render_pdf_bytes

GENERATED = datetime(2026, 11, 22, 13, 0)


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _in_worker(lang: str, while_running: Callable[[], None]) -> tuple[bytes, int]:
    """Render a report on a plain thread; call ``while_running`` until it is done."""
    result: dict[str, bytes] = {}
    done = threading.Event()

    def work() -> None:
        try:
            result["pdf"] = render_pdf_bytes(make_interview(), lang, GENERATED)
        finally:
            done.set()

    worker = threading.Thread(target=work)
    worker.start()
    checks = 0
    while not done.is_set() or checks < 20:
        while_running()
        checks += 1
    worker.join()
    return result["pdf"], checks


def test_english_report_on_a_worker_keeps_the_ui_danish() -> None:
    i18n.set_language("da")
    seen: set[tuple[str, str, str]] = set()

    def look() -> None:
        seen.add(
            (i18n.current_language(), i18n._("Confidential"), i18n._("Page {page} of {pages}"))
        )

    pdf, checks = _in_worker("en", look)
    assert checks >= 20
    assert seen == {("da", "Fortroligt", "Side {page} af {pages}")}
    text = _text(pdf)
    assert "CONFIDENTIAL" in text and "Page 1 of" in text
    assert "FORTROLIGT" not in text and "Side 1 af" not in text
    assert i18n.current_language() == "da"


def test_a_language_switch_during_the_report_is_not_undone() -> None:
    """F2 pressed while the report is being written: the UI stays in the new language."""
    i18n.set_language("da")
    switched: list[bool] = []

    def press_f2_once() -> None:
        if not switched:
            i18n.set_language("en")
            switched.append(True)
        assert i18n._("Confidential") == "Confidential"

    pdf, _checks = _in_worker("da", press_f2_once)
    assert i18n.current_language() == "en"
    assert "FORTROLIGT" in _text(pdf)  # the report keeps its own language
    i18n.set_language("da")


def test_an_override_is_local_to_its_thread() -> None:
    i18n.set_language("da")
    inside: list[str] = []
    with i18n.language("en"):
        thread = threading.Thread(target=lambda: inside.append(i18n._("Confidential")))
        thread.start()
        thread.join()
        assert i18n._("Confidential") == "Confidential"
    assert inside == ["Fortroligt"]  # a new thread starts from the default
    assert i18n._("Confidential") == "Fortroligt"
