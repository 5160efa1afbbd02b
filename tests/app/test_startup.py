"""The list paints before any heavy import: building the app loads no core engine."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "rapidfuzz",
    "simplemma",
    "charset_normalizer",
    "markdown_it",
    "trafilatura",
    "lxml",
    "htmldate",
    "urllib.request",
    "newsdiff.core.reading.loader",
    "newsdiff.core.matching.align",
    "newsdiff.core.model",
    "newsdiff.app.screens.compare",
)


def test_building_the_app_imports_no_engine():
    code = (
        "import sys; from newsdiff.app import make_app; make_app([]);"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
