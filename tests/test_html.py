"""Saved web pages (.html, .htm, .mhtml) read as a reader sees the article: its paragraphs and
headings as passages, the page's navigation, teasers, share buttons, comments and scripts left
out, and the page's metadata (title, dates, author, site, address, language) kept."""

from __future__ import annotations

import html
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsdiff.core.reading.loader import read_article, read_articles
from newsdiff.core.reading.seeds import seed_paths

ROOT = Path(__file__).resolve().parents[1]
CORPUS = next(
    (
        d
        for d in (
            ROOT.parent / "shared/corpora/web-pages",
            ROOT.parents[1] / "shared/corpora/web-pages",
        )
        if d.is_dir()
    ),
    None,
)

ARTICLE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>North Korea sends troops to Russia | The Daily Example</title>
  <meta property="og:site_name" content="The Daily Example">
  <meta property="article:published_time" content="2024-11-06T12:01:00+01:00">
  <meta property="article:modified_time" content="2024-11-07T08:30:00+01:00">
  <meta name="author" content="Jane Doe">
  <link rel="canonical" href="https://example.org/world/north-korea-troops">
  <script>window.track = function () { document.title = "tracked"; };</script>
  <style>body { color: red }</style>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li></ul></nav>
  <div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
  <article>
    <h1>North Korea sends troops to Russia</h1>
    <p>North Korea has sent about 11,000 soldiers to Russia, South Korea's intelligence
    service said on Wednesday, in the clearest sign yet of the two countries' alliance.</p>
    <p>The troops are being trained in the east of Russia and some have already been moved
    towards the front in the Kursk region, officials in Seoul told reporters.</p>
    <h2>Ukraine asks for help</h2>
    <p>Ukraine's president called on the country's allies to respond before the soldiers
    reach the front line, and said that Kyiv had expected the move for weeks.</p>
    <aside class="related"><h3>Related</h3><ul>
      <li><a href="/a">Lesen Sie auch: Was Kim Jong Un von Putin will</a></li>
      <li><a href="/b">Related: Seoul summons Russian ambassador</a></li></ul></aside>
    <p>Russia has not confirmed the deployment, and the Kremlin called the reports
    "another fake" on Thursday, without giving any details of its own.</p>
  </article>
  <section id="comments"><h3>Comments</h3>
    <div class="comment"><p>Reader42: This is outrageous and everyone knows it.</p></div>
  </section>
  <footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
  <script>track();</script>
</body>
</html>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _texts(article) -> list[str]:
    return [s.text for s in article.sentences]


@pytest.mark.parametrize("name", ["page.html", "page.htm", "saved-page.txt", "page.xhtml"])
def test_a_saved_page_reads_as_its_article_without_navigation_teasers_comments_or_scripts(
    tmp_path, name
):
    article = read_article(_write(tmp_path, name, ARTICLE), cache=False)
    texts = _texts(article)
    assert texts[0] == "North Korea sends troops to Russia"
    assert any(t.startswith("North Korea has sent about 11,000 soldiers") for t in texts)
    assert "Ukraine asks for help" in texts  # a subheading stays a passage of its own
    kinds = {s.text: s.kind for s in article.sentences}
    assert kinds["Ukraine asks for help"] == "heading"
    assert any("another fake" in t for t in texts)
    joined = " ".join(texts)
    for dropped in ("Home", "Share on Facebook", "Lesen Sie auch", "Related:", "Reader42",
                    "Copyright", "track", "color: red"):  # fmt: skip
        assert dropped not in joined, dropped


def test_passages_point_into_the_article_text(tmp_path):
    article = read_article(_write(tmp_path, "page.html", ARTICLE), cache=False)
    for passage in article.sentences:
        assert " ".join(article.text[passage.start : passage.end].split()) == passage.text


def test_the_page_metadata_is_kept_as_the_markdown_front_matter_is(tmp_path):
    article = read_article(_write(tmp_path, "page.html", ARTICLE), cache=False)
    assert article.title == "North Korea sends troops to Russia"
    assert article.date == "2024-11-06T12:01:00+01:00"
    assert article.modified == "2024-11-07T08:30:00+01:00"
    assert article.author == "Jane Doe"
    assert article.source == "The Daily Example"
    assert article.url == "https://example.org/world/north-korea-troops"
    assert article.language == "en"


