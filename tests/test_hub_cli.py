"""``screener hub ...`` as a user types it, on both engines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.hub import variant, write_bundle, write_json


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from screener.cli import main

    code = main(["--lang", "en", "hub", *args])
    return code, capsys.readouterr().out


def test_hub_commands(
    hub_url: str,
    demo_export: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pypdf import PdfReader

    stick = tmp_path / "stick"
    stick.mkdir()
    write_json(stick, "a.json", variant(demo_export, 1, name="Amina Yusuf", municipality="Vejle"))
    write_bundle(stick, "b.zip", variant(demo_export, 2, name="Dawit Haile"), "pw-b")
    bad = variant(demo_export, 3)
    bad["consent"]["handover"] = False
    write_json(stick, "c.json", bad)
    passwords = tmp_path / "passwords.txt"
    passwords.write_text("# one line per bundle\nb.zip pw-b\n", encoding="utf-8")

    code, out = run(
        capsys, "--url", hub_url, "import", str(stick), "--password-file", str(passwords)
    )
    assert code == 1  # one file refused
    assert "refused: " in out and "c.json: the candidate did not consent to the handover" in out
    assert "Imported 2, replaced 0, skipped 0, refused 1." in out
    code, out = run(capsys, "--url", hub_url, "import", str(stick / "a.json"))
    assert code == 0 and "skipped: " in out and "Imported 0, replaced 0, skipped 1" in out

    code, out = run(capsys, "--url", hub_url, "list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:2] == ["ID", "Name"] and len(lines) == 3
    assert "Vejle" in out and "Sønderborg" in out
    code, out = run(capsys, "--url", hub_url, "search", "dawit", "--branch", "metal_welding")
    assert code == 0 and "Dawit Haile" in out and "Amina" not in out
    code, out = run(capsys, "--url", hub_url, "search", "--language", "arab", "--level", "5")
    assert out.strip() == "No candidates found."

    ids = {line.split()[1]: line.split()[0] for line in lines[1:]}
    code, out = run(
        capsys,
        "--url",
        hub_url,
        "outcome",
        ids["Amina"],
        "--placed",
        "Vejle",
        "--active-effort",
        "yes",
    )
    assert code == 0 and "Placed: Vejle; active effort: yes" in out
    code, out = run(
        capsys, "--url", hub_url, "outcome", ids["Amina"], "--months", "6", "--result", "igu"
    )
    assert code == 0 and "6: IGU" in out
    code, out = run(capsys, "--url", hub_url, "outcome", ids["Amina"], "--months", "6")
    assert code == 2
    code, out = run(capsys, "--url", hub_url, "outcome", "999", "--active-effort", "no")
    assert code == 1 and "No candidate with id 999" in out

    newer = variant(demo_export, 1, name="Amina Yusuf", updated_at="2027-01-05T10:00:00+00:00")
    write_json(stick, "a.json", newer)
    code, out = run(capsys, "--url", hub_url, "import", str(stick / "a.json"))
    assert code == 0 and "Imported 0, replaced 1" in out
    code, out = run(capsys, "--url", hub_url, "show", ids["Amina"])
    assert code == 0 and "Amina Yusuf" in out and "Placed: Vejle" in out and "6: IGU" in out
    assert "Version: changed 2027-01-05" in out and out.count("Earlier version:") == 1

    code, out = run(capsys, "--url", hub_url, "figures")
    assert code == 0 and out.splitlines()[1].split()[:6] == ["All", "2", "1", "1", "1", "1"]
    code, out = run(capsys, "--url", hub_url, "figures", "--by", "organisation")
    assert code == 0 and "Asylcenter Bjerregaard (demo)" in out
    target = tmp_path / "figures.xlsx"
    code, out = run(capsys, "--url", hub_url, "figures", "--export", str(target))
    assert code == 0 and target.exists()

    pdf = tmp_path / "amina.pdf"
    code, out = run(
        capsys, "--url", hub_url, "pdf", ids["Amina"], "--lang", "en", "--output", str(pdf)
    )
    assert code == 0, out
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Amina Yusuf" in text and "CONFIDENTIAL" in text.upper()


def test_a_hub_that_cannot_be_reached_gives_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "--url", "postgresql://someone:secret@127.0.0.1:1/nothing", "list")
    assert code == 1 and out.startswith("screener: ") and len(out.strip().splitlines()) == 1
    assert "secret" not in out and "***" in out
    code, out = run(capsys, "--url", "mysql://x/y", "list")
    assert code == 1 and "not mysql" in out


def test_missing_psycopg_is_a_translated_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from screener import i18n
    from screener.hub.engine import HubError, parse_url

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    i18n.set_language("da")
    with pytest.raises(HubError, match=r"pip install 'screener\[hub\]'") as caught:
        parse_url("postgresql://hub.example/screening")
    assert "psycopg" in str(caught.value) and "kræver" in str(caught.value)
    parse_url("sqlite:///hub.sqlite3")  # the embedded default needs no driver


def test_hub_modules_load_neither_textual_nor_sqlalchemy_at_import() -> None:
    code = (
        "import sys\n"
        "import screener.cli, screener.cli_hub, screener.hub.engine, screener.hub.parse\n"
        "import screener.hub.importer, screener.hub.search, screener.hub.figures\n"
        "import screener.hub.followup, screener.hub.sources, screener.hub.pdf, screener.hub.db\n"
        "heavy = ('textual', 'sqlalchemy', 'psycopg')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in heavy]\n"
        "print(','.join(sorted(bad)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_embedded_hub_is_encrypted_and_needs_its_passphrase(
    demo_export: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SCREENER_HUB_PASSPHRASE", raising=False)
    url = "sqlite:///" + (tmp_path / "hub.sqlite3").as_posix()
    secret = tmp_path / "hub-passphrase.txt"
    secret.write_text("blue tractor morning\n", encoding="utf-8")
    export = write_json(tmp_path, "a.json", variant(demo_export, 1, name="Amina Yusuf"))

    code, out = run(capsys, "--url", url, "list")
    assert code == 1 and "--passphrase-file" in out
    code, out = run(capsys, "--url", url, "--passphrase-file", str(secret), "import", str(export))
    assert code == 0 and "Imported 1" in out
    raw = (tmp_path / "hub.sqlite3").read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"Amina" not in raw
    assert (tmp_path / "hub.sqlite3").stat().st_mode & 0o077 == 0

    secret.write_text("wrong\n", encoding="utf-8")
    code, out = run(capsys, "--url", url, "--passphrase-file", str(secret), "list")
    assert code == 1 and "Wrong passphrase, or not a hub database" in out
    monkeypatch.setenv("SCREENER_HUB_PASSPHRASE", "blue tractor morning")
    code, out = run(capsys, "--url", url, "list")
    assert code == 0 and "Amina Yusuf" in out
