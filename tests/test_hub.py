"""Importing into the hub on both engines (SQLite and a real PostgreSQL server): versions,
refusals, migrations and the regenerated PDF; searching and figures are in test_hub_search."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from support.hub import count, variant, write_bundle, write_json

TABLES = ("hub_candidate", "hub_branch", "hub_language", "hub_version", "hub_audit")


def sizes(engine: Any) -> dict[str, int]:
    return {table: count(engine, table) for table in TABLES}


def test_import_is_idempotent(hub: Any, demo_export: dict[str, Any], tmp_path: Path) -> None:
    from screener.hub.importer import import_files

    path = write_json(tmp_path, "a.json", variant(demo_export, 1))
    first = import_files(hub, [path])
    assert [r.result for r in first.results] == ["imported"]
    after_first = sizes(hub)
    assert after_first["hub_candidate"] == 1 and after_first["hub_branch"] > 0
    second = import_files(hub, [path, path])
    assert [r.result for r in second.results] == ["skipped", "skipped"]
    assert sizes(hub) == after_first  # not even an audit row


def test_the_laptop_export_without_uuid_is_keyed_by_its_origin(
    hub: Any, demo_export: dict[str, Any]
) -> None:
    import copy

    from screener.hub.importer import import_dicts

    assert demo_export["interview"]["uuid"]  # the laptop's export carries its uuid
    older = copy.deepcopy(demo_export)
    del older["interview"]["uuid"]  # as an export from before the uuid existed
    report = import_dicts(hub, [("one", older), ("again", older)])
    assert [r.result for r in report.results] == ["imported", "skipped"]
    assert report.results[0].uid.startswith("k-")


def test_newer_version_replaces_and_keeps_history(
    hub: Any, demo_export: dict[str, Any], tmp_path: Path
) -> None:
    from screener.hub.importer import import_files
    from screener.hub.search import Query, get_candidate, search

    old = variant(demo_export, 2, name="Amira Old", updated_at="2026-11-01T10:00:00+00:00")
    new = variant(
        demo_export,
        2,
        name="Amira Newname",
        updated_at="2026-11-02T10:00:00+00:00",
        event_count=old["interview"]["event_count"] + 5,
        branches=["cleaning"],
    )
    old_path = write_json(tmp_path, "old.json", old)
    new_path = write_json(tmp_path, "new.json", new)
    assert import_files(hub, [old_path]).results[0].result == "imported"
    assert import_files(hub, [new_path]).results[0].result == "replaced"
    again = import_files(hub, [old_path]).results[0]
    assert (again.result, again.reason) == ("skipped", "a newer version is already imported")
    found = search(hub, Query(text="amira"))
    assert [s.candidate_name for s in found] == ["Amira Newname"]
    assert search(hub, Query(branch="metal_welding")) == []
    assert len(search(hub, Query(branch="cleaning"))) == 1
    stored = get_candidate(hub, found[0].id)
    assert stored.versions == 1 and stored.data["candidate"]["name"] == "Amira Newname"
    assert count(hub, "hub_candidate") == 1


def test_both_versions_in_one_import_keep_the_newer(hub: Any, demo_export: dict[str, Any]) -> None:
    from screener.hub.importer import import_dicts

    old = variant(demo_export, 3, updated_at="2026-11-01T10:00:00+00:00")
    new = variant(demo_export, 3, name="Newer", updated_at="2026-11-03T10:00:00+00:00")
    report = import_dicts(hub, [("new", new), ("old", old)])
    assert sorted((r.source, r.result) for r in report.results) == [
        ("new", "imported"),
        ("old", "skipped"),
    ]


def test_bad_files_are_refused_and_nothing_of_them_is_written(
    hub: Any, demo_export: dict[str, Any], tmp_path: Path
) -> None:
    from screener import i18n
    from screener.hub.importer import import_files

    no_consent = variant(demo_export, 11)
    no_consent["consent"]["handover"] = False
    broken = variant(demo_export, 12)
    del broken["candidate"]["name"]
    wrong_version = variant(demo_export, 13)
    wrong_version["format_version"] = 9
    files = [
        write_json(tmp_path, "good.json", variant(demo_export, 10)),
        write_json(tmp_path, "no-consent.json", no_consent),
        write_json(tmp_path, "broken.json", broken),
        write_json(tmp_path, "version.json", wrong_version),
        write_bundle(tmp_path, "wrong-password.zip", variant(demo_export, 14), "right"),
        write_bundle(tmp_path, "plain.zip", variant(demo_export, 15), None),
        write_bundle(tmp_path, "empty.zip", None, "right"),
    ]
    (tmp_path / "not-json.json").write_bytes(b"\xff\xfe{")
    (tmp_path / "damaged.zip").write_bytes(b"PK\x03\x04 cut off")
    files += [tmp_path / "not-json.json", tmp_path / "damaged.zip"]
    report = import_files(hub, files, {"wrong-password.zip": "wrong", "*": "right"})
    i18n.set_language("en")
    outcome = {Path(r.source).name: (r.result, r.describe()) for r in report.results}
    assert outcome["good.json"] == ("imported", "")
    assert outcome["no-consent.json"] == (
        "refused",
        "the candidate did not consent to the handover",
    )
    assert outcome["broken.json"][0] == "refused" and "candidate.name" in outcome["broken.json"][1]
    assert outcome["version.json"] == ("refused", "export format version 9 is not supported")
    # (the reason's wording is the bundle reader's: the local one or screener.bundle's)
    assert outcome["wrong-password.zip"][0] == "refused"
    assert "password" in outcome["wrong-password.zip"][1]
    assert outcome["plain.zip"] == ("refused", "the bundle is not encrypted")
    assert outcome["empty.zip"] == ("refused", "the bundle should hold exactly one JSON file")
    assert outcome["not-json.json"] == ("refused", "the file is not valid JSON")
    assert outcome["damaged.zip"][0] == "refused"
    assert count(hub, "hub_candidate") == 1
    assert count(hub, "hub_language") == 4  # the good file's, and no other


def test_bundles_and_a_folder_import_in_one_call_with_progress(
    hub: Any, demo_export: dict[str, Any], tmp_path: Path
) -> None:
    from screener.hub.importer import import_files

    folder = tmp_path / "stick"
    folder.mkdir()
    for n in range(120):
        data = variant(demo_export, 100 + n)
        if n % 2:
            write_bundle(folder, f"bundle-{n:03d}.zip", data, "one-time")
        else:
            write_json(folder, f"export-{n:03d}.json", data)
    calls: list[tuple[int, int]] = []
    report = import_files(
        hub, [folder], {"*": "one-time"}, progress=lambda d, t: calls.append((d, t))
    )
    assert report.count("imported") == 120 and report.count("refused") == 0
    assert calls[-1] == (120, 120) and len(calls) == 120
    assert count(hub, "hub_candidate") == 120


def test_migrations_match_the_models(hub_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from screener.hub.db import open_hub
    from screener.hub.migrate import HEAD, current_revision
    from screener.hub.tables import HUB_METADATA

    engine = open_hub(hub_url)
    open_hub(hub_url).dispose()  # a second start on a current database changes nothing
    try:
        assert current_revision(engine) == HEAD
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "version_table": "hub_alembic_version"}
            )
            assert compare_metadata(context, HUB_METADATA) == []
    finally:
        engine.dispose()


def test_regenerated_pdf_in_both_languages(
    hub: Any, demo_export: dict[str, Any], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from screener.hub import pdf
    from screener.hub.importer import import_dicts
    from screener.hub.search import Query, get_candidate, search
    from screener.resources import data_dir

    import_dicts(hub, [("demo", demo_export)])
    stored = get_candidate(hub, search(hub, Query())[0].id)
    for lang, word in (("da", "Fortroligt"), ("en", "Confidential")):
        target = tmp_path / f"{lang}.pdf"
        target.write_bytes(pdf.render(stored.data, data_dir("questionnaires"), lang))
        text = PdfReader(target).pages[0].extract_text()
        assert word.upper() in text.upper() and "Haddad" in text


def test_a_file_the_database_refuses_leaves_nothing_and_spares_the_others(
    hub: Any, demo_export: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import DataError

    from screener.hub import importer

    poisoned = variant(demo_export, 42)
    bad_uid = poisoned["interview"]["uuid"]
    real_write = importer._write

    def write(conn: Any, items: list[Any], actor: str, stamp: str) -> Any:
        results = real_write(conn, items, actor, stamp)  # rows are written, then it fails
        if any(item.parsed.uid == bad_uid for item in items):
            raise DataError("INSERT", {}, ValueError("refused by the database"))
        return results

    monkeypatch.setattr(importer, "_write", write)
    documents = [
        ("one", variant(demo_export, 41)),
        ("bad", poisoned),
        ("two", variant(demo_export, 43)),
    ]
    report = importer.import_dicts(hub, documents)
    assert [(r.source, r.result) for r in report.results] == [
        ("one", "imported"),
        ("bad", "refused"),
        ("two", "imported"),
    ]
    assert report.results[1].reason == importer.DATABASE_REFUSED
    assert count(hub, "hub_candidate") == 2
    assert count(hub, "hub_audit") == 2  # one per file written on its own; none for the bad one
    from sqlalchemy import text

    with hub.connect() as conn:
        leftovers = conn.execute(
            text("SELECT count(*) FROM hub_word WHERE candidate_uid = :uid"), {"uid": bad_uid}
        ).scalar_one()
    assert leftovers == 0


def test_bundles_are_read_by_the_laptops_bundle_module_when_there(
    hub: Any, demo_export: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import types

    from screener.hub.importer import import_files

    calls: list[tuple[str, str | None]] = []

    def read_bundle_json(path: Path, password: str | None) -> dict[str, Any]:
        calls.append((Path(path).name, password))
        import pyzipper

        with pyzipper.AESZipFile(path) as archive:
            archive.setpassword((password or "").encode())
            return json.loads(archive.read(archive.namelist()[0]))  # type: ignore[no-any-return]

    fake = types.ModuleType("screener.bundle")
    fake.read_bundle_json = read_bundle_json  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "screener.bundle", fake)
    bundle = write_bundle(tmp_path, "screening-K-1-da.zip", variant(demo_export, 51), "otp")
    plain = write_bundle(tmp_path, "plain.zip", variant(demo_export, 52), None)
    report = import_files(hub, [bundle, plain], {"*": "otp"})
    assert [r.result for r in report.results] == ["imported", "refused"]
    assert calls == [("screening-K-1-da.zip", "otp")]  # the unencrypted one never got there