def test_list_json_shows_the_page_metadata(tmp_path, monkeypatch):
    path = _write(tmp_path, "page.html", ARTICLE)
    env_cache = tmp_path / "cache"
    result = subprocess.run(
        [sys.executable, "-m", "newsdiff", "list", "--json", str(path)],
        capture_output=True, text=True, env={"XDG_CACHE_HOME": str(env_cache), "PATH": ""},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (listed,) = json.loads(result.stdout)["articles"]
    assert listed["author"] == "Jane Doe"
    assert listed["modified"] == "2024-11-07T08:30:00+01:00"
    assert listed["source"] == "The Daily Example"
    assert listed["url"] == "https://example.org/world/north-korea-troops"
    assert listed["date"].startswith("2024-11-06")


def test_a_page_in_a_folder_is_read_beside_text_files(tmp_path):
    _write(tmp_path, "a-page.html", ARTICLE)
    _write(tmp_path, "b.txt", "Kursk\n\nNordkorea hat Soldaten nach Russland geschickt.\n")
    corpus = read_articles([tmp_path], cache=False)
    assert [a.id for a in corpus.articles] == ["a-page", "b"]
    assert corpus.problems == () and corpus.skipped == ()


def test_an_mhtml_page_saved_by_a_browser_is_read(tmp_path):
    quoted = ARTICLE.replace("=", "=3D").replace("'", "=E2=80=99")
    archive = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://example.org/world/north-korea-troops\r\n"
        "Subject: North Korea sends troops to Russia\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"\r\n'
        "\r\n------MultipartBoundary--x\r\n"
        "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://example.org/world/north-korea-troops\r\n\r\n"
        + quoted.replace("\n", "\r\n")
        + "\r\n------MultipartBoundary--x\r\nContent-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        "------MultipartBoundary--x--\r\n"
    )
    path = tmp_path / "saved.mhtml"
    path.write_bytes(archive.encode("ascii", "replace"))
    article = read_article(path, cache=False)
    assert article.title == "North Korea sends troops to Russia"
    assert any("Kursk region" in t for t in _texts(article))
    assert article.url == "https://example.org/world/north-korea-troops"


def test_an_mhtml_file_that_is_no_archive_is_named_with_its_problem(tmp_path):
    path = _write(tmp_path, "broken.mhtml", "just some words, no MIME parts at all\n")
    corpus = read_articles([path], cache=False)
    assert corpus.articles == ()
    (problem,) = corpus.problems
    assert problem.path.endswith("broken.mhtml") and "MHTML" in problem.message


# --- hostile pages (README "Inputs") -------------------------------------------------------


def test_scripts_and_escape_sequences_in_a_page_never_reach_a_passage(tmp_path):
    page = ARTICLE.replace(
        "<h2>Ukraine asks for help</h2>",
        "<h2>Ukraine &#27;[31masks&#27;[0m for help</h2><script>alert('x')</script>"
        "<noscript><img src='x' onerror='alert(1)'></noscript>",
    )
    article = read_article(_write(tmp_path, "page.html", page), cache=False)
    joined = "\n".join(_texts(article))
    assert "\x1b" not in joined and "alert" not in joined
    assert "Ukraine [31masks[0m for help" in joined  # the text, shown as text


@pytest.mark.parametrize(
    "planted",
    ["\u202e", "&#x202E;", "\x1b[31m", "&#27;", "\U000e0041"],
    ids=["bidi", "bidi-entity", "escape", "escape-entity", "tag"],
)
def test_a_page_passage_that_lost_a_control_character_is_marked_cleaned(tmp_path, planted):
    # as in a text file: the reader says the passage held something that was removed;
    # a page's removals were made in its markup and the mark was lost on the way
    page = ARTICLE.replace("Ukraine's president called", f"Ukraine's presi{planted}dent called")
    article = read_article(_write(tmp_path, "page.html", page), cache=False)
    marked = [s for s in article.sentences if s.cleaned]
    assert [s.text[:28] for s in marked] == ["Ukraine's president called o"]
    assert "\ufffc" not in article.text and "\u202e" not in article.text
    clean = read_article(_write(tmp_path, "clean.html", ARTICLE), cache=False)
    assert not any(s.cleaned for s in clean.sentences)
    assert _texts(clean) == _texts(article)


