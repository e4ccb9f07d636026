"""Encryption at rest on real SQLCipher files: unreadable without the key, a wrong passphrase
refused with nothing changed, the recovery key, a passphrase change, the upgrade of an old plain
database, owner-only files."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener.errors import DatabaseError, WrongPassphraseError
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.security.keyfile import key_path
from screener.security.vault import StoreState, WeakPassphraseError
from screener.store.repository import Repository

pytestmark = pytest.mark.usefixtures("english")


FAST = KdfParams.FAST
PASS = "korrekt hest batteri 42"
CANARY_NAME = "Zorblax Quintavelle"
CANARY_ANSWER = "Xylofonmekaniker fra Vrøvlerup"
CANARY_NOTE = "Notat om qwertyzzz-kanarie"


def _write_canaries(repo: Repository) -> int:
    iid = repo.create_interview(info(CANARY_NAME), questionnaire(), consent=CONSENTED)
    repo.set_answer(iid, "mother_tongue", CANARY_ANSWER)
    repo.set_note(iid, "mother_tongue", CANARY_NOTE)
    return iid


def _files(db: Path) -> list[Path]:
    return [p for p in db.parent.iterdir() if p.name.startswith(db.name)]


def _assert_no_canary(paths: list[Path]) -> None:
    for path in paths:
        data = path.read_bytes()
        for canary in (CANARY_NAME, CANARY_ANSWER, CANARY_NOTE):
            assert canary.encode("utf-8") not in data, (path.name, canary)


def _new_store(db: Path) -> Repository:
    key, _recovery = vault.create(db, PASS, FAST)
    return Repository(db, key=key)


def test_the_files_on_disk_are_not_readable_without_the_key(db_path: Path) -> None:
    repo = _new_store(db_path)
    try:
        _write_canaries(repo)
        # While open: the WAL holds the recent pages, encrypted too.
        assert db_path.with_name(db_path.name + "-wal").exists()
        _assert_no_canary(_files(db_path))
        assert repo.pragmas()["journal_mode"] == "wal"
        assert repo.pragmas()["synchronous"] == 2
    finally:
        repo.close()
    _assert_no_canary(_files(db_path))
    plain = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()
    with pytest.raises(DatabaseError, match="encrypted"):
        Repository(db_path)  # no key


def test_wrong_passphrase_is_refused_and_nothing_changes(db_path: Path) -> None:
    with _new_store(db_path) as repo:
        _write_canaries(repo)
    before = {p.name: p.read_bytes() for p in _files(db_path)}
    with pytest.raises(WrongPassphraseError, match="passphrase is not right"):
        vault.unlock(db_path, "forkert hest batteri 42")
    assert {p.name: p.read_bytes() for p in _files(db_path)} == before
    with Repository(db_path, key=vault.unlock(db_path, PASS)) as repo:
        assert repo.get(1).info.candidate_name == CANARY_NAME


def test_the_recovery_key_opens_and_resets_the_passphrase(db_path: Path) -> None:
    key, recovery = vault.create(db_path, PASS, FAST)
    with Repository(db_path, key=key) as repo:
        _write_canaries(repo)
    typed_back = recovery.lower().replace("-", " ")  # as a person types it from paper
    assert vault.unlock_with_recovery(db_path, typed_back) == key
    with pytest.raises(WrongPassphraseError, match="recovery key"):
        vault.unlock_with_recovery(db_path, "AAAA-" + recovery[5:])
    vault.change_passphrase(db_path, recovery, "ny lang passphrase 2026", with_recovery=True)
    with pytest.raises(WrongPassphraseError):
        vault.unlock(db_path, PASS)
    with Repository(db_path, key=vault.unlock(db_path, "ny lang passphrase 2026")) as repo:
        assert repo.get(1).answers["mother_tongue"].value == CANARY_ANSWER


def test_change_passphrase_and_new_recovery_key(db_path: Path) -> None:
    key, old_recovery = vault.create(db_path, PASS, FAST)
    vault.change_passphrase(db_path, PASS, "en helt anden saetning")
    assert vault.unlock(db_path, "en helt anden saetning") == key
    with pytest.raises(WrongPassphraseError):
        vault.unlock(db_path, PASS)
    assert vault.unlock_with_recovery(db_path, old_recovery) == key  # unchanged by a rekey
    new_recovery = vault.replace_recovery_key(db_path, "en helt anden saetning")
    assert vault.unlock_with_recovery(db_path, new_recovery) == key
    with pytest.raises(WrongPassphraseError):
        vault.unlock_with_recovery(db_path, old_recovery)
    with pytest.raises(WrongPassphraseError):  # a wrong old passphrase changes nothing
        vault.change_passphrase(db_path, "gaet en gang til", "noget helt nyt her")
    assert vault.unlock(db_path, "en helt anden saetning") == key


def test_weak_or_mistyped_new_passphrases_are_refused(db_path: Path) -> None:
    with pytest.raises(WeakPassphraseError, match="12"):
        vault.create(db_path, "kort", FAST)
    with pytest.raises(WeakPassphraseError):
        vault.create(db_path, "aaaaaaaaaaaaaaaa", FAST)
    with pytest.raises(WeakPassphraseError, match="not the same"):
        vault.check_new_passphrase(PASS, PASS + "x")
    assert vault.store_state(db_path) is StoreState.NEW
    assert not key_path(db_path).exists()


def test_upgrade_of_a_plain_database_keeps_every_row_and_erases_the_plain_file(
    db_path: Path,
) -> None:
    with Repository(db_path) as plain:
        iid = _write_canaries(plain)
        plain.set_answer(iid, "children", 3)
        before = plain.get(iid)
        events = plain.events(iid)
    assert vault.store_state(db_path) is StoreState.PLAIN
    key, recovery = vault.encrypt_plain(db_path, PASS, FAST)
    assert vault.store_state(db_path) is StoreState.ENCRYPTED
    _assert_no_canary(_files(db_path))
    assert not db_path.with_name(db_path.name + ".plain-erase").exists()
    with Repository(db_path, key=vault.unlock(db_path, PASS)) as repo:
        after = repo.get(iid)
        assert after.answers == before.answers
        assert after.notes == before.notes
        assert after.info == before.info
        assert len(repo.events(iid)) == len(events)
    assert vault.unlock_with_recovery(db_path, recovery) == key


def test_an_interrupted_upgrade_is_undone_on_the_next_start(db_path: Path) -> None:
    with Repository(db_path) as plain:
        _write_canaries(plain)
    # As if the process died after writing the key file, before the swap.
    key_path(db_path).write_text("{}")
    db_path.with_name(db_path.name + ".encrypting.part").write_bytes(b"half")
    assert vault.store_state(db_path) is StoreState.PLAIN
    assert not key_path(db_path).exists()
    # As if it died between the two renames: the plain copy is put back.
    os.replace(db_path, db_path.with_name(db_path.name + ".plain-erase"))
    assert vault.store_state(db_path) is StoreState.PLAIN
    with Repository(db_path) as plain:
        assert plain.get(1).info.candidate_name == CANARY_NAME


def test_an_encrypted_file_without_its_key_file_is_reported(db_path: Path) -> None:
    with _new_store(db_path) as repo:
        _write_canaries(repo)
    key_path(db_path).rename(db_path.with_name("elsewhere.key"))
    with pytest.raises(DatabaseError, match="key file"):
        vault.store_state(db_path)


def test_backup_of_an_encrypted_store_is_encrypted_and_opens_with_the_passphrase(
    db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "backup" / "copy.sqlite3"
    target.parent.mkdir()
    with _new_store(db_path) as repo:
        _write_canaries(repo)
        repo.backup(target)
    _assert_no_canary([target, key_path(target)])
    with Repository(target, key=vault.unlock(target, PASS)) as copy:
        assert copy.get(1).info.candidate_name == CANARY_NAME


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_are_owner_only_and_tightened_on_open(tmp_path: Path) -> None:
    db = tmp_path / "data" / "screener.sqlite3"
    with _new_store(db) as repo:
        _write_canaries(repo)
        for path in _files(db):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    db.chmod(0o644)
    key_path(db).chmod(0o644)
    with Repository(db, key=vault.unlock(db, PASS)):
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
        assert stat.S_IMODE(key_path(db).stat().st_mode) == 0o600


def test_the_key_never_shows_in_its_repr() -> None:
    from screener.security.keyfile import DatabaseKey

    key = DatabaseKey(b"\x01" * 32)
    assert "01" not in repr(key) and "01" not in str(key)


def test_rotating_the_key_locks_out_old_copies_of_the_key_file(db_path: Path) -> None:
    key, old_recovery = vault.create(db_path, PASS, FAST)
    shown: list[str] = []
    with Repository(db_path, key=key) as repo:
        _write_canaries(repo)
        new = vault.rotate_key(repo, PASS, "helt ny noegle 2027", shown.append)
        assert new != key and repo.key == new
        repo.set_answer(1, "children", 4)  # the open store goes on working
    (new_recovery,) = shown
    assert vault.unlock(db_path, "helt ny noegle 2027") == new
    assert vault.unlock_with_recovery(db_path, new_recovery) == new
    with pytest.raises(WrongPassphraseError):
        vault.unlock(db_path, PASS)
    with pytest.raises(WrongPassphraseError):
        vault.unlock_with_recovery(db_path, old_recovery)
    # The old key (from a leaked old key file and passphrase) no longer opens the database.
    with pytest.raises(DatabaseError):
        Repository(db_path, key=key)
    with Repository(db_path, key=new) as repo:
        assert repo.get(1).answers["children"].value == 4
    _assert_no_canary(_files(db_path))


def test_an_interrupted_key_rotation_is_settled_at_the_next_unlock(db_path: Path) -> None:
    from screener.security.keyfile import DatabaseKey, KeyFile

    key, _recovery = vault.create(db_path, PASS, FAST)
    with Repository(db_path, key=key) as repo:
        _write_canaries(repo)
    keyfile = KeyFile.read(key_path(db_path))
    new = DatabaseKey.generate()
    pending = KeyFile.new(keyfile.path, new, "den nye saetning 1", "AAAA-BBBB", keyfile.params)
    # Stopped before the rekey: the old passphrase still opens, the pending key is dropped.
    KeyFile(keyfile.path, keyfile.params, keyfile.slots, pending.slots).write()
    assert vault.unlock(db_path, PASS) == key
    assert KeyFile.read(key_path(db_path)).pending is None
    # Stopped after the rekey, before the final key file: the new passphrase opens it.
    KeyFile(keyfile.path, keyfile.params, keyfile.slots, pending.slots).write()
    with Repository(db_path, key=key) as repo:
        repo.rekey(new)
    with pytest.raises(WrongPassphraseError, match="interrupted"):
        vault.unlock(db_path, PASS)
    assert vault.unlock(db_path, "den nye saetning 1") == new
    assert KeyFile.read(key_path(db_path)).pending is None
    with Repository(db_path, key=new) as repo:
        assert repo.get(1).info.candidate_name == CANARY_NAME


def test_passphrase_change_on_the_command_line(tmp_path: Path) -> None:
    from screener import cli

    db = tmp_path / "cli.sqlite3"
    key, _recovery = vault.create(db, PASS, FAST)
    old, new, newer = tmp_path / "old.txt", tmp_path / "new.txt", tmp_path / "newer.txt"
    old.write_text(PASS + "\n")
    new.write_text("den nye cli saetning\n")
    newer.write_text("og endnu en ny saetning\n")
    base = ["passphrase", "change", "--db", str(db)]
    assert cli.main([*base, "--passphrase-file", str(new), "--new-passphrase-file", str(new)]) == 1
    assert cli.main([*base, "--passphrase-file", str(old), "--new-passphrase-file", str(new)]) == 0
    assert vault.unlock(db, "den nye cli saetning") == key
    args = [*base, "--new-key", "--passphrase-file", str(new), "--new-passphrase-file", str(newer)]
    assert cli.main(args) == 0
    rotated = vault.unlock(db, "og endnu en ny saetning")
    assert rotated != key
    with Repository(db, key=rotated) as repo:
        assert repo.list_interviews() == []


def test_a_key_file_of_another_database_is_reported_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    one, other = tmp_path / "one.sqlite3", tmp_path / "other.sqlite3"
    with _new_store(one) as repo:
        _write_canaries(repo)
    vault.create(other, PASS, FAST)
    key_path(other).replace(key_path(one))  # a key file restored from the wrong backup
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from screener.errors import DatabaseError\n"
        "from screener.security import vault\n"
        "from screener.store.repository import Repository\n"
        "db = Path(sys.argv[1])\n"
        "try:\n"
        "    Repository(db, key=vault.unlock(db, sys.argv[2]))\n"
        "except DatabaseError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(one), PASS],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LANGUAGE": "en"},
    )
    assert "does not belong to this database" in result.stdout or "hører ikke" in result.stdout
    assert result.stderr == ""  # SQLCipher's own log stays off


def test_scripts_never_encrypt_a_plain_database_as_a_side_effect(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from screener import cli

    with Repository(db_path) as plain:
        _write_canaries(plain)
    monkeypatch.setenv("SCREENER_PASSPHRASE", PASS)
    assert cli.main(["list", "--lang", "en", "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "screener encrypt" in captured.out + captured.err
    assert vault.store_state(db_path) is StoreState.PLAIN
    assert cli.main(["encrypt", "--lang", "en", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Recovery key" in out and vault.store_state(db_path) is StoreState.ENCRYPTED
    assert cli.main(["list", "--lang", "en", "--db", str(db_path)]) == 0
    assert CANARY_NAME in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_default_data_folder_is_tightened_on_open(tmp_path: Path) -> None:
    from screener.security import access
    from screener.settings import Settings, default_data_dir

    folder = default_data_dir()  # inside the test's own HOME (conftest)
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    settings = Settings(db_path=folder / "screener.sqlite3")
    key, _recovery = vault.create(settings.db_path, PASS, FAST)
    with access.open_repository(settings, key):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
