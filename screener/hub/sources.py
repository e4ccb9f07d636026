"""Reading what arrives on the USB stick: JSON exports and encrypted handover bundles.

Both end as the parsed JSON dict that ``parse.parse_export`` checks (one code path). A bundle is
an AES-encrypted zip holding the interview's JSON export (the encrypted PDF travels beside it;
the hub regenerates the PDF instead of keeping it). ``screener.bundle`` reads it when present;
without it a minimal local reader opens the same layout.
"""

from __future__ import annotations

import importlib
import json
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from screener.errors import ScreenerError
from screener.hub.parse import RefusedError
from screener.i18n import N_

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


def read_source(path: Path, passwords: dict[str, str]) -> tuple[Any, str | None]:
    """The export in ``path`` (a .json or a bundle .zip), parsed and, when read here, as text;
    RefusedError says why not."""
    try:
        if zipfile.is_zipfile(path):
            return read_bundle(path, password_for(path, passwords))
        if path.stat().st_size > MAX_JSON_BYTES:
            raise RefusedError(N_("the file is too large for an interview export"))
        raw = path.read_bytes()
    except OSError as error:
        raise RefusedError(
            N_("cannot read the file ({reason})"), reason=error.strerror or type(error).__name__
        ) from error
    return _decode(raw)


def _decode(raw: bytes) -> tuple[Any, str]:
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


def read_bundle(path: Path, password: str | None) -> tuple[Any, str | None]:
    """The export inside a handover bundle: an AES zip holding one JSON file.

    The hub checks first that the JSON in it is encrypted (it takes no bundle that travelled
    in the clear), then reads it with ``screener.bundle.read_bundle_json`` when the laptop's
    bundle module is there, else with the local reader below (same layout)."""
    import pyzipper  # type: ignore[import-untyped]

    try:
        with pyzipper.AESZipFile(path) as archive:
            names = [name for name in archive.namelist() if name.lower().endswith(".json")]
            if len(names) != 1:
                raise RefusedError(N_("the bundle should hold exactly one JSON file"))
            info = archive.getinfo(names[0])
            if not info.flag_bits & 0x1:
                raise RefusedError(N_("the bundle is not encrypted"))
            if not password:
                raise RefusedError(N_("no password for this bundle"))
            if info.file_size > MAX_JSON_BYTES:
                raise RefusedError(N_("the file is too large for an interview export"))
            reader = _laptop_reader()
            if reader is None:
                archive.setpassword(password.encode("utf-8"))
                return _decode(archive.read(names[0]))
    except RuntimeError as error:  # pyzipper: bad password
        raise RefusedError(N_("wrong password for this bundle")) from error
    except (zipfile.BadZipFile, pyzipper.BadZipFile, zlib.error, EOFError, ValueError) as error:
        raise RefusedError(N_("the bundle is damaged")) from error
    try:
        return reader(path, password), None
    except ScreenerError as error:  # the bundle module's own clear message
        raise RefusedError(
            N_("the bundle cannot be opened: {reason}"), reason=str(error)
        ) from error


def _laptop_reader() -> Any:
    try:
        bundle = importlib.import_module("screener.bundle")
    except ImportError:
        return None
    return getattr(bundle, "read_bundle_json", None)