def test_broken_markup_is_read_as_far_as_it_goes(tmp_path):
    broken = (
        "<html><head><title>Kursk</title><body><div><p>North Korea has sent 11,000 soldiers to "
        "Russia, South Korea's intelligence service said on Wednesday.<p>The troops are being "
        "trained in the east of Russia, officials in Seoul <b>told <i>reporters.</b></i>"
        "<p>Russia has not confirmed the deployment, the Kremlin said on Thursday in Mosc"
    )
    article = read_article(_write(tmp_path, "broken.html", broken), cache=False)
    texts = _texts(article)
    assert any("sent 11,000 soldiers" in t for t in texts)
    assert any("told reporters" in t for t in texts)


def test_a_page_without_an_article_is_skipped_naming_it(tmp_path):
    links = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(40))
    page = f"<html><head><title>Index</title></head><body><nav><ul>{links}</ul></nav></body></html>"
    _write(tmp_path, "index.html", page)
    _write(tmp_path, "good.txt", "Kursk\n\nNordkorea hat Soldaten nach Russland geschickt.\n")
    corpus = read_articles([tmp_path], cache=False)
    assert [a.id for a in corpus.articles] == ["good"]
    (problem,) = corpus.problems
    assert problem.path.endswith("index.html")
    assert problem.message == "no article text found in the page"


def _heavy_page(article_paragraphs: int, script_mb: float) -> str:
    script = "<script>var data = '" + "x" * int(script_mb * 1_000_000) + "';</script>"
    image = "<img src='data:image/png;base64," + "A" * 2_000_000 + "'>"
    paragraphs = "".join(
        f"<p>Paragraph {n}: North Korea has sent {n} more soldiers to Russia, officials said.</p>"
        for n in range(article_paragraphs)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Heavy</title>{script}</head><body>"
        f"<article><h1>Heavy</h1>{image}{paragraphs}</article></body></html>"
    )


def test_a_20_mb_page_of_scripts_and_images_reads_in_seconds(tmp_path):
    page = _heavy_page(300, 17.5)
    assert len(page) > 19_000_000
    start = time.perf_counter()
    article = read_article(_write(tmp_path, "heavy.html", page), cache=False)
    assert time.perf_counter() - start < 15
    assert len([t for t in _texts(article) if t.startswith("Paragraph")]) == 300


def test_a_page_with_more_markup_than_any_article_is_refused_with_the_limit(tmp_path):
    page = _heavy_page(70_000, 0)  # about 7 MB of paragraphs
    start = time.perf_counter()
    corpus = read_articles([_write(tmp_path, "huge.html", page)], cache=False)
    assert time.perf_counter() - start < 5
    (problem,) = corpus.problems
    assert "too much markup" in problem.message and "the limit is 6 MB" in problem.message


