"""Only the UI package may load Textual, and importing a module does nothing but define things.

Every module outside ``screener.ui`` is imported in a fresh interpreter, found by walking the
package (``pkgutil``), so a new module is checked without being listed here. The import-linter
contracts in pyproject.toml say the same for direct imports; this catches indirect ones too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import screener

SOURCE_ROOT = Path(screener.__file__).resolve().parent.parent

# Imported by the child: every module below ``screener`` except the UI, ``__main__`` (it runs the
# CLI) and Alembic's migration environment (a script Alembic runs, not a module to import).
WALK = """
import importlib, json, pkgutil, sys

SKIP = {
    "screener.ui",
    "screener.__main__",
    "screener.hub.migrations.env",
    "screener.store.revisions.env",
}


def walk(path, prefix):
    for info in pkgutil.iter_modules(path, prefix):
        if info.name in SKIP:
            continue
        module = importlib.import_module(info.name)
        yield info.name
        if info.ispkg:
            yield from walk(module.__path__, info.name + ".")


import screener

names = list(walk(screener.__path__, "screener."))
terminal = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(json.dumps({"modules": names, "terminal": terminal}))
"""


def _child_env(home: Path) -> dict[str, str]:
    """An empty home and data folders, no database setting: anything created shows up there."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SCREENER_")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPATH=str(SOURCE_ROOT),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def test_every_non_ui_module_imports_without_textual_and_creates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "child-home"
    workdir = tmp_path / "child-work"
    home.mkdir()
    workdir.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", WALK],
        cwd=workdir,
        env=_child_env(home),
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout)
    modules = set(found["modules"])
    # The walk reached into every package (a broken walk would pass vacuously).
    assert {
        "screener.demo",
        "screener.hub.importer",
        "screener.questionnaire.lint",
        "screener.report.render",
        "screener.store.repository",
        "screener.xlsform.importer",
    } <= modules
    assert not any(name.startswith("screener.ui") for name in modules)
    assert found["terminal"] == []
    assert list(home.iterdir()) == []
    assert list(workdir.iterdir()) == []


def test_importing_the_cli_opens_nothing(tmp_path: Path) -> None:
    """Nothing is created at import time: no database, no data folder."""
    home = tmp_path / "empty-home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "PATH": "",
        "PYTHONPATH": str(SOURCE_ROOT),
    }
    subprocess.run(
        [sys.executable, "-c", "import screener.cli, screener.ui.app"],
        env=env,
        check=True,
    )
    assert list(home.iterdir()) == []
