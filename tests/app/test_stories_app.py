"""The list grouped by story, and every screen kept within the story of its reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from waiting import held, wait_for

from newsdiff import cli
from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.widgets.article_table import ArticleTable
from newsdiff.app.widgets.list_rows import HEADER
from newsdiff.core.reading.seeds import seed_paths
from newsdiff.core.views.story_list import ListOrder

SIZE = (120, 40)

# two reports of one event (a Vienna verdict) and one report of nothing related
UNRELATED = {
    "wien_a.txt": (
        "Urteil gegen Wiener Bürgermeister rechtskräftig\n\n"
        "Wien, 12. März 2025. Das Oberlandesgericht Wien hat das Urteil gegen den früheren "
        "Bürgermeister Franz Huber wegen Untreue bestätigt. Huber war im Herbst zu 18 Monaten "
        "bedingter Haft verurteilt worden. Das Urteil ist damit rechtskräftig, teilte ein "
        "Sprecher des Gerichts mit.\n"
    ),
    "wien_b.txt": (
        "Huber-Urteil bestätigt: 18 Monate bedingt\n\n"
        "Wien, 12. März 2025. Das Oberlandesgericht hat die Berufung des früheren Wiener "
        "Bürgermeisters Franz Huber abgewiesen. Die 18 Monate bedingte Haft wegen Untreue "
        "bleiben bestehen, das Urteil ist rechtskräftig. Huber will nun den Europäischen "
        "Gerichtshof für Menschenrechte anrufen.\n"
    ),
    "wetter.txt": (
        "Sturmtief bringt Schnee in die Alpen\n\n"
        "Innsbruck, 3. Februar 2025. Ein Sturmtief bringt am Wochenende bis zu 80 Zentimeter "
        "Neuschnee in die Tiroler Alpen. Die Lawinenwarnstufe wurde auf vier erhöht. "
        "Skifahrer sollen die gesicherten Pisten nicht verlassen.\n"
    ),
}
SEEDS = ("000_27ce5f7eeda19fb8", "001_2cc7b7632708e469", "002_344335e8705db148")


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """The five seeds, two reports of another story and one report alone."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for seed in seed_paths():
        shutil.copy(seed, folder / Path(seed).name)
    for name, text in UNRELATED.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The row keys of the list, in order (story headers start with HEADER)."""
    table = app.screen.query_one(ArticleTable)
    return [str(table.coordinate_to_cell_key((r, 0)).row_key.value) for r in range(table.row_count)]


def title_of(app, row: int) -> str:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(ArticleTable)
    return table.get_cell_at((row, table.get_column_index("title"))).plain


def move_to(app, key: str) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one(ArticleTable).move_cursor(row=rows(app).index(key), animate=False)


async def compare_across_stories(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Mark the first seed and a Vienna report (two stories) and press c on them."""
    for key in (SEEDS[0], "wien_a"):
        move_to(app, key)
        await pilot.press("space")
    await pilot.press("c")


def ends(pairs) -> set[tuple]:  # type: ignore[no-untyped-def]
    return {(p.left.article, p.left.sentence, p.right.article, p.right.sentence) for p in pairs}


