"""Maintain the translation catalogs: extract, update, fill English, compile.

Run through ``python3 dev.py i18n``. Danish translations are then written in
``locales/da/LC_MESSAGES/screener.po`` and this script is run again to compile them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
LANGUAGES = ("da", "en")
sys.path.insert(0, str(ROOT))

from screener.i18n import EXTRACT_KEYWORDS  # noqa: E402


def extract() -> Catalog:
    template = Catalog(project="screener", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT / "screener"),
        method_map=[("**.py", "python")],
        keywords=EXTRACT_KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        template.add(
            message,
            None,
            [(f"screener/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "screener.po"


def main() -> int:
    template = extract()
    with open(LOCALES / "screener.pot", "wb") as handle:
        write_po(handle, template, width=100)
    untranslated = 0
    for lang in LANGUAGES:
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with open(path, "rb") as handle:
                catalog = read_po(handle, locale=lang)
        else:
            catalog = Catalog(locale=lang, project="screener", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        for message in catalog:
            if not message.id:
                continue
            if lang == "en" and not message.string:
                message.string = message.id
            if not message.string:
                untranslated += 1
                print(f"{lang}: untranslated: {message.id!r}")
        with open(path, "wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False)
        with open(path.with_suffix(".mo"), "wb") as handle:
            write_mo(handle, catalog)
    print(f"{len(template)} messages; {untranslated} untranslated")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
