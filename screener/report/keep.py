"""Headings kept with the start of what follows them, not with all of it.

reportlab groups a flowable marked ``keepWithNext`` (a heading, a question label) with the next
one and moves the group to a new page when it does not fit. With a long answer after the label
that leaves most of a page blank. Here the group moves only when the heading and the first
lines of the next flowable do not fit; otherwise the next flowable splits across the pages.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

# Room the start of the following flowable needs beside its heading: about three lines.
START = 40.0
# Values a deep copy shares rather than copies.
_PLAIN = (int, float, str, type(None))


@cache
def keep_start_class() -> type:
    from reportlab.platypus.flowables import KeepTogether

    class KeepStart(KeepTogether):  # type: ignore[misc]
        def split(self, aW: float, aH: float) -> list[Any]:
            if getattr(self, "_wrapInfo", None) != (aW, aH):
                self.wrap(aW, aH)
            content = self._content
            if aH >= self._H or len(content) < 2:
                return list(super().split(aW, aH))
            heads, last = content[:-1], content[-1]
            used = 0.0
            for flowable in heads:
                _width, height = flowable.wrapOn(self.canv, aW, aH)
                used += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
            room = aH - used - last.getSpaceBefore()
            if room >= START and last.splitOn(self.canv, aW, room):
                return [*heads, last]
            return list(super().split(aW, aH))

    return KeepStart


@cache
def frame_class() -> type:
    """The body frame, cheaper to copy: measuring a kept-together group deep-copies the
    document's frame (reportlab's ``_listWrapOn``), about a hundred times a report."""
    from reportlab.platypus import Frame

    class BodyFrame(Frame):  # type: ignore[misc]
        def __deepcopy__(self, memo: dict[int, Any]) -> Any:
            """The same copy as ``copy.deepcopy``, without visiting the many plain numbers."""
            clone = object.__new__(type(self))
            memo[id(self)] = clone
            fields = clone.__dict__
            for name, value in self.__dict__.items():
                fields[name] = value if isinstance(value, _PLAIN) else copy.deepcopy(value, memo)
            return clone

    return BodyFrame