async def test_the_apps_pairs_are_newsdiff_aligns_pairs(build_app, settle, mixed, capsys):
    assert cli.main(["align", "--json", str(mixed)]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = {
        (p["left"]["article"], p["left"]["sentence"], p["right"]["article"], p["right"]["sentence"])
        for p in printed["pairs"]
    }
    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.alignment is not None and expected
        assert ends(app.alignment.pairs) == expected
        assert [list(s) for s in app.alignment.stories] == printed["stories"]


async def test_the_list_is_grouped_by_story_with_the_lone_reports_last(build_app, settle, mixed):
    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = rows(app)
        headers = [n for n, key in enumerate(keys) if key.startswith(HEADER)]
        assert len(headers) == 3
        # the cursor starts on the first report, so Enter opens a comparison at once
        assert app.screen.current_article_id() == keys[1]
        seeds, vienna, alone = (title_of(app, n) for n in headers)
        assert seeds.startswith("5 reports · ") and "Soldaten" in seeds
        assert vienna.startswith("2 reports · ") and "Huber" in vienna
        assert alone == "1 report · No related report"
        table = app.screen.query_one(ArticleTable)
        date = table.get_column_index("date")
        # the date range in the date column (cut to the column's width)
        assert table.get_cell_at((headers[0], date)).plain == "2024-11-06–2025-04-28"
        # the whole heading in the detail line when the cursor is on the header
        move_to(app, keys[headers[0]])
        await pilot.pause()
        detail = str(app.screen.query_one("#article-detail").render())
        assert "5 reports · 2024-11-06–2025-04-28" in detail
        # each header is followed by its own reports; the lone one comes last
        assert sorted(keys[headers[0] + 1 : headers[1]]) == sorted(a for a in keys if a[:1] == "0")
        assert sorted(keys[headers[1] + 1 : headers[2]]) == ["wien_a", "wien_b"]
        assert keys[headers[2] + 1 :] == ["wetter"]


async def test_sort_and_filter_work_within_the_groups(build_app, settle, mixed):
    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        screen.order = ListOrder(key="title", reverse=True)
        screen.refresh_rows()
        keys = rows(app)
        assert keys[0].startswith(HEADER) and keys[6].startswith(HEADER)  # groups stay
        seed_titles = [title_of(app, n) for n in range(1, 6)]
        assert seed_titles == sorted(seed_titles, key=str.casefold, reverse=True)
        await pilot.press("slash", *"huber")
        await pilot.pause()
        # only the Vienna story is left, under its header
        assert rows(app) == [f"{HEADER}story:1", "wien_a", "wien_b"]  # "Urteil…", "Huber…"
        # a header says how many of its reports the filter keeps
        await pilot.press(*["backspace"] * 5)
        await pilot.press(*"Schoigu")
        await pilot.pause()
        kept = [key for key in rows(app) if not key.startswith(HEADER)]
        assert rows(app)[0] == f"{HEADER}story:0" and 0 < len(kept) < 5
        assert title_of(app, 0).startswith(f"{len(kept)} of 5 reports · ")


async def test_enter_on_a_header_compares_the_storys_two_closest(build_app, settle, mixed):
    compare = pytest.importorskip("newsdiff.app.screens.compare")
    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        move_to(app, f"{HEADER}story:1")
        await pilot.press("space")  # a header is not a report: nothing is marked
        assert not app.screen.marked
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, compare.CompareScreen)
        assert {app.screen.left_id, app.screen.right_id} == {"wien_a", "wien_b"}
        # "next report" stays within the story: its alignment holds only its two reports
        assert {a.id for a in app.screen.alignment.articles} == {"wien_a", "wien_b"}


