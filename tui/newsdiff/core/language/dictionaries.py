"""simplemma's dictionaries as compact tries in newsdiff's cache: opened in milliseconds.

simplemma ships each dictionary lzma-compressed and front-coded; opening the
German one decodes its 1.1 million forms into a dict, 0.8-2.0 s and 106 MB
in every process that lemmatises a single word (English: 0.14 s, 23 MB), the
claim table of a folder whose every result is cached included. The first
process that needs a language builds a MARISA trie (marisa-trie, the backend
simplemma itself offers as ``TrieDictionaryFactory``) from simplemma's own
decoded entries and keeps it in the cache; later ones read it and check its
digest. Measured on the 211,000 lookups a cold run of the 1,033 gnad + seed
reports makes (``tests/benchmarks/bench_dictionaries.py``; German, idem
English): simplemma's dict 1.5 s to open, +106 MB, 0.6 us a lookup; marshal
0.69 s, +106 MB; pickle 0.43 s, +117 MB; sqlite 0 s, +9 MB, 4.8 us; sorted
arrays with bisect 0.06 s, +44 MB, 11 us; simplemma's low-memory stream 0.95 s,
+22 MB, 16 us; the trie 0.01 s, +14 MB, 1.1-1.5 us (7 MB on disk). Building it
once costs about 1.7 s of CPU more than decoding simplemma's dict (cold story
detection of the 1,033 reports, articles cached, best of 5: 5.2 s with
simplemma's dict, 6.9 s building the trie, 4.4 s reading it). Lemmas are
those of simplemma's own pipeline (``DefaultStrategy``) with only the
dictionary behind it swapped, so every answer is the same; with the cache
switched off, or without marisa-trie, simplemma's decoded dict serves as before.

A form the dictionary lists is answered here by the lookup itself, which is
what simplemma's pipeline would answer first (``lookup``): 25,800 of the
32,900 word parts a cold story detection of the 1,033 reports lemmatises,
each at two trie probes instead of the ten calls of the pipeline.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from simplemma.strategies.dictionaries import DictionaryFactory

from newsdiff.core.storage.checked import read_checked, write_checked
from newsdiff.core.storage.place import cache_dir, enabled

if TYPE_CHECKING:
    from simplemma import Lemmatizer
    from simplemma.strategies import DictionaryLookupStrategy

_T = TypeVar("_T")
_FORMAT = 1
_MAGIC = b"newsdiff dictionary trie\n"


# Languages whose pipeline (``DefaultStrategy``, greedy off) gives a listed form
# the dictionary's entry: before the lookup only a numeric token is answered
# (as itself); no canonical spelling (simplemma.utils.CANON_LANGS), no
# apostrophe boundary (Turkish) and no mark stripping (Armenian) applies.
# newsdiff reads these two (``detection``); any other goes the whole pipeline.
_PLAIN = frozenset({"de", "en"})


def lemmatize(word: str, language: str) -> str:
    """simplemma's lemma of ``word``, as ``simplemma.lemmatize(word, lang=language)`` gives it.

    >>> lemmatize("Truppen", "de"), lemmatize("troops", "en")
    ('Truppe', 'troop')
    """
    return lookup(word, language)[0]


def is_known(word: str, language: str) -> bool:
    """Whether simplemma's dictionary lists ``word``, as ``simplemma.is_known`` says.

    >>> is_known("Truppen", "de"), is_known("Truppenentsendungen", "de")
    (True, False)
    """
    if not word:
        raise ValueError("an empty word")  # as simplemma: nothing to look up
    token = unicodedata.normalize("NFC", word)
    if language in _PLAIN and "'" not in token and "\u2019" not in token and "\u02bc" not in token:
        listed = dictionary(language)  # DictionaryLookupStrategy's two probes, unread
        if token in listed:
            return True
        return (token.lower() if token[:1].isupper() else token.capitalize()) in listed
    return _lookup().get_lemma(token, language) is not None


def lookup(word: str, language: str) -> tuple[str, bool]:
    """``(lemmatize(word, language), is_known(word, language))``, one lookup for both.

    >>> lookup("Truppen", "de"), lookup("Truppenentsendungen", "de")
    (('Truppe', True), ('Truppenentsendung', False))
    """
    if not word:
        raise ValueError("an empty word")
    token = unicodedata.normalize("NFC", word)
    if language in _PLAIN:
        listed = dictionary(language)
        found = listed.get(token)
        if found is None:
            found = listed.get(_turned(token))
        if found is not None:  # the pipeline's own answer, unless a number comes first
            return (token if token.isnumeric() else found), True
        if not _apostrophe(token):
            return _lemmatizer().lemmatize(word, language), False
    known = _lookup().get_lemma(token, language) is not None
    return _lemmatizer().lemmatize(word, language), known


def _turned(token: str) -> str:
    """The token with its first letter's case turned, as simplemma's lookup tries it next."""
    return token.lower() if token[:1].isupper() else token.capitalize()


def _apostrophe(token: str) -> bool:
    # simplemma tries a token with an apostrophe in other spellings too: left to it
    return "'" in token or "\u2019" in token or "\u02bc" in token


def dictionary(language: str) -> Mapping[str, str]:
    """simplemma's dictionary of ``language``: form as written -> lemma.

    >>> dictionary("de").get("Soldaten"), dictionary("de").get("Xyzzy")
    ('Soldat', None)
    """
    found = _OPEN.get(language)
    if found is None:  # asked for every lookup: 91,000 times in a cold story detection
        found = _OPEN[language] = _factory().get_dictionary(language)
    return found


_OPEN: dict[str, Mapping[str, str]] = {}  # each language's, as the one factory opened it


@lru_cache(maxsize=1)
def _factory() -> DictionaryFactory:
    """One per process, like simplemma's own: the first folder asked for serves it."""
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    if not enabled():
        return DEFAULT_DICTIONARY_FACTORY
    try:
        import marisa_trie  # noqa: F401
    except ImportError:  # pragma: no cover - a dependency; simplemma's dict still works
        return DEFAULT_DICTIONARY_FACTORY
    return TrieDictionaries(cache_dir() / "dictionaries" / _version())


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    # simplemma.lemmatize's own settings (greedy off, its cache size), another dictionary
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_factory()))


