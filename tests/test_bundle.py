"""The handover bundle on real files: the PDF opens in pypdf only with the password (AES-256),
the zip opens only with it, nothing plain is left in the folder, names carry no person."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pypdf
import pytest
import pyzipper
from store_fixture import CONSENTED, info, questionnaire

from screener.bundle import generate_password, read_bundle_json, write_bundle
from screener.errors import BundleError
from screener.store.repository import Repository

pytestmark = pytest.mark.usefixtures("english")


NAME = "Zorblax Quintavelle"
ANSWER = "Kanariefugl-svar 7731"


@pytest.fixture
def repo(db_path: Path) -> Repository:
    repository = Repository(db_path)
    yield repository  # type: ignore[misc]
    repository.close()


def _interview(repo: Repository) -> int:
    iid = repo.create_interview(info(NAME, case_id="K-2026/77"), questionnaire(), consent=CONSENTED)
    repo.set_answer(iid, "mother_tongue", ANSWER)
    return iid


def test_bundle_opens_only_with_its_password(repo: Repository, tmp_path: Path) -> None:
    iid = _interview(repo)
    folder = tmp_path / "usb" / "handover"  # created when missing
    result = write_bundle(repo, iid, folder, "da")
    assert sorted(p.name for p in folder.iterdir()) == [
        "screening-00001-da.pdf",
        "screening-00001-da.zip",
    ]
    for path in folder.iterdir():
        data = path.read_bytes()
        assert NAME.encode() not in data and ANSWER.encode() not in data
        assert "Zorblax".encode("utf-16-be") not in data
    reader = pypdf.PdfReader(result.pdf)
    assert reader.is_encrypted
    assert reader.decrypt("wrong password") == 0
    reader = pypdf.PdfReader(result.pdf)
    assert reader.decrypt(result.password) != 0
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256, PDF 2.0 security handler
    text = "".join(page.extract_text() for page in reader.pages)
    assert NAME in text
    assert NAME not in str(reader.metadata.title if reader.metadata else "")
    with pyzipper.AESZipFile(result.archive) as archive:
        (member,) = archive.infolist()
        assert member.filename == "screening-00001-da.json"
        with pytest.raises(RuntimeError):
            archive.read(member.filename)  # no password
        archive.setpassword(b"wrong")
        with pytest.raises(RuntimeError):
            archive.read(member.filename)
    with zipfile.ZipFile(result.archive) as plain_zip, pytest.raises(NotImplementedError):
        plain_zip.read(plain_zip.namelist()[0], pwd=result.password.encode())
    data = read_bundle_json(result.archive, result.password)
    assert data["candidate"]["name"] == NAME
    assert repo.get(iid).exported_at is not None


def test_two_languages_do_not_overwrite_each_other(repo: Repository, tmp_path: Path) -> None:
    iid = _interview(repo)
    write_bundle(repo, iid, tmp_path, "da", password="fixed-pass-word")
    write_bundle(repo, iid, tmp_path, "en", password="fixed-pass-word")
    assert len(list(tmp_path.glob("screening-*"))) == 4


def test_reading_a_bundle_with_bad_input_names_the_problem(
    repo: Repository, tmp_path: Path
) -> None:
    iid = _interview(repo)
    result = write_bundle(repo, iid, tmp_path, "da")
    with pytest.raises(BundleError, match="password is not right"):
        read_bundle_json(result.archive, "nope")
    with pytest.raises(BundleError, match="needs its password"):
        read_bundle_json(result.archive, None)
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(result.archive.read_bytes()[:200])
    with pytest.raises(BundleError, match="damaged"):
        read_bundle_json(truncated, result.password)
    tampered = tmp_path / "tampered.zip"
    raw = bytearray(result.archive.read_bytes())
    raw[120] ^= 0xFF
    tampered.write_bytes(bytes(raw))
    with pytest.raises(BundleError):
        read_bundle_json(tampered, result.password)
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\xff\xfe not json")
    with pytest.raises(BundleError, match="not a Screener JSON export"):
        read_bundle_json(junk, None)


def test_passwords_are_long_and_readable() -> None:
    password = generate_password()
    assert len(password.replace("-", "")) == 24
    assert not set(password) & set("01oil")
    assert generate_password() != password


def test_the_cli_writes_a_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from screener import cli
    from screener.security import vault
    from screener.security.kdf import KdfParams

    db = tmp_path / "cli.sqlite3"
    key, _recovery = vault.create(db, "cli bundle passphrase", KdfParams.FAST)
    with Repository(db, key=key) as encrypted:
        iid = _interview(encrypted)
    secret = tmp_path / "pass.txt"
    secret.write_text("cli bundle passphrase\n")
    out = tmp_path / "out"
    code = cli.main(
        ["bundle", str(iid), str(out), "--db", str(db), "--passphrase-file", str(secret)]
    )
    assert code == 0
    assert {p.suffix for p in out.iterdir()} == {".pdf", ".zip"}
    code = cli.main(["list", "--db", str(db), "--passphrase-file", str(tmp_path / "missing")])
    assert code == 1
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    before = db.read_bytes()
    assert cli.main(["list", "--db", str(db), "--passphrase-file", str(wrong)]) == 1
    assert db.read_bytes() == before


def test_half_written_files_of_an_interrupted_export_are_removed_at_start(
    tmp_path: Path,
) -> None:
    import os
    import signal
    import subprocess
    import sys

    from screener.security import access, vault
    from screener.security.kdf import KdfParams
    from screener.settings import Settings

    usb = tmp_path / "usb"
    usb.mkdir()
    writer = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "import screener.files as f\n"
        "real = f.os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "f.os.fsync = slow\n"
        "f.atomic_write(Path(sys.argv[1]) / 'report.pdf', b'x' * 100000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", writer, str(usb)], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == b"writing"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert [p.suffix for p in usb.iterdir()] == [".part"]  # what a kill leaves behind
    db = tmp_path / "data" / "s.sqlite3"
    key, _recovery = vault.create(db, "part cleanup passphrase", KdfParams.FAST)
    settings = Settings(db_path=db, export_dir=usb)
    with access.open_repository(settings, key):
        assert list(usb.iterdir()) == []
