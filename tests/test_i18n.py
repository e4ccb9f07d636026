"""Every user-visible string is in both catalogs, translated, and compiled into the .mo files."""

from __future__ import annotations

import gettext
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from screener import i18n
from screener.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent


def code_messages() -> set[str]:
    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "screener"),
            method_map=[("**.py", "python")],
            keywords=i18n.EXTRACT_KEYWORDS,
        )
    }


@pytest.mark.parametrize("lang", ["da", "en"])
def test_catalog_has_every_message_translated(lang: str) -> None:
    po = data_dir("locales") / lang / "LC_MESSAGES" / "screener.po"
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    entries = {message.id: message for message in catalog if message.id}
    missing = sorted(code_messages() - set(entries))
    assert not missing, f"missing from {lang} catalog (run python3 dev.py i18n): {missing}"
    untranslated = sorted(m.id for m in entries.values() if not m.string or m.fuzzy)
    assert not untranslated, f"untranslated in {lang}: {untranslated}"
    with open(po.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [m.id for m in entries.values() if compiled.gettext(str(m.id)) != m.string]
    assert not stale, f"{lang} .mo is out of date (run python3 dev.py i18n): {stale[:5]}"


def test_language_switches_at_run_time() -> None:
    i18n.set_language("da")
    assert i18n._("Confidential") == "Fortroligt"
    i18n.set_language("en")
    assert i18n._("Confidential") == "Confidential"
    assert i18n.current_language() == "en"


def test_dates_and_numbers_follow_the_locale() -> None:
    assert i18n.format_date(date(2026, 11, 22), "da") == "22. november 2026"
    assert i18n.format_date(date(2026, 11, 22), "en") == "22 November 2026"
    assert i18n.format_number(1234.5, "da") == "1.234,5"
    assert i18n.format_number(1234.5, "en") == "1,234.5"
    assert i18n.format_duration(6300, "da") == "1 t 45 min"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_no_message_hides_inside_an_f_string() -> None:
    """Babel's extractor does not look inside f-strings: a ``_()`` there is never translated."""
    import re
    import tokenize

    hidden = []
    for path in sorted((ROOT / "screener").rglob("*.py")):
        with open(path, "rb") as handle:
            for token in tokenize.tokenize(handle.readline):
                prefix = re.match(r"[a-zA-Z]*", token.string).group(0).lower()  # type: ignore[union-attr]
                is_f_string = token.type == tokenize.STRING and "f" in prefix
                if is_f_string and re.search(r"\{[^}]*\b_\(", token.string):
                    hidden.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert not hidden, f"_() inside an f-string: {hidden}"