@lru_cache(maxsize=1)
def _lookup() -> DictionaryLookupStrategy:
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(_factory())


def _version() -> str:
    """What a trie is built from and read by: a new simplemma or marisa-trie builds anew."""
    parts = [f"format {_FORMAT}"]
    for library in ("simplemma", "marisa-trie"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            parts.append(f"{library} {metadata.version(library)}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


class TrieDictionaries(DictionaryFactory):
    """simplemma's dictionaries, each a trie read from ``folder`` or built there on first use.

    >>> import tempfile
    >>> tries = TrieDictionaries(Path(tempfile.mkdtemp()))
    >>> tries.get_dictionary("en").get("troops")
    'troop'
    """

    __slots__ = ("_folder", "_lock", "_open")

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = threading.Lock()  # two workers asking at once build it once
        self._open: dict[str, Mapping[str, str]] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._open.get(lang)
        if found is None:
            with self._lock:
                found = self._open.get(lang)
                if found is None:
                    found = self._open[lang] = _TrieMapping(self._read(lang) or self._build(lang))
        return found

    def _path(self, lang: str) -> Path:
        if not lang.isalpha():  # a language code names a file: nothing else may
            raise ValueError(f"Unsupported language: {lang}")
        return self._folder / f"{lang}.trie"

    def _read(self, lang: str) -> Any | None:
        """The stored trie, or None when there is none or it does not check out."""
        import marisa_trie

        payload = read_checked(self._path(lang), _MAGIC)
        if payload is None:
            return None
        try:
            return marisa_trie.BytesTrie().frombytes(payload)
        except Exception:  # a trie marisa cannot read: built anew
            return None

    def _build(self, lang: str) -> Any:
        """The trie of simplemma's shipped entries for ``lang``, stored for the next process."""
        import marisa_trie
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        # a factory of its own that keeps nothing: the decoded dict goes once the trie is built
        shipped = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
        raw = getattr(shipped, "_dict", None)
        if isinstance(raw, dict):  # simplemma 2's bytes store: 0.66 s to read German, not 1.25 s
            entries = ((form.decode(), lemma) for form, lemma in raw.items())
        else:
            entries = ((form, shipped[form].encode()) for form in shipped)
        trie = marisa_trie.BytesTrie(entries)
        del shipped, raw, entries
        payload = trie.tobytes()
        with contextlib.suppress(OSError):  # a cache that cannot be written: built again next time
            write_checked(self._path(lang), _MAGIC, payload)
        return trie


class _TrieMapping(Mapping[str, str]):
    """A read-only str -> str view of a BytesTrie; a miss costs no exception (most lookups miss)."""

    __slots__ = ("_find", "_trie")

    def __init__(self, trie: Any) -> None:
        self._trie = trie
        self._find = trie.get

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, /, default: str | _T) -> str | _T: ...
    def get(self, key: str, /, default: object = None) -> object:
        found = self._find(key)
        return found[0].decode() if found else default

    def __getitem__(self, key: str) -> str:
        found = self._find(key)
        if not found:
            raise KeyError(key)
        return str(found[0].decode())

    def __contains__(self, key: object) -> bool:
        return key in self._trie  # Mapping's own asks __getitem__ and catches KeyError

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)
