"""Only the UI package may load Textual; the rest must import and run without a terminal."""

from __future__ import annotations

import subprocess
import sys

NON_UI_MODULES = [
    "screener",
    "screener.cli",
    "screener.commands",
    "screener.settings",
    "screener.i18n",
    "screener.errors",
    "screener.exporting",
    "screener.questionnaire.model",
    "screener.questionnaire.loader",
    "screener.questionnaire.lint",
    "screener.questionnaire.expressions",
    "screener.interview.logic",
    "screener.store.records",
    "screener.store.repository",
    "screener.report.render",
    "screener.demo",
]


def test_non_ui_modules_do_not_load_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {NON_UI_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_importing_the_cli_opens_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Nothing is created at import time: no database, no data folder."""
    home = tmp_path / "empty-home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "PATH": ""}
    subprocess.run(
        [sys.executable, "-c", "import screener.cli, screener.ui.app"],
        env=env,
        check=True,
    )
    assert list(home.iterdir()) == []
