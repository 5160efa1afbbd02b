"""Hostile input against what stories added: labels, headers, `stories`, story dates.

Three reports tell one story (a made-up arrest, so its names are rare words);
each test puts something hostile where a label, a header or a date comes from
and asserts what the user sees or gets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newsdiff.cli import main

REPORTS = (
    (
        "Zorvath Quellmar arrested in Brindlewick",
        "Police in Brindlewick arrested Zorvath Quellmar on Tuesday after a crash on the"
        " Harrowgate bridge, officers said.\n\nQuellmar, 34, was driving a stolen Velmora truck"
        " when it hit the Harrowgate railing.\n\nThe Brindlewick prosecutor said 12 people"
        " were hurt.",
    ),
    (
        "Brindlewick police hold Zorvath Quellmar",
        "Zorvath Quellmar was arrested in Brindlewick on Tuesday after a crash on the Harrowgate"
        " bridge.\n\nQuellmar drove a stolen Velmora truck into the Harrowgate railing, police"
        " said.\n\nTwelve people were hurt, the Brindlewick prosecutor said.",
    ),
    (
        "Harrowgate bridge crash: Zorvath Quellmar held",
        "The Brindlewick driver Zorvath Quellmar was arrested after the Harrowgate bridge crash"
        " on Tuesday.\n\nHe was at the wheel of a stolen Velmora truck, officers said.\n\nThe"
        " Brindlewick prosecutor counted 12 injured.",
    ),
)


def write_story(
    folder: Path, *, name: str = "Zorvath", dates: tuple[str | None, ...] = (None, None, None)
) -> Path:
    """The three reports as Markdown files, ``name`` for "Zorvath", each with its date."""
    folder.mkdir(exist_ok=True)
    for n, ((title, body), date) in enumerate(zip(REPORTS, dates, strict=True)):
        front = f"---\ntitle: {title}\ndate: {date}\n---\n\n" if date else f"# {title}\n\n"
        text = (front + body + "\n").replace("Zorvath", name)
        (folder / f"{'abc'[n]}.md").write_text(text, encoding="utf-8")
    return folder


def stories_json(folder: Path, capsys) -> list[dict]:
    assert main(["stories", "--json", "--lexical", str(folder)]) == 0
    return json.loads(capsys.readouterr().out)["stories"]


def test_a_story_dated_before_the_year_1000_gives_iso_dates_in_order(tmp_path, capsys):
    # strftime("%Y") writes the year 999 as "999" on Linux: "2024-…" sorted before it, and
    # the story's range ran backwards
    folder = write_story(tmp_path / "f", dates=("0999-05-01", "2024-05-02", "0001-01-01"))
    (story,) = stories_json(folder, capsys)
    assert (story["first_date"], story["last_date"]) == ("0001-01-01", "2024-05-02")
    assert main(["list", "--json", str(folder)]) == 0
    listed = json.loads(capsys.readouterr().out)["articles"]
    assert [a["date"] for a in listed] == ["0999-05-01", "2024-05-02", "0001-01-01"]
    assert main(["stories", "--lexical", str(folder)]) == 0
    assert "(3 reports, 0001-01-01 – 2024-05-02)" in capsys.readouterr().out


HANGUL_FILLERS = "\u3164\u115f\u1160\uffa0"


def test_invisible_hangul_fillers_never_make_a_blank_label_word(tmp_path, capsys):
    # the fillers are letters to a tokenizer yet paint nothing: a story of a name written
    # with them was labelled "Quellmar · ᅟᅟᅟᅟᅟ · ᅠᅠᅠᅠ" (two blank words), and terminals
    # and Rich measure them differently, so the list's columns came apart
    folder = write_story(tmp_path / "f", name="\u3164\u3164\u3164\u3164 \u115f\u115f\u1160\uffa0")
    (story,) = stories_json(folder, capsys)
    words = story["label"].split(" · ")
    assert words and all(w.strip() and not set(w) & set(HANGUL_FILLERS) for w in words), words
    for command in (["stories", "--lexical"], ["list"], ["align", "--lexical"], ["report"]):
        assert main([*command, str(folder)]) == 0
        out = capsys.readouterr().out
        assert not set(out) & set(HANGUL_FILLERS), command
    assert main(["list", "--json", str(folder)]) == 0
    assert "Quellmar arrested in Brindlewick" in capsys.readouterr().out


def test_a_planted_story_cache_entry_shows_no_made_up_label_or_dates(tmp_path, capsys):
    # the folder's stories are kept in the cache; an entry is data, not trust: a label
    # or dates the reports never gave (an OSC 0 title as the dates) were shown as told
    folder = write_story(tmp_path / "f", dates=("2024-05-01", "2024-05-02", "2024-05-03"))
    (told,) = stories_json(folder, capsys)
    (entry,) = Path(os.environ["XDG_CACHE_HOME"]).glob("newsdiff/story-sets/**/*.json")
    ((members, *_),) = json.loads(entry.read_text(encoding="utf-8"))
    osc = "\x1b]0;x\x07"
    for label, first, last in [
        ("[link=https://e.x]Zorvath[/link] · <b>", "2024-05-01", "2024-05-03"),
        ("Zorvath\u202e · Quellmar", "2024-05-01", "2024-05-03"),
        ("Zorvath · Quellmar", osc, osc),
        ("Zorvath · Quellmar", "1999-01-01", "2031-12-31"),
    ]:
        entry.write_text(json.dumps([[members, label, first, last]]), encoding="utf-8")
        assert stories_json(folder, capsys) == [told]
        assert main(["stories", "--lexical", str(folder)]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"story 1: {told['label']} (3 reports, 2024-05-01 – 2024-05-03)")
        assert "\x1b" not in out


def test_a_story_of_only_figures_is_named_as_the_reader_names_it(tmp_path, capsys):
    # its label is empty: `stories` and `facts` printed "story 2:  (3 reports)", a blank
    # where the reader's list says "(no telling words)"
    folder = write_story(tmp_path / "f")
    for n in range(3):
        (folder / f"n{n}.txt").write_text("12 34 56\n\n12, 34 and 56.\n\n78 90 12 34.\n")
    labels = [s["label"] for s in stories_json(folder, capsys)]
    assert labels == ["Zorvath Quellmar · Brindlewick", ""]  # JSON keeps the empty label
    for command in ("stories", "facts"):
        assert main([command, "--lexical", str(folder)]) == 0
        out = capsys.readouterr().out
        assert "story 2: (no telling words) (3 reports)" in out, out


def test_reports_dated_at_the_ends_of_the_calendar_are_compared(tmp_path, capsys):
    # "on Tuesday" in a report dated 0001-01-01 is a day before the calendar starts:
    # align, facts and report stopped with "internal error: OverflowError"
    folder = write_story(tmp_path / "f", dates=("0001-01-01", "9999-12-31", "0001-01-02"))
    (folder / "c.md").write_text(
        (folder / "c.md").read_text(encoding="utf-8")
        + "\nYesterday, last week and on Sunday morning the Brindlewick police searched.\n",
        encoding="utf-8",
    )
    for command in (["align", "--json"], ["facts", "--json"], ["report", "--format", "json"]):
        assert main([*command, "--lexical", str(folder)]) == 0, command
        out = capsys.readouterr()
        assert "internal error" not in out.err
        document = json.loads(out.out)
        assert document
    assert main(["facts", "--lexical", str(folder)]) == 0
    assert "Zorvath Quellmar" in capsys.readouterr().out


def test_the_claim_table_prints_what_a_report_wrote_as_data(tmp_path):
    # the "figure" and "as written" columns printed fact text raw: a fact read back from a
    # planted story cache entry ("12\x1b]0;PWNED\x07") set the terminal's title
    from dataclasses import replace

    from newsdiff.commands.facts import render_table
    from newsdiff.core.matching.by_story import align_stories
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.views.claims import ClaimTable, claim_table

    corpus = read_articles([write_story(tmp_path / "f")])
    (claim, *_) = claim_table(align_stories(corpus.articles, semantic=False)).claims
    osc = "\x1b]0;PWNED\x07"
    values = tuple(replace(v, text=v.text + osc, display=v.display + osc) for v in claim.values)
    shown = render_table(ClaimTable((replace(claim, values=values),)))
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b]0;PWNED\\x07" in shown


def plant_story_facts(monkeypatch, change) -> None:
    """Let the next alignment write story cache entries whose facts ``change`` alters,
    as someone who can write the cache folder could (the digest is no secret)."""
    from dataclasses import replace

    from newsdiff.core.matching import story_cache
    from newsdiff.core.matching.story_format import encode

    through = story_cache.through

    def planting(members, knobs, compute, *, shared=None):
        made = through(members, knobs, compute, shared=shared)
        pairs = tuple(replace(p, facts=tuple(map(change, p.facts))) for p in made.pairs)
        key = story_cache.story_key(members, knobs)
        story_cache._write(key, encode(key, replace(made, pairs=pairs), members))
        return made

    monkeypatch.setattr(story_cache, "through", planting)


def test_a_planted_story_alignment_shows_no_fact_the_reports_do_not_hold(
    tmp_path, capsys, monkeypatch
):
    # a story's pairs and facts are kept in the cache; read back, an entry's fact words
    # were shown as the reports' own: "on Tuesday\x1b]0;PWNED\x07" and a made-up "99.000"
    from dataclasses import replace

    folder = write_story(tmp_path / "f", dates=("2024-05-01", "2024-05-02", "2024-05-03"))
    for change in (
        lambda c: replace(c, left=c.left and c.left + "\x1b]0;PWNED\x07"),
        lambda c: replace(c, note="\u202e99.000 Soldaten"),
        lambda c: replace(c, left=c.left and "99.000 Soldaten"),
    ):
        with monkeypatch.context() as planted:
            plant_story_facts(planted, change)
            assert main(["align", "--json", "--lexical", str(folder)]) == 0
        capsys.readouterr()
        assert main(["align", "--json", "--lexical", str(folder)]) == 0
        out = capsys.readouterr().out
        assert "PWNED" not in out and "99.000" not in out and "u202e" not in out


def test_planted_written_forms_of_story_profiles_never_make_a_label(tmp_path, capsys):
    # a report's story profile keeps how its words are written, and labels are made of
    # them: a planted profile put "[link=https://e.x]Zorvath[/link]" into the label
    import shutil

    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.storage.place import cache_dir
    from newsdiff.core.storage.records import RecordStore
    from newsdiff.core.stories import profile_cache

    folder = write_story(tmp_path / "f")
    (told,) = stories_json(folder, capsys)
    keys = [profile_cache.profile_key(a) for a in read_articles([folder]).articles]
    path = cache_dir() / "story-profiles" / f"{profile_cache.code_version()}.sqlite"
    store = RecordStore(path, limit=2**20)
    for link in ("[link=https://e.x]Zorvath[/link]", "Zorvath\u202e", "Zor vath"):
        planted = {}
        for key, raw in store.load(keys).items():
            record = json.loads(raw)
            record["surface"] = [[f, link if s == "Zorvath" else s] for f, s in record["surface"]]
            planted[key] = json.dumps(record).encode()
        store.store(planted)
        shutil.rmtree(cache_dir() / "story-sets")  # the stories are found again
        assert stories_json(folder, capsys) == [told], link


def test_a_line_separator_in_a_file_name_keeps_each_report_on_its_line(tmp_path, capsys):
    # U+2028 ends a line for str.splitlines, editors and JavaScript: a file named with it
    # split the row of `stories` that names the report, and went raw into JSON
    folder = write_story(tmp_path / "f")
    (folder / "a.md").rename(folder / "a\u2028b\u2029.md")
    for command in (["stories"], ["align"], ["stories", "--json"], ["align", "--json"]):
        assert main([*command, "--lexical", str(folder)]) == 0
        out = capsys.readouterr().out
        assert "\u2028" not in out and "\u2029" not in out, command
    assert main(["stories", "--lexical", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and lines[1].startswith("  a\\u2028b\\u2029  "), lines