async def test_a_lone_report_has_no_closest_and_no_claim_table(build_app, settle, mixed):
    app = build_app([mixed])
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = app.notify
        app.notify = lambda message, *a, **k: notes.append(message) or original(message, *a, **k)  # type: ignore[method-assign]
        move_to(app, "wetter")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        move_to(app, f"{HEADER}alone")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)
        assert "This report is alone in its story: no claims to compare." in notes
        # Enter cannot open a lone report: the notes say what does (it said
        # "open one to read it", which nothing did)
        lone, header = notes[0], notes[-1]
        assert lone.startswith("No related report: this one is alone in its story.")
        assert header.startswith("These reports are each alone in their story.")
        for note in (lone, header):
            assert "Mark it and another with space, then c" in note.replace("one and", "it and")
        move_to(app, "wetter")
        await pilot.press("space")
        move_to(app, "wien_a")
        await pilot.press("space", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_c_across_two_stories_compares_them_with_a_note(build_app, settle, mixed):
    compare = pytest.importorskip("newsdiff.app.screens.compare")
    app = build_app([mixed])
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seeds = {key for key in rows(app) if key[:1] == "0"}
        original = app.notify
        app.notify = lambda message, *a, **k: notes.append(message) or original(message, *a, **k)  # type: ignore[method-assign]
        await compare_across_stories(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, compare.CompareScreen)
        assert {app.screen.left_id, app.screen.right_id} == {SEEDS[0], "wien_a"}
        assert any("different stories" in note for note in notes)
        # two reports of one story: no such note
        app.pop_screen()
        notes.clear()
        await pilot.pause()
        await pilot.press("space")  # unmark wien_a
        move_to(app, SEEDS[1])
        await pilot.press("space", "c")
        await pilot.pause()
        assert isinstance(app.screen, compare.CompareScreen)
        assert not any("different stories" in note for note in notes)
        assert {a.id for a in app.screen.alignment.articles} == seeds


async def test_claims_and_passage_view_are_those_of_the_storys_reports(build_app, settle, mixed):
    claims = pytest.importorskip("newsdiff.app.screens.claims")
    passage = pytest.importorskip("newsdiff.app.screens.passage")
    from newsdiff.app.messages import OpenPassage

    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        move_to(app, "wien_b")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, claims.ClaimsScreen)
        assert {a.id for a in app.screen.alignment.articles} == {"wien_a", "wien_b"}
        app.pop_screen()
        await pilot.pause()
        # t in a comparison: the claim table of its story too
        move_to(app, SEEDS[0])
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, claims.ClaimsScreen)
        assert {a.id for a in app.screen.alignment.articles} == {
            a.id for a in app.corpus.articles if a.id[:1] == "0"
        }
        app.pop_screen()
        app.pop_screen()
        await pilot.pause()
        app.post_message(OpenPassage(SEEDS[2], 0))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, passage.PassageScreen)
        shown = {a.id for a in app.screen.alignment.articles}
        assert SEEDS[2] in shown and not shown & {"wien_a", "wien_b", "wetter"}


async def test_before_the_stories_are_found_the_rows_come_ungrouped(build_app, settle, mixed):
    import threading

    from newsdiff.app.engine import Engine, find_stories

    release = threading.Event()
    app = build_app([mixed], engine=Engine(stories=held(release, find_stories)))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.corpus is not None)
        await pilot.pause()
        assert len(rows(app)) == 8 and not any(k.startswith(HEADER) for k in rows(app))
        assert "Finding stories" in app.busy
        release.set()
        await settle(pilot)
        assert sum(k.startswith(HEADER) for k in rows(app)) == 3


async def test_the_palettes_claim_table_is_the_storys_or_asks_which(build_app, settle, mixed):
    from textual.command import CommandList, CommandPalette

    claims = pytest.importorskip("newsdiff.app.screens.claims")
    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        move_to(app, "wien_b")
        # ctrl+p, "Claims": the claim table of the highlighted report's story
        await pilot.press("ctrl+p", *"claims")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, claims.ClaimsScreen)
        assert {a.id for a in app.screen.alignment.articles} == {"wien_a", "wien_b"}
        app.pop_screen()
        await pilot.pause()
        # on the lone reports' header no story is named: the app asks which
        move_to(app, f"{HEADER}alone")
        await pilot.press("t")
        await pilot.pause(0.5)
        assert CommandPalette.is_open(app)
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert len(prompts) == 2 and any("Huber" in p and "2 reports" in p for p in prompts)
        await pilot.press(*"huber")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, claims.ClaimsScreen)
        assert {a.id for a in app.screen.alignment.articles} == {"wien_a", "wien_b"}


