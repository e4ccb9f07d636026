"""The consultant's edits of the papers: stored, logged, kept over a restart, exported; and the
``export --cv/--card`` command that refuses without consent and writes nothing then."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from store_fixture import encrypted_store, open_encrypted
from support.papers import shipped, with_cv_consent
from support.report import pages_of

from screener import commands
from screener.demo import create_demo
from screener.settings import Settings
from screener.store.export_json import to_json


@pytest.fixture(autouse=True)
def _encrypted(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    encrypted_store(db_path, monkeypatch)


def test_edits_survive_a_restart_and_are_exported(db_path: Path) -> None:
    with open_encrypted(db_path) as repo:
        iid = create_demo(repo, shipped())
        repo.set_paper_text(iid, "cv.job.da", "Svejser")
        repo.set_paper_text(iid, "cv.quote.da", "")  # left empty on purpose
        repo.set_paper_text(iid, "card.branch.en", "Metal")
        repo.set_paper_text(iid, "cv.job.da", "Svejser")  # unchanged: no second event
        repo.finalize(iid)
        repo.set_paper_text(iid, "cv.job.da", "Svejser, MAG")  # papers are made after that
        events = [e for e in repo.events(iid) if e.kind == "paper"]
        assert [(e.item, e.old, e.new) for e in events] == [
            ("cv.job.da", None, "Svejser"),
            ("cv.quote.da", None, ""),
            ("card.branch.en", None, "Metal"),
            ("cv.job.da", "Svejser", "Svejser, MAG"),
        ]
    with open_encrypted(db_path) as again:
        interview = again.get(iid)
        assert interview.papers == {
            "cv.job.da": "Svejser, MAG",
            "cv.quote.da": "",
            "card.branch.en": "Metal",
        }
        exported = to_json(interview)["papers"]
        assert exported == {
            "card.branch.en": "Metal",
            "cv.job.da": "Svejser, MAG",
            "cv.quote.da": "",
        }
        again.set_paper_text(iid, "cv.quote.da", None)  # back to the text from the answers
        assert "cv.quote.da" not in again.get(iid).papers
        with pytest.raises(ValueError):
            again.set_paper_text(iid, "cv.job; DROP TABLE", "x")


def _settings(db_path: Path) -> Settings:
    return Settings(db_path=db_path, language="da")


def test_export_refuses_without_the_cv_consent_and_writes_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    with open_encrypted(db_path) as repo:
        iid = create_demo(repo, shipped())
        repo.record_consent(iid, with_cv_consent(repo.get(iid).consent, given=False))
    out = io.StringIO()
    files = [tmp_path / "i.json", tmp_path / "r.pdf", tmp_path / "cv.pdf", tmp_path / "k.pdf"]
    with contextlib.redirect_stderr(out):  # errors go to stderr
        code = commands.export(
            _settings(db_path), iid, files[0], files[1], out, cv_path=files[2], card_path=files[3]
        )
    assert code == 1
    assert "samtykke til et CV-postkort" in out.getvalue()
    assert "Intet er skrevet." in out.getvalue()
    assert not any(path.exists() for path in files)
    with open_encrypted(db_path) as repo:
        assert repo.get(iid).exported_at is None


def test_export_writes_both_papers_with_consent(db_path: Path, tmp_path: Path) -> None:
    with open_encrypted(db_path) as repo:
        iid = create_demo(repo, shipped())
        repo.record_consent(iid, with_cv_consent(repo.get(iid).consent))
        repo.set_paper_text(iid, "cv.contact.da", "Mette Lindholm, tlf. 12 34 56 78")
    out = io.StringIO()
    cv, card = tmp_path / "cv.pdf", tmp_path / "k.pdf"
    assert commands.export(_settings(db_path), iid, None, None, out, cv, card) == 0
    assert "CV-postkort skrevet til" in out.getvalue()
    assert "12 34 56 78" in pages_of(cv.read_bytes())[0]
    assert "KOMPETENCEKORT" in pages_of(card.read_bytes())[0]
    with open_encrypted(db_path) as repo:
        assert repo.get(iid).exported_at is None  # the papers are not the handover


def test_cli_parses_cv_and_card(tmp_path: Path) -> None:
    from screener.cli import build_parser

    args = build_parser().parse_args(["export", "3", "--cv", "a.pdf", "--card", "b.pdf"])
    assert (args.cv, args.card, args.json, args.pdf) == (Path("a.pdf"), Path("b.pdf"), None, None)


def test_erasing_the_interview_erases_its_paper_texts(db_path: Path) -> None:
    with open_encrypted(db_path) as repo:
        iid = create_demo(repo, shipped())
        repo.set_paper_text(iid, "cv.job.da", "Svejser")
        repo.delete(iid)
        conn = repo._conn  # the same (decrypted) file, read directly
        assert conn.execute("SELECT count(*) FROM paper_text").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM event WHERE kind = 'paper'").fetchone() == (0,)
