"""No import circles in the core: each module knows its room, and a room never reaches back.

Checked with grimp (the import-graph library import-linter is built on) over
every import, the lazy ones inside functions too: for each import ``a -> b``
inside the package, no chain of imports may lead from ``b`` back to ``a``.
``python tests/test_import_cycles.py`` lists every circle in the whole package.
"""

from __future__ import annotations

import grimp
import pytest


def cycles(graph: grimp.ImportGraph, package: str) -> set[frozenset[str]]:
    """Each circle through an import inside ``package``, as the set of its modules."""
    modules = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    found = set()
    for importer in modules:
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported == importer or not imported.startswith(package + "."):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                found.add(frozenset((importer, *back)))
    return found


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("newsdiff")


def test_the_core_has_no_import_circles(graph: grimp.ImportGraph) -> None:
    assert cycles(graph, "newsdiff.core") == set()


def test_reading_has_no_import_circle(graph: grimp.ImportGraph) -> None:
    # blocks imports its Markdown parser lazily; the block types both share live
    # in reading/document.py, so the parser never imports blocks back
    assert cycles(graph, "newsdiff.core.reading") == set()


def test_the_check_finds_a_circle() -> None:
    graph = grimp.ImportGraph()
    for module in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    assert cycles(graph, "p") == set()
    graph.add_import(importer="p.c", imported="p.a")
    assert cycles(graph, "p") == {frozenset({"p.a", "p.b", "p.c"})}


if __name__ == "__main__":
    for circle in sorted(sorted(c) for c in cycles(grimp.build_graph("newsdiff"), "newsdiff")):
        print(" <-> ".join(circle))