def test_the_extractor_loads_only_when_a_page_is_read(tmp_path):
    text = _write(tmp_path, "a.txt", "Kursk\n\nNordkorea hat Soldaten nach Russland geschickt.\n")
    code = (
        "import sys; from newsdiff.core.reading.loader import read_articles;"
        f"read_articles([{str(text)!r}], cache=False);"
        "print(','.join(m for m in ('trafilatura', 'lxml', 'htmldate') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


# --- the real pages of the corpus ----------------------------------------------------------


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpora/web-pages not present")
def test_every_saved_news_page_of_the_corpus_reads_with_its_title():
    assert CORPUS is not None
    names = ("heise", "bbc-1", "nytimes-1", "guardian-1")
    for name in names:
        source = CORPUS / name / "source.html"
        expected = json.loads((CORPUS / name / "expected-metadata.json").read_text("utf-8"))
        article = read_article(source, cache=False)
        assert len(article.sentences) >= 5, name
        assert article.title.casefold() in expected["title"].casefold(), name
    heise = read_article(CORPUS / "heise" / "source.html", cache=False)
    assert heise.language == "de" and heise.date.startswith("2015-04-08T12:46")


# the prose of a quake report, dated only in its words ("25 April 2013"): no markup dates it
_QUAKE_PROSE = (
    "<p>A strong earthquake hit the island on Sunday, state television said, and "
    "five people were hurt. It was the strongest since the one of 25 April 2013.</p>"
    "<p>Rescue teams reached the villages by the evening, officials said, and the "
    "injured were taken to the hospital of the island's main town by boat.</p>"
    "<p>Aftershocks shook the island through the night, the provincial crisis "
    "office said, and schools will stay closed for two days.</p>"
)


def test_a_page_without_a_date_in_its_markup_is_not_dated_from_its_text(tmp_path):
    # an article's text as a reader view saves it: no head, only dates in the prose and links
    page = (
        "<html><body><article><h1>Quake hits Qeshm island</h1>"
        + _QUAKE_PROSE
        + "<p><a href='/archive/2009/10/14/older-quake'>Earlier: the quake of 2009</a></p>"
        "</article></body></html>"
    )
    article = read_article(_write(tmp_path, "extract.html", page), cache=False)
    assert article.title == "Quake hits Qeshm island"
    assert article.date is None


def test_a_bare_date_in_a_pages_text_does_not_date_the_page(tmp_path):
    # htmldate's fast mode falls back to the first ISO date of the text: the date of a
    # report the article cites is not the day the page was published or changed
    page = (
        "<html><body><article><h1>Quake hits Qeshm island</h1>"
        "<p>The survey agrees with a report dated 2019-06-12 by the island's office.</p>"
        + _QUAKE_PROSE
        + "</article></body></html>"
    )
    article = read_article(_write(tmp_path, "extract.html", page), cache=False)
    assert article.date is None
    assert article.modified is None


def test_a_date_in_the_markup_dates_the_page_whatever_its_text_cites(tmp_path):
    page = (
        "<html><body><article><h1>Quake hits Qeshm island</h1>"
        "<time datetime='2015-07-24T05:36:09Z'>24 July 2015</time>"
        "<p>The survey agrees with a report dated 2019-06-12 by the island's office.</p>"
        + _QUAKE_PROSE
        + "</article></body></html>"
    )
    article = read_article(_write(tmp_path, "extract.html", page), cache=False)
    assert (article.date or "").startswith("2015-07-24")


def test_a_date_in_the_markup_of_an_article_still_dates_it(tmp_path):
    page = (
        "<html><body><article><h1>Quake hits Qeshm island</h1>"
        "<time datetime='2015-07-24T05:36:09Z'>24 July 2015</time>"
        + _QUAKE_PROSE
        + "</article></body></html>"
    )
    article = read_article(_write(tmp_path, "extract.html", page), cache=False)
    assert (article.date or "").startswith("2015-07-24")


def test_an_error_page_is_skipped_naming_what_it_is(tmp_path):
    # a saved "404 Not Found" page has a sentence of prose, so it read as a report
    # titled "Not Found" and sat among the reports of the folder
    page = (
        "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
        "<p>The requested URL was not found on this server.</p></body></html>"
    )
    _write(tmp_path, "missing.html", page)
    denied = (
        "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1>"
        "<p>You don't have permission to access this resource.</p></body></html>"
    )
    _write(tmp_path, "denied.html", denied)
    brief = (
        "<html><head><title>Plane wreck not found</title></head><body><article>"
        "<h1>Plane wreck not found</h1><p>Divers found no trace of the plane on Monday, "
        "the coast guard said.</p></article></body></html>"
    )
    _write(tmp_path, "brief.html", brief)
    corpus = read_articles([tmp_path], cache=False)
    assert [a.title for a in corpus.articles] == ["Plane wreck not found"]
    messages = {Path(p.path).name: p.message for p in corpus.problems}
    assert messages == {
        "missing.html": "an error page (page not found), not an article",
        "denied.html": "an error page (access denied), not an article",
    }


def _page(body: str) -> str:
    return (
        "<html lang='de'><head><title>Nordkorea schickt Soldaten</title></head><body>"
        f"<article><h1>Nordkorea schickt Soldaten</h1>{body}</article></body></html>"
    )


LEAD = (
    "<p>Nordkorea hat nach Angaben aus Seoul weitere Soldaten nach Russland geschickt, "
    "teilte der Geheimdienst am Montag mit.</p>"
)
POINTS = ["Die Lage in Kursk", "Truppen aus Nordkorea", "Verluste auf beiden Seiten", "Seoul"]


def test_a_br_separated_list_is_a_passage_a_line(tmp_path):
    # a <br> became a space: the list was one passage, "… im Überblick: Die Lage in
    # Kursk Truppen aus Nordkorea …", as the ranking of cnn's saved page was
    body = (
        f"{LEAD}<p>Die wichtigsten Punkte im Überblick:<br>{'<br>'.join(POINTS)}</p>"
        "<p>Gemeldete Zahlen:<br>\n11.000 Soldaten im Oktober<br>\n4000 weitere Soldaten</p>"
        "<p>Der Minister sagte,<br>die Lage sei ernst.</p>"
    )
    article = read_article(_write(tmp_path, "page.html", _page(body)), cache=False)
    assert _texts(article)[2:] == [
        "Die wichtigsten Punkte im Überblick:",
        *POINTS,
        "Gemeldete Zahlen:",
        "11.000 Soldaten im Oktober",
        "4000 weitere Soldaten",
        "Der Minister sagte, die Lage sei ernst.",  # a line that goes on is no item
    ]
    assert {s.kind for s in article.sentences[1:]} == {"sentence"}  # no line is a heading
    for passage in article.sentences:
        assert " ".join(article.text[passage.start : passage.end].split()) == passage.text


def test_a_br_inside_a_sentence_does_not_end_its_passage(tmp_path):
    # "die<br>Regierung": a <br> before a capitalised noun cut the sentence in two
    body = (
        f"{LEAD}<p>Nach Angaben aus Seoul hat die<br>Regierung in Pjöngjang weitere "
        "Truppen entsandt.</p>"
        "<p>Der Geheimdienst des Landes berichtete am Montag in<br>Seoul von schweren "
        "Verlusten. Es seien<br>Tausende Soldaten gefallen.</p>"
        "<p>Die Soldaten kämpften nach Angaben des Generalstabs in der Region Kursk<br>"
        "Seite an Seite mit russischen Verbänden.</p>"
        # the writer's lines stay passages: a list, a short line, a numbered item
        f"<p>Die wichtigsten Punkte im Überblick:<br>{'<br>'.join(POINTS)}</p>"
        "<p>Michael Shadlen<br>Columbia University</p>"
        "<p>Die Rangliste der Länder<br>1. Finnland<br>2. Norwegen</p>"
    )
    article = read_article(_write(tmp_path, "page.html", _page(body)), cache=False)
    assert _texts(article)[2:] == [
        "Nach Angaben aus Seoul hat die Regierung in Pjöngjang weitere Truppen entsandt.",
        "Der Geheimdienst des Landes berichtete am Montag in Seoul von schweren Verlusten.",
        "Es seien Tausende Soldaten gefallen.",
        "Die Soldaten kämpften nach Angaben des Generalstabs in der Region Kursk "
        "Seite an Seite mit russischen Verbänden.",
        "Die wichtigsten Punkte im Überblick:",
        *POINTS,
        "Michael Shadlen",
        "Columbia University",
        "Die Rangliste der Länder",
        "1. Finnland",
        "2. Norwegen",
    ]
    for passage in article.sentences:
        assert " ".join(article.text[passage.start : passage.end].split()) == passage.text


def test_a_pre_block_reads_as_its_lines_and_paragraphs(tmp_path):
    # trafilatura folds a <pre>'s newlines: a statement of unpunctuated lines was one
    # passage, and a report pasted hard-wrapped lost its paragraphs and subheadings
    statement = "Erklärung des Ministeriums\n" + "\n".join(POINTS)
    body = f"{LEAD}<pre>{statement}</pre>"
    article = read_article(_write(tmp_path, "page.html", _page(body)), cache=False)
    assert _texts(article)[2:] == ["Erklärung des Ministeriums", *POINTS]
    seed = next(p for p in seed_paths() if p.name.startswith("000_"))
    title, *paragraphs = seed.read_text(encoding="utf-8").split("\n\n")
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 72)) for p in paragraphs)
    page = _page(f"<pre>{html.escape(wrapped)}</pre>").replace("Nordkorea schickt Soldaten", title)
    article = read_article(_write(tmp_path, "seed.html", page), cache=False)
    original = read_article(seed, cache=False)
    assert _texts(article) == _texts(original)
