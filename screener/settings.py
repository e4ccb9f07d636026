"""All run-time settings in one place, resolved from arguments, environment and defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from screener.resources import data_dir

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
APP_NAME = "screener"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_documents_dir() -> Path:
    from platformdirs import user_documents_path

    return user_documents_path()


@dataclass(frozen=True)
class Settings:
    """Where the database and questionnaires are, and which language the user sees.

    Nothing is created when a Settings object is made; the store creates the database folder
    when it opens the database.
    """

    db_path: Path
    questionnaire_dir: Path = field(default_factory=lambda: data_dir("questionnaires"))
    language: str = DEFAULT_LANGUAGE
    export_dir: Path | None = None
    actor: str = "consultant"
    cursor_blink: bool = True  # tests and snapshots turn it off for stable pictures
    lock_after_s: float = 600.0  # auto-lock after this many idle seconds (0: never)

    @classmethod
    def resolve(
        cls,
        db: str | os.PathLike[str] | None = None,
        language: str | None = None,
        questionnaire_dir: str | os.PathLike[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Arguments win over the environment (``SCREENER_DB``), which wins over defaults."""
        env = os.environ if environ is None else environ
        if db is None:
            db = env.get("SCREENER_DB") or None
        db_path = Path(db) if db is not None else default_data_dir() / "screener.sqlite3"
        lang = language or DEFAULT_LANGUAGE
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language: {lang}")
        qdir = Path(questionnaire_dir) if questionnaire_dir else data_dir("questionnaires")
        return cls(db_path=db_path.expanduser(), questionnaire_dir=qdir, language=lang)


# --- The organisation's contact details, printed on page 1 of the handover -------------------

ORGANISATION_KEYS = ("organisation", "contact", "phone", "email")


@dataclass(frozen=True)
class Organisation:
    """Who the receiving municipality calls: set once per laptop with ``screener config set``."""

    organisation: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``config.toml`` in the user's config folder (env ``SCREENER_CONFIG`` wins)."""
    env = os.environ if environ is None else environ
    if env.get("SCREENER_CONFIG"):
        return Path(env["SCREENER_CONFIG"]).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def load_organisation(path: Path | None = None) -> Organisation:
    """The ``[organisation]`` table of the config file; empty values when there is none."""
    import tomllib

    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return Organisation()
    table = data.get("organisation", {})
    if not isinstance(table, dict):
        return Organisation()
    return Organisation(**{k: str(table.get(k, "")) for k in ORGANISATION_KEYS})
