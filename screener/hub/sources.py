"""Reading what arrives on the USB stick: JSON exports and encrypted handover bundles.

Both end as the parsed JSON dict that ``parse.parse_export`` checks (one code path). A bundle is
an AES-encrypted zip holding ``interview.json`` (and the PDF, which the hub regenerates instead
of keeping). ``screener.bundle`` is used when present; until then a minimal local reader opens
the same layout.
"""

from __future__ import annotations

import importlib
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from screener.hub.parse import RefusedError
from screener.i18n import N_

BUNDLE_JSON = "interview.json"
MAX_JSON_BYTES = 50 * 1024 * 1024


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder stands for its ``*.json`` and ``*.zip`` files, sorted."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            result += sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".json", ".zip")
            )
        else:
            result.append(path)
    return result


def read_passwords(path: Path) -> dict[str, str]:
    """A password file: one line ``FILE-NAME PASSWORD`` per bundle, or one line with a single
    password for every bundle (key ``*``). Blank lines and ``#`` comments are ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise RefusedError(N_("Cannot read the password file {path}"), path=path) from error
    entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if len(entries) == 1 and " " not in entries[0]:
        return {"*": entries[0]}
    passwords: dict[str, str] = {}
    for entry in entries:
        name, _sep, password = entry.partition(" ")
        passwords[name] = password.strip()
    return passwords


def password_for(path: Path, passwords: dict[str, str]) -> str | None:
    return passwords.get(path.name) or passwords.get("*")


def read_source(path: Path, passwords: dict[str, str]) -> tuple[Any, str]:
    """The export in ``path`` (a .json or a bundle .zip), parsed and as text; RefusedError
    says why not."""
    try:
        if zipfile.is_zipfile(path):
            raw = read_bundle(path, password_for(path, passwords))
        else:
            if path.stat().st_size > MAX_JSON_BYTES:
                raise RefusedError(N_("the file is too large for an interview export"))
            raw = path.read_bytes()
    except OSError as error:
        raise RefusedError(
            N_("cannot read the file ({reason})"), reason=error.strerror or type(error).__name__
        ) from error
    try:
        text = raw.decode("utf-8")
        return loads(text), text
    except (UnicodeDecodeError, ValueError) as error:  # JSONDecodeError is a ValueError
        raise RefusedError(N_("the file is not valid JSON")) from error


def loads(text: str) -> Any:
    """orjson when installed (the ``hub`` extra: a third of the time of a large import is
    parsing JSON), else the standard library; both give the same values."""
    try:
        import orjson
    except ImportError:
        return json.loads(text)
    return orjson.loads(text)


def read_bundle(path: Path, password: str | None) -> bytes:
    """``interview.json`` from a handover bundle, through ``screener.bundle`` when it exists."""
    try:
        bundle: Any = importlib.import_module("screener.bundle")
    except ImportError:
        bundle = None
    reader = getattr(bundle, "read_interview_json", None)
    if reader is not None:
        return reader(path, password)  # type: ignore[no-any-return]
    return _read_zip(path, password)


def _read_zip(path: Path, password: str | None) -> bytes:
    import pyzipper  # type: ignore[import-untyped]

    try:
        with pyzipper.AESZipFile(path) as archive:
            info = archive.getinfo(BUNDLE_JSON)
            encrypted = bool(info.flag_bits & 0x1)
            if not encrypted:
                raise RefusedError(N_("the bundle is not encrypted"))
            if not password:
                raise RefusedError(N_("no password for this bundle"))
            if info.file_size > MAX_JSON_BYTES:
                raise RefusedError(N_("the file is too large for an interview export"))
            archive.setpassword(password.encode("utf-8"))
            return archive.read(BUNDLE_JSON)  # type: ignore[no-any-return]
    except KeyError as error:
        raise RefusedError(N_("the bundle holds no interview.json")) from error
    except RuntimeError as error:  # pyzipper: bad password
        raise RefusedError(N_("wrong password for this bundle")) from error
    except (zipfile.BadZipFile, pyzipper.BadZipFile, ValueError) as error:
        raise RefusedError(N_("the bundle is damaged")) from error
