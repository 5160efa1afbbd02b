"""newsdiff: compare news reports sentence by sentence.

The public API is the terminal-free core; names load on first use so that
``newsdiff --version`` and the app's first paint stay cheap.

>>> import newsdiff
>>> newsdiff.similarity("Nordkorea entsendet Truppen", "Nordkorea entsendet Truppen")
1.0
"""

from __future__ import annotations

import importlib
from typing import Any

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
    "similarity": "newsdiff.core.matching.similarity",
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
