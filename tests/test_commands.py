"""The list / demo / export / backup subcommands, called directly and as a real process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener import commands, i18n
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.settings import Settings
from screener.store.records import Status
from screener.store.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
PASS = "test passphrase for the cli"


@pytest.fixture
def cli_settings(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """An encrypted store (cheap key derivation) whose passphrase the commands read from the
    environment, as a script would."""
    vault.create(db_path, PASS, KdfParams.FAST)
    monkeypatch.setenv("SCREENER_PASSPHRASE", PASS)
    return Settings(db_path=db_path, language="en")


def _store(settings: Settings) -> Repository:
    return Repository(settings.db_path, key=vault.unlock(settings.db_path, PASS))


def _run(function: object, *args: object) -> tuple[int, str]:
    """Exit code and what was printed (stdout and stderr together)."""
    out = io.StringIO()
    with contextlib.redirect_stderr(out):
        code = function(*args, out)  # type: ignore[operator]
    i18n.set_language("en")
    return code, out.getvalue()


def test_list_when_empty(cli_settings: Settings) -> None:
    code, text = _run(commands.list_interviews, cli_settings)
    assert code == 0 and "No interviews yet" in text and "screener demo" in text


def test_list_prints_an_aligned_table(cli_settings: Settings) -> None:
    with _store(cli_settings) as repo:
        repo.create_interview(
            info("Amina Testperson", municipality="Aarhus"), questionnaire(), consent=CONSENTED
        )
        repo.create_interview(
            info("Bo", municipality="Kolding"), questionnaire(), consent=CONSENTED
        )
    code, text = _run(commands.list_interviews, cli_settings)
    lines = text.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[1].split()[:2] == ["2", "Bo"]  # newest first
    column = lines[0].index("Municipality")
    assert lines[1][column:] == "Kolding" and lines[2][column:] == "Aarhus"
    assert "Draft" in lines[1]


def test_export_json_marks_exported(cli_settings: Settings, tmp_path: Path) -> None:
    with _store(cli_settings) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
        repo.set_answer(interview_id, "story", "Worked as a tailor")
        repo.finalize(interview_id)
    target = tmp_path / "out.json"
    code, text = _run(commands.export, cli_settings, interview_id, target, None)
    assert code == 0 and str(target) in text
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["candidate"]["name"] == "Amina Testperson"
    with _store(cli_settings) as repo:
        interview = repo.get(interview_id)
    assert interview.status is Status.EXPORTED and interview.exported_at is not None


def test_export_errors_give_a_message_and_exit_code_1(
    cli_settings: Settings, tmp_path: Path
) -> None:
    code, text = _run(commands.export, cli_settings, 99, tmp_path / "x.json", None)
    assert code == 1 and "No interview with id 99" in text
    with _store(cli_settings) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    missing = tmp_path / "no-usb" / "x.json"
    code, text = _run(commands.export, cli_settings, interview_id, missing, None)
    assert code == 1 and "Folder does not exist" in text and "Traceback" not in text
    with _store(cli_settings) as repo:
        assert repo.get(interview_id).exported_at is None


def test_backup_command(cli_settings: Settings, tmp_path: Path) -> None:
    with _store(cli_settings) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    target = tmp_path / "backup.sqlite3"
    code, text = _run(commands.backup, cli_settings, target)
    assert code == 0 and str(target) in text
    with Repository(target, key=vault.unlock(target, PASS)) as copy:
        assert [item.id for item in copy.list_interviews()] == [interview_id]
    with sqlite3.connect(target) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT id FROM interview").fetchall()  # encrypted like the original
    code, text = _run(commands.backup, cli_settings, tmp_path / "missing" / "b.sqlite3")
    assert code == 1 and "Folder does not exist" in text


def test_demo_list_export_from_a_fresh_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "fresh-home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "SCREENER_DB": str(home / "data" / "screener.sqlite3"),
        "SCREENER_PASSPHRASE": PASS,
        "PYTHONPATH": str(ROOT),
    }

    def screener(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "screener", "--lang", "en", *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    out = screener("demo")
    interview_id = int(out.split()[3].rstrip("."))
    assert "screener export" in out
    assert str(interview_id) in screener("list").splitlines()[1]
    screener("export", str(interview_id), "--json", "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["format"] == "screener-interview"
    assert any(entry["state"] == "answered" for entry in data["answers"])
