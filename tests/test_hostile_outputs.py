"""Nothing from a file drives the terminal; outputs stay valid whatever the names and
bytes; symlinks out of a folder stay out (issue 14, parts 2, 5 and 7)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.cli import main
from newsdiff.commands.list import render_table
from newsdiff.core.model import Article
from newsdiff.core.reading.article import build_article
from newsdiff.core.reading.blocks import parse
from newsdiff.core.reading.decode import NotText, decode
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.views.cells import cell_width

GOOD = (
    "Nordkorea schickt Soldaten\n\nNordkorea hat mehr als 3000 Soldaten nach Russland geschickt.\n"
)
OTHER = GOOD.replace("3000", "4000")
OSC52 = "\x1b]52;c;ZWNobyBQV05FRA==\x07"
UNSAFE = [chr(c) for c in range(0x20) if c not in (9, 10)] + [chr(0x7F), chr(0x9B)]
UNSAFE += ["\u202e", "\u2066", "\u200f", "\U000e0041"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        capture_output=True, timeout=120, env={**os.environ, **(env or {})},
    )  # fmt: skip
    assert b"Traceback" not in result.stderr, result.stderr
    return result


# --- part 2: control sequences ---------------------------------------------------------------


def test_a_file_named_with_osc_52_prints_escaped_in_align_text_output(tmp_path, capsys):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / f"evil{OSC52}.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    assert main(["align", str(folder)]) == 0
    out = capsys.readouterr()
    assert "evil" in out.out and "\\x1b]52" in out.out
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err


@pytest.mark.parametrize(
    "entity", ["&#x202E;", "&#x200B;", "&#x2066;", "&shy;", "&#65279;", "&#x1b;", "&#xE0041;"]
)
def test_invisible_and_bidi_entities_in_markdown_never_reach_a_passage_or_title(entity):
    text = f"# Titel{entity}x\n\nEs sind {entity}000.11{entity} Soldaten. Mehr{entity}.\n"
    article = build_article(text, id="a", markdown=True)
    shown = [article.title, *(s.text for s in article.sentences)]
    assert all(all(ch not in s for ch in [*UNSAFE, "\u200b", "\xad", "\ufeff"]) for s in shown)
    # markdown-it itself refuses control characters as entities (&#x1b; stays literal)
    suspicious = entity not in ("&#x200B;", "&shy;", "&#65279;", "&#x1b;")
    assert any(s.cleaned for s in article.sentences) == suspicious  # a mark, not silence


def test_the_rlo_number_trick_is_marked_and_shown_in_reading_order(tmp_path, capsys):
    (tmp_path / "a.md").write_text(
        "# A\n\nEs sind &#x202E;000.11&#x202C; Soldaten.\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text("# B\n\nEs sind 000.11 Soldaten.\n", encoding="utf-8")
    assert main(["align", str(tmp_path / "a.md"), str(tmp_path / "b.md"), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    (article,) = [a for a in document["articles"] if a["id"] == "a"]
    (sentence,) = [s for s in article["sentences"] if "Soldaten" in s["text"]]
    assert sentence["text"] == "Es sind 000.11 Soldaten." and sentence["cleaned"] is True
    assert main(["align", str(tmp_path / "a.md"), str(tmp_path / "b.md")]) == 0
    assert "[control characters removed]" in capsys.readouterr().out


# --- part 5: encodings and outputs -----------------------------------------------------------


@pytest.mark.parametrize("command", ["align", "facts", "list"])
@pytest.mark.parametrize("encoding", [None, "utf-8", "ascii"])
def test_json_output_is_valid_utf8_for_file_names_that_are_not(tmp_path, command, encoding):
    folder = tmp_path / "f"
    folder.mkdir()
    try:
        with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as stream:
            stream.write(GOOD.encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    env = {"PYTHONIOENCODING": encoding} if encoding else {}
    result = run(command, str(folder), "--json", env=env)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout.decode("utf-8"))  # strict: valid UTF-8
    assert "internal error" not in result.stderr.decode("utf-8", "replace")
    if command != "facts":  # two one-sentence reports make no claim table
        assert "caf" in json.dumps(document)


def test_a_mostly_utf8_file_keeps_its_umlauts_and_says_how_many_bytes_were_mended(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Grüße aus Köln\n\nDie Straße ist lang. ".encode() + b"caf\xe9 na\xefve \xe0.\n"
    )
    corpus = read_articles([path], cache=False)
    (article,) = corpus.articles
    assert "Grüße" in article.text and "Straße" in article.text and "café" in article.text
    (note,) = corpus.problems
    assert not note.fatal and "3 bytes" in note.message


def test_binary_data_after_a_bom_is_not_text():
    random = __import__("random").Random(5)
    noise = bytes(random.randrange(256) for _ in range(4000))
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        with pytest.raises(NotText):
            decode(bom + noise)


def test_list_columns_line_up_by_cells_with_wide_and_combining_characters():
    titles = ["東京タワー報告", "Cafe\u0301 crème", "🚀 Start", "Plain"]
    articles = tuple(
        Article(f"{n}", f"{n}.txt", "", title, "2025-04-28", "de", (), 5)
        for n, title in enumerate(titles)
    )
    lines = render_table(articles, width=None).splitlines()
    ends = {cell_width(line[: line.index("2025")]) for line in lines[1:]}
    assert len(ends) == 1  # the date column starts at the same cell on every row
    assert cell_width(lines[0][: lines[0].index("date")]) == ends.pop()


MARKDOWN_BITS = st.sampled_from(
    ["|", "-", " ", "“", "&#x202E;", "\n", "[", "]", "*", "#", "&amp;", "<b>", "a", "1.", "> "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=40).map("".join))
def test_every_passage_has_start_at_most_end_and_inside_the_text(source):
    for markdown in (True, False):
        article_text = decode(source.encode()).text
        if not article_text.strip():
            continue
        article = build_article(article_text, id="x", markdown=markdown)
        for s in article.sentences:
            assert 0 <= s.start <= s.end <= len(article.text), (s, article.text)


def test_the_hostile_table_of_the_issue_gives_ordered_offsets():
    text = decode("[|||||\n-|-|-|-|-\n| “|&#x202E;".encode()).text
    for block in parse(text, markdown=True).blocks:
        assert block.start <= block.end


def test_text_in_raw_html_blocks_and_lists_past_level_20_is_kept():
    deep = "".join("  " * level + f"- Ebene{level}\n" for level in range(25))
    text = f"# T\n\n<div>\nIm HTML Block steht Text.\n</div>\n\n{deep}"
    words = " ".join(s.text for s in build_article(text, id="x", markdown=True).sentences)
    assert "Im HTML Block steht Text." in words
    assert all(f"Ebene{level}" in words for level in range(25))


# --- part 7: symlinks out of the folder ------------------------------------------------------


def test_a_symlink_out_of_the_folder_is_named_not_followed_unless_asked(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text(OTHER.replace("Soldaten", "Geheimnis"), encoding="utf-8")
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "inner.txt").symlink_to(folder / "a.txt")  # inside the tree: fine (same file)
    (folder / "z.txt").symlink_to(secret)
    corpus = read_articles([folder], cache=False)
    assert [Path(a.path).name for a in corpus.articles] == ["a.txt"]
    (problem,) = corpus.problems
    assert problem.path.endswith("z.txt") and "out of the folder" in problem.message
    followed = read_articles([folder], cache=False, follow_links=True)
    assert sorted(Path(a.path).name for a in followed.articles) == ["a.txt", "z.txt"]
    assert main(["list", str(folder), "--json"]) == 0
    assert "Geheimnis" not in capsys.readouterr().out
    assert main(["list", str(folder), "--json", "--follow-links"]) == 0
    assert "z.txt" in capsys.readouterr().out


# --- part 6: resources -----------------------------------------------------------------------


def _table(columns: int, rows: int) -> str:
    lines = ["|" + "|".join(f"c{i}" for i in range(columns)) + "|", "|" + "-|" * columns]
    lines += ["|" + "|".join(str(r * i % 97) for i in range(columns)) + "|" for r in range(rows)]
    return "# Tabelle\n\n" + "\n".join(lines) + "\n"


def test_a_table_wider_than_the_limit_is_refused_naming_the_limit(tmp_path):
    from newsdiff.core.reading.formats import MAX_COLUMNS

    path = tmp_path / "wide.md"
    path.write_text(_table(MAX_COLUMNS + 50, 3), encoding="utf-8")
    started = time.perf_counter()
    corpus = read_articles([path], cache=False)
    assert time.perf_counter() - started < 2
    (problem,) = corpus.problems
    assert f"up to {MAX_COLUMNS} columns" in problem.message and problem.fatal


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_prose_line_full_of_pipes_is_no_table(tmp_path, suffix):
    # a scraped breadcrumb of 250 pipes made the whole report "a table of 251 columns"
    crumbs = " | ".join(f"Rubrik {n}" for n in range(251))
    art = "\n".join("|" * (220 + n) for n in range(3))  # ASCII art: lines of varying counts
    path = tmp_path / f"crumbs{suffix}"
    # under the breadcrumb a rule: a Markdown heading's underline, no table's delimiter row
    report = f"{crumbs}\n---\n\nNordkorea hat Soldaten geschickt.\n\n{art}\n"
    path.write_text(report, encoding="utf-8")
    started = time.perf_counter()
    corpus = read_articles([path], cache=False)
    assert time.perf_counter() - started < 2
    assert corpus.problems == ()
    (article,) = corpus.articles
    assert "Nordkorea hat Soldaten geschickt." in [s.text for s in article.sentences]


def test_lines_of_one_count_of_cells_are_a_table_without_a_rule(tmp_path):
    from newsdiff.core.reading.formats import MAX_COLUMNS

    # a pipe-separated dump has no delimiter row, but its lines agree on their cells
    rows = "\n".join("|".join(str(r * i % 97) for i in range(MAX_COLUMNS + 50)) for r in range(5))
    path = tmp_path / "dump.txt"
    path.write_text(f"Daten\n\n{rows}\n", encoding="utf-8")
    (problem,) = read_articles([path], cache=False).problems
    assert f"a table of {MAX_COLUMNS + 50} columns" in problem.message


def test_a_table_within_the_limit_reads_in_time_linear_in_its_rows(tmp_path):
    timings = []
    for rows in (50, 200):
        path = tmp_path / f"t{rows}.md"
        path.write_text(_table(100, rows), encoding="utf-8")
        best = float("inf")
        for _ in range(3):  # best of three: a busy machine stalls single runs, not the growth
            started = time.perf_counter()
            (article,) = read_articles([path], cache=False).articles
            best = min(best, time.perf_counter() - started)
        timings.append(best)
        assert len([s for s in article.sentences if s.kind == "table-row"]) == rows
    assert timings[1] < 8 * timings[0] + 0.2  # 4x the rows: linear would be 4x the time


def test_aligning_more_passages_than_the_limit_is_refused_naming_it(tmp_path, capsys, monkeypatch):
    tmp_path = tmp_path / "reports"  # beside, not above, the cache folder
    tmp_path.mkdir()
    # two copies of one report: one story, whose 62 passages are what aligning costs
    sentences = " ".join(f"Nordkorea entsendet {n}000 Soldaten nach Kursk." for n in range(30))
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Titel Kursk\n\n{sentences}\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDIFF_MAX_PASSAGES", "40")
    for command in ("align", "facts", "report"):
        started = time.perf_counter()
        assert main([command, str(tmp_path)]) == 1
        assert time.perf_counter() - started < 5
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert "the limit is 40" in line and "NEWSDIFF_MAX_PASSAGES=62" in line
    assert main(["list", str(tmp_path)]) == 0  # listing is cheap: no limit


def test_the_passage_limit_counts_one_story_not_the_whole_folder(tmp_path, capsys, monkeypatch):
    # a folder of unrelated reports costs nothing to align: each is alone in its story
    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    topics = (
        "Wetter Regen Hamburg",
        "Fussball Bayern Tor",
        "Boerse Aktien Dax",
        "Oper Wien Premiere",
    )
    for name, topic in zip("abcd", topics, strict=True):
        sentences = " ".join(f"{topic} Meldung {name}{n}." for n in range(15))
        (tmp_path / f"{name}.txt").write_text(f"{topic}\n\n{sentences}\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDIFF_MAX_PASSAGES", "40")  # the folder holds 64
    assert main(["align", str(tmp_path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert all(len(story) == 1 for story in document["stories"])


@pytest.mark.parametrize("command", ["list", "align"])
def test_json_output_escapes_bidi_characters_of_file_names(tmp_path, capsys, command):
    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    (tmp_path / "c\u202e.txt").write_text(GOOD, encoding="utf-8")  # found by the fuzz script
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    assert main([command, str(tmp_path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\\u202e" in out
    assert "c\u202e.txt" in json.dumps(json.loads(out), ensure_ascii=False)  # reads back the same


def test_an_article_id_from_a_file_name_with_escapes_is_escaped_once_at_the_source(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / f"evil{OSC52}\u202e.txt").write_text(GOOD, encoding="utf-8")
    for cache in (False, True, True):  # fresh, stored, and from the cache
        (article,) = read_articles([folder], cache=cache).articles
        assert all(ch not in article.id + article.title for ch in UNSAFE)
        assert article.id.startswith("evil\\x1b]52") and article.path.endswith(".txt")
        assert Path(article.path).exists()  # the path itself stays exact, to reopen the file


@pytest.mark.parametrize("command", ["list", "align", "facts", "stories"])
def test_a_newline_in_a_file_name_does_not_break_a_line_of_text_output(tmp_path, capsys, command):
    # "a\nb.txt" is a legal name; printed raw it split its row in two, so the id
    # column read "a" and a made-up row began with "b"
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a\nb\tc.txt").write_text(GOOD, encoding="utf-8")
    (folder / "z.txt").write_text(OTHER, encoding="utf-8")
    assert main([command, str(folder)]) == 0
    out = capsys.readouterr().out
    assert "a\\x0ab\\x09c" in out
    assert not any(line.startswith("b") for line in out.splitlines())
