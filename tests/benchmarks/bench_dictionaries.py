"""Where the lemmatiser's dictionaries should live: each store opened in a fresh process.

The lookups are those a cold run makes: story profiles and the facts of every
passage of the 1,033 gnad + seed reports (German), and of the ECB+ tune texts
(English), recorded once through a recording dictionary. Each store is then
built from simplemma's shipped data, opened in a fresh process and asked the
same lookups: time to open, resident memory added (after opening, after the
lookups), time per lookup, and a digest of the answers (all must agree).

    python tests/benchmarks/bench_dictionaries.py
"""

from __future__ import annotations

import array
import hashlib
import json
import marshal
import os
import pickle
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KINDS = ("simplemma", "stream", "marshal", "pickle", "sqlite", "bisect", "trie")


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _shipped(lang: str) -> dict[bytes, bytes]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    found = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
    return {k.encode(): found[k].encode() for k in found}


def record(out: Path) -> None:
    """The dictionary lookups of a cold run, per language, as ``out`` (JSON)."""
    from bench_stories_scale import _base_texts
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY, DictionaryFactory

    import mix
    from newsdiff.core.facts import extract_facts
    from newsdiff.core.language import dictionaries
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.stories.profile import story_profile

    asked: dict[str, list[str]] = {"de": [], "en": []}

    class Recording(Mapping[str, str]):
        def __init__(self, lang: str) -> None:
            self.lang, self.inner = lang, DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)

        def get(self, key: str, default: Any = None) -> Any:
            asked.setdefault(self.lang, []).append(key)
            return self.inner.get(key, default)

        def __getitem__(self, key: str) -> str:
            found = self.get(key)
            if found is None:
                raise KeyError(key)
            return str(found)

        def __iter__(self) -> Any:
            return iter(self.inner)

        def __len__(self) -> int:
            return len(self.inner)

    class Factory(DictionaryFactory):
        def get_dictionary(self, lang: str) -> Mapping[str, str]:
            return Recording(lang)

    recording = Factory()
    dictionaries._factory = lambda: recording  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in _base_texts():
            (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
        paths = [*sorted(Path(tmp).glob("*.txt")), *sorted((mix.ECB / "texts").glob("*/*.txt"))]
        for article in read_articles(paths, cache=False).articles:
            story_profile(article)
            for sentence in article.sentences:
                extract_facts(sentence.text, language=article.language, published=article.date)
    out.write_text(json.dumps(asked), encoding="utf-8")


def build(kind: str, lang: str, folder: Path) -> tuple[float, int]:
    shipped = _shipped(lang)
    start = time.perf_counter()
    path = folder / f"{lang}.{kind}"
    if kind == "marshal":
        path.write_bytes(marshal.dumps(shipped))
    elif kind == "pickle":
        path.write_bytes(pickle.dumps(shipped, protocol=5))
    elif kind == "sqlite":
        path.unlink(missing_ok=True)
        con = sqlite3.connect(path)
        con.execute("create table d (k blob primary key, v blob) without rowid")
        con.executemany("insert into d values (?, ?)", sorted(shipped.items()))
        con.commit()
        con.close()
    elif kind == "bisect":
        keys = sorted(shipped)
        key_ends, value_ends = array.array("I", [0]), array.array("I", [0])
        for key in keys:
            key_ends.append(key_ends[-1] + len(key))
            value_ends.append(value_ends[-1] + len(shipped[key]))
        head = array.array("I", [len(keys), key_ends[-1], value_ends[-1]])
        body = b"".join(keys) + b"".join(shipped[k] for k in keys)
        path.write_bytes(head.tobytes() + key_ends.tobytes() + value_ends.tobytes() + body)
    elif kind == "trie":
        from newsdiff.core.language.dictionaries import TrieDictionaries

        TrieDictionaries(folder).get_dictionary(lang)
        path = folder / f"{lang}.trie"
    else:
        return 0.0, 0
    return time.perf_counter() - start, path.stat().st_size


class _Bisect:
    def __init__(self, data: bytes) -> None:
        n, key_bytes, _ = array.array("I", data[:12])
        self.n, pos = n, 12
        self.key_ends = array.array("I", data[pos : pos + 4 * (n + 1)])
        pos += 4 * (n + 1)
        self.value_ends = array.array("I", data[pos : pos + 4 * (n + 1)])
        pos += 4 * (n + 1)
        self.keys, self.values = data[pos : pos + key_bytes], data[pos + key_bytes :]

    def get(self, key: str) -> str | None:
        target, ends, keys = key.encode(), self.key_ends, self.keys
        low, high = 0, self.n
        while low < high:
            middle = (low + high) // 2
            if keys[ends[middle] : ends[middle + 1]] < target:
                low = middle + 1
            else:
                high = middle
        if low < self.n and keys[ends[low] : ends[low + 1]] == target:
            return self.values[self.value_ends[low] : self.value_ends[low + 1]].decode()
        return None


class _Sqlite:
    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)

    def get(self, key: str) -> str | None:
        row = self.con.execute("select v from d where k = ?", (key.encode(),)).fetchone()
        return row[0].decode() if row else None