async def test_a_story_header_names_whole_names_not_stray_words(build_app, settle, tmp_path):
    # story detection labels this story "Reid · Tara · rehab": a name torn in two
    texts = {
        "a.txt": "Tara Reid checks into rehab\n\nActress Tara Reid has checked into the "
        "Promises Treatment Center in Malibu, her publicist Jack Ketsoyan said on Friday. "
        "Reid, 33, is known for her party life.\n",
        "b.txt": "Tara Reid enters rehab\n\nTara Reid has entered the Promises Treatment "
        "Center, her representative Jack Ketsoyan told People magazine. Reid did not give "
        "a reason.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = build_app([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert rows(app)[0] == f"{HEADER}story:0"
        # at 80 columns the whole label fits beside the number, not beside "2 reports"
        assert title_of(app, 0) == "2 · Tara Reid · rehab"


async def test_enter_on_a_header_while_pairing_opens_the_story_when_ready(build_app, settle, mixed):
    import threading

    from newsdiff.app.engine import Engine, align_articles

    compare = pytest.importorskip("newsdiff.app.screens.compare")
    release = threading.Event()
    app = build_app([mixed], engine=Engine(align=held(release, align_articles)))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(
            pilot, lambda: "Pairing" in app.busy and any(k.startswith(HEADER) for k in rows(app))
        )
        move_to(app, f"{HEADER}story:1")
        await pilot.press("enter")
        assert "the comparison opens when ready" in app.busy  # queued, not thrown away
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, compare.CompareScreen)
        assert {app.screen.left_id, app.screen.right_id} == {"wien_a", "wien_b"}


async def test_t_while_reading_waits_and_opens_the_claim_table_of_the_cursors_story(
    build_app, settle, mixed
):
    # t before any report was read said "The claim table needs two or more reports."
    import threading

    from newsdiff.app.engine import Engine, read_files

    claims = pytest.importorskip("newsdiff.app.screens.claims")
    release = threading.Event()
    app = build_app([mixed], engine=Engine(read=held(release, read_files)), lexical=True)
    notes: list[str] = []
    app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert app.corpus is None and "the claim table opens when ready" in app.busy
        release.set()
        await settle(pilot)
        assert notes == []
        assert isinstance(app.screen, claims.ClaimsScreen)
        # the story of the report the cursor is on (the first), not every report
        cursor = app.screen_stack[-2].current_article_id()
        shown = {a.id for a in app.screen.alignment.articles}
        assert cursor in shown and len(shown) in (2, 5)


async def test_a_narrow_header_keeps_the_label_before_the_word_reports(build_app, settle, mixed):
    # At 80 columns (76 here, where this folder's column is as narrow) "1 report ·
    # No related report" was cut to "1 report · No related re…", and two Lohan
    # stories both read "… reports · Lindsay Lohan …": the count keeps its number
    # alone once the label would be cut.
    app = build_app([mixed])
    async with app.run_test(size=(76, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        room = table.columns[table.ordered_columns[table.get_column_index("title")].key].width
        shown = {title_of(app, n) for n, key in enumerate(rows(app)) if key.startswith(HEADER)}
        assert len("1 report · No related report") > room  # the case: a narrow column
        assert "1 · No related report" in shown
        # the word "reports" stays only where the whole label fits beside it
        assert all(len(title) <= room for title in shown if " report" in title.split(" · ")[0])


async def test_the_cursor_starts_on_the_first_story_when_the_oldest_report_is_alone(
    build_app, settle, mixed
):
    # Before the stories are found the rows are one list sorted by date, the cursor on
    # the oldest report; it followed that report into its group, so a report alone
    # from 2020 opened the list on its last row, the stories scrolled out of sight.
    (mixed / "wetter.txt").unlink()
    (mixed / "wetter.md").write_text(
        "---\ndate: 2020-01-03\n---\n\n# Sturmtief bringt Schnee in die Alpen\n\n"
        + UNRELATED["wetter.txt"].split("\n\n", 1)[1],
        encoding="utf-8",
    )
    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = rows(app)
        assert keys[-1] == "wetter"
        assert app.screen.current_article_id() == keys[1]


async def test_the_claim_table_says_which_story_it_is_of(build_app, settle, mixed):
    # t gives the table of the story under the cursor; in a folder of several stories
    # its summary said only "9 claim(s) with figures …", not of which story
    from newsdiff.app.screens.claims import ClaimGrid, ClaimsScreen

    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        heading = app.screen.groups[f"{HEADER}story:0"].heading
        move_to(app, "002_344335e8705db148")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen))
        await wait_for(pilot, lambda: app.screen.query_one(ClaimGrid).row_count > 0)
        summary = str(app.screen.query_one("#claims-summary").render())
        assert summary.splitlines()[0] == heading  # "Nordkoreanische · … · 5 reports · …"


