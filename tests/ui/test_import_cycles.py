"""The screens and widgets import each other in one direction only (issue #12): a cycle makes
every module of it load with the others, and grows back one lazy import at a time.

grimp counts every import: at the top, inside functions and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import grimp

PACKAGES = ("screener.ui.screens.", "screener.ui.widgets.")


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of ``graph`` (module -> modules it imports)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_strongly_connected_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert sorted(strongly_connected(graph)) == [["a", "b", "c"], ["d"]]


def test_no_import_cycle_among_screens_and_widgets() -> None:
    imports = grimp.build_graph("screener", cache_dir=None)
    ours = {m for m in imports.modules if m.startswith(PACKAGES)}
    graph = {m: imports.find_modules_directly_imported_by(m) & ours for m in ours}
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    assert cycles == []