def open_store(kind: str, lang: str, folder: Path) -> Any:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory, StreamDictionaryFactory
    from simplemma.strategies.dictionaries.dictionary_factory import MappingStrToByteString

    path = folder / f"{lang}.{kind}"
    if kind == "simplemma":
        return DefaultDictionaryFactory().get_dictionary(lang)
    if kind == "stream":
        return StreamDictionaryFactory().get_dictionary(lang)
    if kind in ("marshal", "pickle"):
        loads = marshal.loads if kind == "marshal" else pickle.loads
        return MappingStrToByteString(loads(path.read_bytes()))
    if kind == "sqlite":
        return _Sqlite(path)
    if kind == "bisect":
        return _Bisect(path.read_bytes())
    from newsdiff.core.language.dictionaries import TrieDictionaries

    return TrieDictionaries(folder).get_dictionary(lang)


def child(kind: str, lang: str, folder: Path, keys_file: Path) -> None:
    import marisa_trie  # noqa: F401 - imports are not what is measured
    import simplemma  # noqa: F401

    keys = json.loads(keys_file.read_text(encoding="utf-8"))[lang]
    before = _rss_mb()
    start = time.perf_counter()
    store = open_store(kind, lang, folder)
    opened, resident = time.perf_counter() - start, _rss_mb()
    start = time.perf_counter()
    found = [store.get(key) for key in keys]
    per_lookup = (time.perf_counter() - start) / max(1, len(keys))
    digest = hashlib.sha256("\0".join(f or "-" for f in found).encode()).hexdigest()[:12]
    print(
        json.dumps(
            {
                "open": opened,
                "rss_open": resident - before,
                "rss_after": _rss_mb() - before,
                "lookup_us": per_lookup * 1e6,
                "digest": digest,
            }
        )
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], Path(sys.argv[4]), Path(sys.argv[5]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder, keys_file = Path(tmp), Path(tmp) / "keys.json"
        record(keys_file)
        asked = json.loads(keys_file.read_text(encoding="utf-8"))
        for lang in ("de", "en"):
            print(f"{lang}: {len(asked[lang])} lookups ({len(set(asked[lang]))} distinct)")
            for kind in KINDS:
                built, size = build(kind, lang, folder)
                done = subprocess.run(
                    [sys.executable, __file__, "--child", kind, lang, str(folder), str(keys_file)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                r = json.loads(done.stdout.strip().splitlines()[-1])
                print(
                    f"  {kind:9} build {built:5.2f} s, {size / 2**20:5.1f} MB on disk | open "
                    f"{r['open']:.3f} s, +{r['rss_open']:.0f} MB resident (+{r['rss_after']:.0f} "
                    f"after the lookups) | {r['lookup_us']:.2f} us a lookup | {r['digest']}"
                )


if __name__ == "__main__":
    main()
