"""Fixtures for every test: a private data folder and database, a fixed language, and the
hub's engines (``support.hub``). Clocks are passed in where a test needs one held still
(``Repository(clock=...)``, ``build_app(clock=...)``)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.hub import demo_export, hub, hub_url, pg_admin_url

__all__ = ["demo_export", "hub", "hub_url", "pg_admin_url"]

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own HOME and data folder, so nothing touches the real user's files."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    monkeypatch.setenv("SCREENER_DB", str(tmp_path / "screener.sqlite3"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    from screener import i18n

    i18n.set_language("da")
    yield home
    i18n.set_language("da")


@pytest.fixture
def english() -> None:
    """Messages matched in English (the suite's default is Danish): a module that writes its
    expected messages in English says ``pytestmark = pytest.mark.usefixtures("english")``."""
    from screener import i18n

    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "screener.sqlite3"


@pytest.fixture
def settings(db_path: Path):  # type: ignore[no-untyped-def]
    from screener.settings import Settings

    return Settings(db_path=db_path, language="da", cursor_blink=False)


@pytest.fixture
def terminal_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path / "home"),
        SCREENER_DB=str(tmp_path / "tmux.sqlite3"),
        TMUX_TMPDIR=str(tmp_path),
        TERM="xterm-256color",
    )
    env.pop("TMUX", None)
    yield env
    subprocess.run(["tmux", "kill-server"], env=env, check=False, capture_output=True)