async def test_the_report_of_two_stories_compared_does_not_call_them_unrelated(
    build_app, settle, mixed, tmp_path, monkeypatch
):
    # c on a seed and a Vienna report, then W: the Markdown said "Stories: A (no
    # related report) · B (no related report)" and listed both under "No related
    # report", though each has related reports in the folder
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await compare_across_stories(app, pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.press("W")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(out.iterdir()))
        await app.workers.wait_for_complete()
        (written,) = out.iterdir()
        markdown = written.read_text(encoding="utf-8")
        assert "no related report" not in markdown.casefold()
        headings = [line for line in markdown.splitlines() if line.startswith("## Story")]
        assert len(headings) == 2 and any("Huber" in h for h in headings), headings
        assert "1 of 5 reports (" in markdown and "1 of 2 reports (" in markdown


async def test_a_comparison_across_stories_says_so_where_the_counts_are(build_app, settle, mixed):
    # the note "different stories" is gone after a few seconds; the line under the
    # titles then read "0 pairs · 0 with facts differing", as if the pairing had failed
    from newsdiff.app.widgets.status_line import StatusLine

    app = build_app([mixed])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await compare_across_stories(app, pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.pause()
        counts = app.screen.query_one("#compare-counts", StatusLine).content.plain
        assert counts.startswith("0 pairs · different stories: nothing pairs across"), counts
        app.pop_screen()
        await pilot.pause()
        await pilot.press("space")  # wien_a unmarked: two seeds, one story
        move_to(app, SEEDS[1])
        await pilot.press("space", "c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.pause()
        counts = app.screen.query_one("#compare-counts", StatusLine).content.plain
        assert "different stories" not in counts and "with facts differing" in counts


async def test_the_passage_view_of_a_lone_report_says_why_nothing_is_beside_it(
    build_app, settle, mixed
):
    # the passage view keeps to the story; for a report alone in it, "What the other
    # reports say" stood over an empty box
    from newsdiff.app.messages import OpenPassage
    from newsdiff.app.screens.passage import PassageList, PassageScreen

    app = build_app([mixed])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.post_message(OpenPassage("wetter", 1))
        await wait_for(pilot, lambda: isinstance(app.screen, PassageScreen))
        others = app.screen.query_one(PassageList)
        shown = [str(others.get_option_at_index(i).prompt) for i in range(others.option_count)]
        assert shown == ["This report is alone in its story: no other report to set beside it."]


async def test_a_header_cut_to_its_column_is_cut_after_a_whole_word(build_app, settle, mixed):
    # At 80x24 the seeds' header read "5 · Nordkoreanische · Sol…" and ECB+ stories
    # "22 · Wasilla Bible Chu…", "19 · Pirates · Aden · …": cut mid-word, or "…" after
    # a dangling separator. A cut label keeps whole words and says it goes on.
    for paths in ([], [mixed]):
        app = build_app(paths)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            groups = app.screen.groups
            table = app.screen.query_one(ArticleTable)
            title = table.ordered_columns[table.get_column_index("title")]
            room = table.columns[title.key].width
            headers = [(n, key) for n, key in enumerate(rows(app)) if key.startswith(HEADER)]
            assert headers
            for n, key in headers:
                shown, name = title_of(app, n), groups[key].name
                assert len(shown) <= room, (shown, room)  # no cut left to the painting
                if shown.endswith("…"):
                    assert shown.endswith(" …") and not shown.endswith("· …"), shown
                    kept = shown[:-2].split(" · ", 1)[1]
                    assert name.startswith(kept) and name[len(kept)] == " ", (shown, name)
                else:
                    assert name in shown, (shown, name)
