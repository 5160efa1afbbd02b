"""Compare HTML main-text extractors on the saved news pages, and check the page metadata.

Run from the project root:

    python tests/benchmarks/bench_extract.py [--corpus DIR]

(a) Extraction: each candidate extracts the main text of every
``source.html`` in ``../shared/corpora/web-pages/``; its words are compared
with the words of the page's ``expected.html`` (Readability's output, the text
a reader keeps) as multisets of case-folded words: precision, recall and F1
per page, micro-averaged over all words of all pages, and seconds per page
(the extractor's import and a first warm-up call are not counted; each page
is extracted once, in one run, so compare the ratios).

(b) Metadata: newsdiff's own reader (``newsdiff.core.reading.html``) on every
page against ``expected-metadata.json``: the title (exact after folding
spaces and case, or one contained in the other), the publication date (same
day, where the page's metadata gives one) and the language (first subtag).

Candidates that are not installed are skipped: trafilatura and its companion
htmldate ship with newsdiff; readability-lxml and jusText are optional
(``pip install readability-lxml justext``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_CANDIDATE_DIRS = (
    ROOT.parent / "shared" / "corpora" / "web-pages",
    ROOT.parent.parent / "shared" / "corpora" / "web-pages",  # a worktree one level deeper
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

Extractor = Callable[[str], str]


def words(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def html_text(html: str) -> str:
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return str(root.text_content())


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def _trafilatura_recall(html: str) -> str:
    import trafilatura

    return (
        trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
        or ""
    )


def _newsdiff(html: str) -> str:
    """The passages newsdiff compares: without the title, datelines and bylines, as the
    reference keeps the title apart."""
    from newsdiff.core.reading.html import read_html_article

    try:
        article = read_html_article(html, id="page")
    except ValueError:
        return ""
    kept = [s.text for s in article.sentences if not (s.index == 0 and s.kind == "heading")]
    return "\n".join(kept)


def _readability(html: str) -> str:
    from readability import Document

    return html_text(Document(html).summary(html_partial=True))


def _justext(html: str) -> str:
    import justext

    # English stoplist for every page: jusText needs one language, and 26 of 28 are English
    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


CANDIDATES: dict[str, tuple[str, Extractor]] = {
    "trafilatura": ("trafilatura", _trafilatura),
    "trafilatura (favor_recall)": ("trafilatura", _trafilatura_recall),
    "newsdiff passages (trafilatura)": ("trafilatura", _newsdiff),
    "readability-lxml": ("readability", _readability),
    "jusText": ("justext", _justext),
}


def _available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _pages(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "source.html").is_file())


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def bench_extraction(pages: list[Path]) -> None:
    print(f"(a) extraction: {len(pages)} pages, words against expected.html\n")
    header = (
        f"{'extractor':<34}{'precision':>10}{'recall':>8}{'F1':>7}"
        f"{'mean F1':>9}{'s/page':>8}  worst page"
    )
    print(header)
    expected = {page.name: words(html_text(_read(page / "expected.html"))) for page in pages}
    sources = {page.name: _read(page / "source.html") for page in pages}
    for name, (module, extract) in CANDIDATES.items():
        if not _available(module):
            print(f"{name:<34}  (not installed)")
            continue
        extract(sources[pages[0].name])  # imports and first-call set-up, not timed
        kept = total_out = total_ref = 0
        seconds = 0.0
        f1s: list[tuple[float, str]] = []
        for page in pages:
            start = time.perf_counter()
            text = extract(sources[page.name])
            seconds += time.perf_counter() - start
            got, ref = words(text), expected[page.name]
            overlap = sum((got & ref).values())
            kept, total_out, total_ref = (
                kept + overlap,
                total_out + sum(got.values()),
                total_ref + sum(ref.values()),
            )
            p = overlap / sum(got.values()) if got else 0.0
            r = overlap / sum(ref.values()) if ref else 0.0
            f1s.append((2 * p * r / (p + r) if p + r else 0.0, page.name))
        precision = kept / total_out if total_out else 0.0
        recall = kept / total_ref if total_ref else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        mean_f1 = sum(f for f, _ in f1s) / len(f1s)
        worst = min(f1s)
        print(
            f"{name:<34}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}{mean_f1:>9.3f}"
            f"{seconds / len(pages):>8.3f}  {worst[1]} {worst[0]:.2f}"
        )


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _title_ok(found: str, expected: str) -> bool:
    found, expected = _fold(found), _fold(expected)
    return bool(found) and (found == expected or found in expected or expected in found)


def bench_metadata(pages: list[Path]) -> None:
    from newsdiff.core.reading.html import read_html_article

    print("\n(b) metadata of newsdiff's reader against expected-metadata.json\n")
    titles = dates = dated = languages = 0
    misses: list[str] = []
    for page in pages:
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        article = read_html_article(_read(page / "source.html"), id=page.name)
        if _title_ok(article.title, meta.get("title") or ""):
            titles += 1
        else:
            misses.append(f"  title {page.name}: {article.title!r} vs {meta.get('title')!r}")
        if meta.get("publishedTime"):
            dated += 1
            if (article.date or "")[:10] == meta["publishedTime"][:10]:
                dates += 1
            else:
                misses.append(f"  date  {page.name}: {article.date} vs {meta['publishedTime']}")
        lang = (meta.get("lang") or "").split("-")[0].lower()
        if lang and article.language == lang:
            languages += 1
        elif lang:
            misses.append(f"  lang  {page.name}: {article.language} vs {meta.get('lang')}")
    with_lang = sum(
        1
        for page in pages
        if json.loads((page / "expected-metadata.json").read_text(encoding="utf-8")).get("lang")
    )
    print(f"title     {titles}/{len(pages)} ({titles / len(pages):.0%})")
    share = dates / max(dated, 1)
    print(f"date      {dates}/{dated} of the pages whose metadata gives one ({share:.0%})")
    print(f"language  {languages}/{with_lang} ({languages / max(with_lang, 1):.0%})")
    if misses:
        print("misses:")
        print("\n".join(misses))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    corpus = args.corpus or next((d for d in _CANDIDATE_DIRS if d.is_dir()), None)
    if corpus is None or not corpus.is_dir():
        print("web-pages corpus not found (../shared/corpora/web-pages)", file=sys.stderr)
        return 1
    pages = _pages(corpus)
    print(f"newsdiff extraction benchmark, Python {sys.version.split()[0]}, corpus {corpus}\n")
    bench_extraction(pages)
    bench_metadata(pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
