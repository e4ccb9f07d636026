"""``screener config``: show or set the organisation's contact details in the config file.

The file is a small TOML file in the user's config folder (``screener config path`` shows it);
the handover's first page prints what it holds, so a caseworker knows whom to call.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from screener.i18n import _
from screener.settings import ORGANISATION_KEYS, config_path, load_organisation


def add_parser(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Register ``config`` with the ``add(name, help)`` helper of ``screener.cli``."""
    command = add("config", "show or set the organisation's contact details")
    command.add_argument("action", choices=("show", "set", "path"))
    command.add_argument("key", nargs="?", choices=ORGANISATION_KEYS, metavar="KEY")
    command.add_argument("value", nargs="?", metavar="VALUE")


def run(args: argparse.Namespace, out: TextIO, path: Path | None = None) -> int:
    path = path or config_path()
    if args.action == "path":
        out.write(f"{path}\n")
        return 0
    if args.action == "set":
        if args.key is None or args.value is None:
            out.write(
                _("Usage: screener config set KEY VALUE (KEY: {keys})").format(
                    keys=", ".join(ORGANISATION_KEYS)
                )
                + "\n"
            )
            return 2
        write_value(path, args.key, args.value)
        out.write(_("Saved {key}.").format(key=args.key) + "\n")
        return 0
    organisation = load_organisation(path)
    for key in ORGANISATION_KEYS:
        out.write(f"{key} = {getattr(organisation, key)}\n")
    return 0


def write_value(path: Path, key: str, value: str) -> None:
    """Set one key of the ``[organisation]`` table, keeping the others; written atomically."""
    from screener.files import atomic_write

    current = load_organisation(path)
    values = {k: getattr(current, k) for k in ORGANISATION_KEYS}
    values[key] = value.strip()
    lines = ["[organisation]"]
    lines += [f"{k} = {_toml_string(v)}" for k, v in values.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, ("\n".join(lines) + "\n").encode("utf-8"))


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'
