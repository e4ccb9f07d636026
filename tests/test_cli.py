"""The command line as scripts meet it: help, version, usage errors without a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from screener import __version__
from screener.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screener", *args], capture_output=True, text=True, timeout=60
    )


def test_help_lists_the_subcommands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("check", "list", "demo", "export", "backup"):
        assert command in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"screener {__version__}"


def test_unknown_option_gives_usage_and_exit_2() -> None:
    result = run("--bogus")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: screener")
    assert "Traceback" not in result.stderr


def test_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "fr", "list"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_export_without_a_target_is_a_usage_error() -> None:
    result = run("export", "1")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_settings_follow_arguments_then_environment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from screener.settings import Settings

    env = {"SCREENER_DB": str(tmp_path / "env.sqlite3")}
    assert Settings.resolve(environ=env).db_path == tmp_path / "env.sqlite3"
    assert Settings.resolve(db=tmp_path / "arg.sqlite3", environ=env).db_path == (
        tmp_path / "arg.sqlite3"
    )
    default = Settings.resolve(environ={})
    assert default.db_path.name == "screener.sqlite3"
    assert default.language == "da"
    assert (default.questionnaire_dir / "tm-screening.toml").is_file()
