"""Line numbers for problems: maps a data path such as ("sections", 2, "items", 0, "label") to
the line of the TOML file it came from, so a message can point the author at the right place.

tomllib keeps no positions, so we read the table headers (``[[sections.items]]``) ourselves and
replay how TOML appends them to arrays. Inline tables fall back to searching ``name = "..."``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Loc = tuple[str | int, ...]

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_\-. \"']+?)\s*\]\]?\s*(#.*)?$")


def _split_key(key: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in key.split("."))


class SourceLines:
    """Where each table of the file starts, by its data path."""

    def __init__(self, text: str | None) -> None:
        self.lines = (text or "").splitlines()
        self.starts: dict[Loc, int] = {}  # loc of a table -> 0-based line of its header
        self.header_lines: list[int] = []
        current: dict[tuple[str, ...], Loc] = {}
        counts: dict[Loc, int] = {}
        for number, line in enumerate(self.lines):
            match = _HEADER_RE.match(line)
            if not match:
                continue
            self.header_lines.append(number)
            path = _split_key(match.group(2))
            is_array = match.group(1) == "[["
            # Resolve the parent through the innermost array-of-tables already seen.
            loc: Loc = path
            for depth in range(len(path) - 1, 0, -1):
                if path[:depth] in current:
                    loc = current[path[:depth]] + path[depth:]
                    break
            if is_array:
                index = counts.get(loc, 0)
                counts[loc] = index + 1
                full: Loc = (*loc, index)
                current[path] = full
                for other in [p for p in current if p[: len(path)] == path and p != path]:
                    del current[other]
                self.starts[full] = number
            else:
                self.starts.setdefault(loc, number)

    def _block_end(self, start: int) -> int:
        for number in self.header_lines:
            if number > start:
                return number
        return len(self.lines)

    def _find_key(self, start: int, key: str) -> int | None:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[.=]")
        for number in range(start, self._block_end(start)):
            if pattern.match(self.lines[number]):
                return number
        return None

    def line_of(self, loc: Sequence[str | int], name: str | None = None) -> int | None:
        """1-based line of ``loc`` (or of the nearest enclosing table), or None if unknown."""
        loc = tuple(loc)
        for cut in range(len(loc), -1, -1):
            prefix = loc[:cut]
            start = self.starts.get(prefix)
            if start is None:
                continue
            rest = [part for part in loc[cut:] if isinstance(part, str)]
            for size in range(len(rest), 0, -1):  # "label.en" before "label"
                found = self._find_key(start, ".".join(rest[:size]))
                if found is not None:
                    return found + 1
            if cut == 0:
                break
            return start + 1
        if name:
            found = self.find_name(name)
            if found is not None:
                return found
        top = [part for part in loc[:1] if isinstance(part, str)]
        if top:
            found = self._find_key(0, top[0])
            if found is not None:
                return found + 1
        return None

    def find_name(self, name: str) -> int | None:
        """1-based line of ``name = "<name>"`` (works for inline tables too)."""
        pattern = re.compile(rf"\bname\s*=\s*[\"']{re.escape(name)}[\"']")
        for number, line in enumerate(self.lines):
            if pattern.search(line):
                return number + 1
        return None
