"""Moving an interview between two encrypted laptops: transfer file → import restores it
completely (same handover JSON apart from export times, same PDF text), keeps its UUID, is
idempotent, replaces an older copy with a newer one, and refuses bad input writing nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener.bundle import read_bundle_json, write_transfer, zip_json
from screener.errors import BundleError
from screener.report.render import render_pdf_bytes
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.store.export_json import to_json
from screener.store.records import AnswerState, Consent
from screener.store.repository import Repository
from screener.store.transfer import _digest, dumps, export_record, import_record

PASS = "laptop passphrase one"
WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("english")


def _laptop(path: Path) -> Repository:
    key, _recovery = vault.create(path, PASS, KdfParams.FAST)
    return Repository(path, key=key)


def _full_interview(repo: Repository) -> int:
    iid = repo.create_interview(
        info("Hamid Testsen", case_id="T-1"), questionnaire(), consent=CONSENTED
    )
    repo.record_consent(iid, Consent(screening=True, handover=True, language="fa"))
    repo.set_answer(iid, "mother_tongue", "Dari")
    repo.set_answer(iid, "children", 2)
    repo.set_answer(iid, "languages", ["da", "en"], other="Pashto")
    repo.set_answer(iid, "jobs", [{"job_title": "Skrædder", "job_years": 10}])
    repo.mark(iid, "driving", AnswerState.DECLINED)
    repo.set_note(iid, "story", "Fortalte meget om familien")
    repo.set_flag(iid, "children", True)
    repo.add_elapsed(iid, "basics", 321.5)
    repo.set_position(iid, "basics", "story")
    repo.finalize(iid)
    return iid


def _json(repo: Repository, iid: int) -> dict[str, Any]:
    data = to_json(repo.get(iid), exported_at=WHEN, include_interviewer_only=True)
    return data


def _pdf_text(repo: Repository, iid: int) -> str:
    import io

    import pypdf

    pdf = render_pdf_bytes(repo.get(iid), "da", generated_at=WHEN)
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_round_trip_restores_the_interview_completely(tmp_path: Path) -> None:
    source = _laptop(tmp_path / "a" / "s.sqlite3")
    target = _laptop(tmp_path / "b" / "s.sqlite3")
    try:
        iid = _full_interview(source)
        path = tmp_path / "usb" / "move.zip"
        path.parent.mkdir()
        password = write_transfer(source, iid, path)
        assert b"Hamid" not in path.read_bytes()
        result = import_record(target, read_bundle_json(path, password), str(path))
        assert result.action == "added"
        assert _json(target, result.interview_id) == _json(source, iid)
        assert _pdf_text(target, result.interview_id) == _pdf_text(source, iid)
        assert len(target.events(result.interview_id)) == len(source.events(iid))
        record_a = export_record(source, iid)
        record_b = export_record(target, result.interview_id)
        assert record_a["interview"]["uuid"] == record_b["interview"]["uuid"]
        for part in ("interview", "snapshot", "answers", "notes", "section_times", "events"):
            assert record_a[part] == record_b[part], part
        # The same file again: nothing duplicated, nothing changed.
        again = import_record(target, read_bundle_json(path, password), str(path))
        assert (again.action, target.count_interviews()) == ("unchanged", 1)
        # A newer version replaces the older one; the older history stays in the log.
        source.reopen(iid, "Candidate called back")
        source.set_answer(iid, "mother_tongue", "Dari and Farsi")
        newer = import_record(target, export_record(source, iid), "newer.json")
        assert (newer.action, target.count_interviews()) == ("replaced", 1)
        restored = target.get(newer.interview_id)
        assert restored.answers["mother_tongue"].value == "Dari and Farsi"
        kinds = [event.kind for event in target.events(newer.interview_id)]
        assert kinds.count("created") == 1 and kinds[-1] == "import_replaced"
        # It can be continued on the new laptop.
        target.reopen(newer.interview_id, "More questions")
        target.set_answer(newer.interview_id, "story", "Continued on laptop B")
    finally:
        source.close()
        target.close()


def _record(tmp_path: Path) -> dict[str, Any]:
    with _laptop(tmp_path / "src" / "s.sqlite3") as source:
        return export_record(source, _full_interview(source))


def _resign(data: dict[str, Any]) -> dict[str, Any]:
    data["digest"] = _digest(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: {**d, "format": "something-else"}, "not a Screener transfer file"),
        (lambda d: {**d, "format": "screener-interview"}, "handover export"),
        (lambda d: _resign({**d, "format_version": 99}), "newer version"),
        (lambda d: {**d, "exported_at": "2020-01-01"}, "changed or damaged"),
        (
            lambda d: _resign(
                {**d, "answers": [*d["answers"], {**d["answers"][0], "item": "no_such_question"}]}
            ),
            "no_such_question: no such question",
        ),
        (
            lambda d: _resign({**d, "answers": [{**d["answers"][0], "state": "maybe"}]}),
            "answers.0.state",
        ),
        (
            lambda d: _resign({**d, "snapshot": {**d["snapshot"], "snapshot_json": "{}"}}),
            "snapshot is damaged",
        ),
        (lambda d: _resign({**d, "surprise": 1}), "surprise"),
    ],
)
def test_bad_input_is_refused_listing_the_problem_and_writes_nothing(
    tmp_path: Path, change: Any, message: str
) -> None:
    data = change(json.loads(json.dumps(_record(tmp_path))))
    db = tmp_path / "dst" / "s.sqlite3"
    with _laptop(db) as target:
        with pytest.raises(BundleError, match=message) as raised:
            import_record(target, data, "move.json")
        assert "nothing was written" in str(raised.value)
        assert target.count_interviews() == 0


def test_wrong_password_truncated_and_plain_json_files(tmp_path: Path) -> None:
    record = _record(tmp_path)
    path = tmp_path / "move.zip"
    path.write_bytes(zip_json("transfer.json", dumps(record), "right-password"))
    with pytest.raises(BundleError, match="password is not right"):
        read_bundle_json(path, "wrong-password")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(BundleError, match="damaged or incomplete"):
        read_bundle_json(cut, "right-password")
    plain = tmp_path / "move.json"
    plain.write_bytes(dumps(record)[:-20])
    with pytest.raises(BundleError, match="not a Screener JSON export"):
        read_bundle_json(plain, None)
    plain.write_bytes(dumps(record))
    with _laptop(tmp_path / "dst" / "s.sqlite3") as target:
        assert import_record(target, read_bundle_json(plain, None), "move.json").action == "added"


def test_transfer_and_import_on_the_command_line(tmp_path: Path) -> None:
    from screener import cli

    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    zip_password = tmp_path / "zip.txt"
    zip_password.write_text("one-time-zip-password\n")
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    with _laptop(a) as source:
        iid = _full_interview(source)
    vault.create(b, PASS, KdfParams.FAST)
    common = ["--passphrase-file", str(secret), "--password-file", str(zip_password)]
    move = tmp_path / "move.zip"
    assert cli.main(["transfer", str(iid), str(move), "--db", str(a), *common]) == 0
    assert cli.main(["import", str(move), "--db", str(b), *common]) == 0
    assert cli.main(["import", str(move), "--db", str(b), *common]) == 0
    with Repository(b, key=vault.unlock(b, PASS)) as target:
        assert target.count_interviews() == 1
    with Repository(b, key=vault.unlock(b, PASS), exclusive=True):  # the app is running
        assert cli.main(["import", str(move), "--db", str(b), *common]) == 1
