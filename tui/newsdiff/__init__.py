"""newsdiff: compare news reports sentence by sentence.

The public API is the terminal-free core; names load on first use so that
``newsdiff --version`` and the app's first paint stay cheap.

>>> import newsdiff
>>> newsdiff.similarity("Nordkorea entsendet Truppen", "Nordkorea entsendet Truppen")
1.0
"""

from __future__ import annotations

import _signal  # the C module: `signal` itself would first build its enums (slow)
import os as _os
import sys as _sys


def _interrupted_while_starting(signum: int, frame: object) -> None:
    # os._exit, not SystemExit: an exception raised inside an import's cleanup
    # callback would be printed as "Exception ignored"; nothing is written yet
    _os._exit(130)


# Ctrl+C while the command line is still importing ends it quietly with 130, not a
# KeyboardInterrupt traceback; cli.main puts Python's own handler back once its guard is
# up. Only for the command (its script, or `python -m newsdiff` while it is located), so
# `import newsdiff` in a user's program leaves their SIGINT alone.
if _sys.argv and (_sys.argv[0] == "-m" or _os.path.basename(_sys.argv[0]) == "newsdiff"):
    _signal.signal(_signal.SIGINT, _interrupted_while_starting)

import importlib  # noqa: E402  (after the handler: these imports are the slow part)
from typing import Any  # noqa: E402

__version__ = "0.1.0"

# public name -> module that defines it
_API = {
    "Article": "newsdiff.core.model",
    "Sentence": "newsdiff.core.model",
    "Corpus": "newsdiff.core.model",
    "Problem": "newsdiff.core.model",
    "Pair": "newsdiff.core.model",
    "SentenceRef": "newsdiff.core.model",
    "WordChange": "newsdiff.core.model",
    "FactComparison": "newsdiff.core.model",
    "Alignment": "newsdiff.core.model",
    "Fact": "newsdiff.core.model",
    "Quantity": "newsdiff.core.model",
    "AlignOptions": "newsdiff.core.matching.options",
    "read_articles": "newsdiff.core.reading.loader",
    "read_article": "newsdiff.core.reading.loader",
    "seed_paths": "newsdiff.core.reading.seeds",
    "split_sentences": "newsdiff.core.language.segment",
    "similarity": "newsdiff.core.matching.combined",
    "align": "newsdiff.core.matching.by_story:align_stories",
    "detect_stories": "newsdiff.core.stories.detect",
    "Story": "newsdiff.core.stories.detect",
    "extract_facts": "newsdiff.core.facts",
    "compare_facts": "newsdiff.core.facts",
    "claim_table": "newsdiff.core.views.claims",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    where = _API.get(name)
    if where is None:
        raise AttributeError(f"module 'newsdiff' has no attribute {name!r}")
    module, _, attribute = where.partition(":")  # "module:attribute" when the names differ
    return getattr(importlib.import_module(module), attribute or name)
