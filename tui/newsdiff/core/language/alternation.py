"""A list of words as one regular expression that branches letter by letter.

Python's ``re`` tries the branches of ``a|b|c`` one after another at every
position, so an alternation of 200 number words or 45 month names scanned over a
whole report costs in proportion to the list. Sharing the prefixes ("drei",
"dreizehn", "dreißig" as ``drei(?:zehn|ßig)?``) lets a position fail at its first
letter: fact extraction was 1.5x slower with the long lists written flat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A non-capturing pattern matching exactly ``words``, longest first at each branch.

    >>> alternation(["drei", "dreizehn", "dreißig", "dutzend"])
    'd(?:rei(?:zehn|ßig)?|utzend)'
    >>> bool(re.fullmatch(alternation(["mio.", "mrd."]), "mrd."))
    True
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # the end of a word
    return _pattern(trie)


def _pattern(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in node.items() if char]
    branches.sort(key=lambda branch: (-len(branch), branch))  # distinct first letters: any order
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        grouped = len(branches) > 1 or len(body) == 1  # "(?:zehn|ßig)" or one letter
        return f"{body}?" if grouped else f"(?:{body})?"
    return body
