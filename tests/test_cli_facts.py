"""``newsdiff facts``: the claim table in the terminal and as JSON, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdiff.cli import main

REPORTS = {
    "oktober.txt": (
        "Nordkorea schickt Soldaten nach Russland Stand: 28.10.2024 10:00 Uhr\n\n"
        "Der südkoreanische Geheimdienst berichtet, dass Nordkorea bereits mehr als 3000 "
        "Soldaten nach Russland geschickt hat.\n\nDas Wetter in Seoul war mild.\n"
    ),
    "april.txt": (
        "Nordkorea hat Truppen nach Russland entsandt Stand: 28.04.2025 09:00 Uhr\n\n"
        "Der südkoreanische Geheimdienst berichtet, dass Nordkorea etwa 10.000 bis 12.000 "
        "Soldaten nach Russland geschickt hat.\n\nIn Moskau wurde gefeiert.\n"
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_table_shows_figures_by_date(folder, capsys):
    assert main(["facts", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "claim 1: troops (2 reports)"
    assert lines[1].split() == ["date", "source", "figure", "as", "written", "credited", "to"]
    assert lines[2].startswith("  2024-10-28") and ">3000 Soldaten" in lines[2]
    assert lines[3].startswith("  2025-04-28") and "~10000-12000 Soldaten" in lines[3]
    # plain aligned columns: the figure column starts at one place in every row
    assert lines[2].index(">3000") == lines[3].index("~10000")


def test_json(folder, capsys):
    assert main(["facts", str(folder), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    (claim,) = document["claims"]
    assert [v["text"] for v in claim["values"]] == ["mehr als 3000", "etwa 10.000 bis 12.000"]
    assert [v["date"][:10] for v in claim["values"]] == ["2024-10-28", "2025-04-28"]


AMOUNTS = {
    "en": (
        "Museum gets donation\n\nThe city museum received {} from a local banker, the mayor "
        "said on Monday.\n\nThe money will pay for a new wing.\n"
    ),
    "de": (
        "Spende für das Museum\n\nDas Stadtmuseum hat von einem Bankier {} erhalten, sagte "
        "der Bürgermeister am Montag.\n\nDas Geld ist für einen neuen Flügel.\n"
    ),
}


@pytest.mark.parametrize(
    ("language", "left", "right"),
    [
        ("en", "$1 million", "a million dollars"),
        ("en", "1 million dollars", "$1m"),
        ("de", "1 Million Dollar", "eine Million US-Dollar"),
        ("de", "1 Mio. Dollar", "eine Million Dollar"),
    ],
)
def test_one_amount_written_two_ways_is_one_claim_the_reports_agree_on(
    tmp_path, capsys, language, left, right
):
    # "$1 million" had no currency and "$1m" counted "m": the table said no claim
    # was told by more than one report
    for name, amount in (("a.txt", left), ("b.txt", right)):
        (tmp_path / name).write_text(AMOUNTS[language].format(amount), encoding="utf-8")
    assert main(["facts", "--json", "--lexical", str(tmp_path)]) == 0
    (claim,) = json.loads(capsys.readouterr().out)["claims"]
    assert claim["measure"] == "dollar"
    told = [v["text"] for v in claim["values"]]  # the figure as written, its noun aside
    assert len(told) == 2 and left.startswith(told[0]) and right.startswith(told[1]), told
    assert {(v["value"]["low"], v["value"]["high"]) for v in claim["values"]} == {(1e6, 1e6)}


def test_two_files_of_one_name_are_told_apart_by_their_folders(tmp_path, capsys):
    # rows said "report" and "report-2" of two report.txt: which outlet gave which figure?
    for text, outlet in zip(REPORTS.values(), ("spiegel", "zeit"), strict=True):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "report.txt").write_text(text, encoding="utf-8")
    folders = [str(tmp_path / "spiegel"), str(tmp_path / "zeit")]
    assert main(["facts", "--lexical", *folders]) == 0
    rows = capsys.readouterr().out.splitlines()[2:4]
    assert [row.split()[1:3] for row in rows] == [
        ["report", "spiegel/report.txt"],
        ["report-2", "zeit/report.txt"],
    ]
    assert main(["facts", "--json", "--lexical", *folders]) == 0
    (claim,) = json.loads(capsys.readouterr().out)["claims"]
    told = [(v["article"], Path(v["path"]).parent.name) for v in claim["values"]]
    assert told == [("report", "spiegel"), ("report-2", "zeit")]


def test_seeds_by_default(capsys):
    assert main(["facts", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert isinstance(document["claims"], list)


def test_missing_path_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["facts", str(tmp_path / "nope")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1


def test_nothing_shared(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Titel\n\nDas Wetter war mild.\n", encoding="utf-8")
    assert main(["facts", str(tmp_path)]) == 0
    assert "No claim with figures" in capsys.readouterr().out


def test_an_undated_report_shows_the_latest_date_it_mentions(tmp_path, capsys):
    (tmp_path / "dated.txt").write_text(REPORTS["april.txt"], encoding="utf-8")
    undated = (
        "Nordkorea schickt Soldaten\n\nDer südkoreanische Geheimdienst berichtet, dass Nordkorea "
        "bereits mehr als 3000 Soldaten nach Russland geschickt hat.\n\n"
        "Im August 2024 begann die Offensive.\n"
    )
    (tmp_path / "undated.txt").write_text(undated, encoding="utf-8")
    assert main(["facts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if ">3000 Soldaten" in line)
    assert row.split()[0] == "≥2024-08?"
    assert out.rstrip().endswith("the latest date it mentions.")


def test_each_row_names_its_report_by_an_id_no_other_row_shares(tmp_path, capsys):
    # ids cut to three characters made "rep" of report_april and report_oktober
    # (and "1_1" of ECB+'s 1_10ecb, 1_11ecb, 1_13ecbplus): a reader could not tell
    # which report gave which figure
    for name, text in REPORTS.items():
        (tmp_path / f"report_{name}").write_text(text, encoding="utf-8")
    assert main(["facts", str(tmp_path)]) == 0
    rows = capsys.readouterr().out.splitlines()[2:4]
    assert rows[0].split()[1] == "report_oktober" and rows[1].split()[1] == "report_april"


def test_stories_are_labelled_as_newsdiff_stories_labels_them(tmp_path, capsys):
    texts = {
        "a.txt": "Tara Reid checks into rehab\n\nActress Tara Reid has checked into a rehab "
        "clinic in Malibu, her publicist said on Monday.\n\nReid, 33, entered Promises "
        "Treatment Center for 30 days.\n",
        "b.txt": "Tara Reid enters rehab\n\nTara Reid entered the Promises Treatment Center "
        "in Malibu on Monday, her publicist said.\n\nThe actress, 33, will stay 30 days.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["stories", "--json", str(tmp_path)]) == 0
    told = [s["label"] for s in json.loads(capsys.readouterr().out)["stories"]]
    assert main(["facts", "--json", "--lexical", str(tmp_path)]) == 0
    labels = [s["label"] for s in json.loads(capsys.readouterr().out)["stories"]]
    assert labels == told == ["Tara Reid · rehab"]


def test_columns_line_up_in_terminal_cells_with_wide_characters_in_titles(tmp_path, capsys):
    # a title in CJK or with an emoji takes two cells a character: measured in
    # characters, the figure column of such a row stood further right
    from newsdiff.core.views.cells import cell_width

    titles = {"oktober.txt": "東京タワー 報告 🔥🔥", "april.txt": "Nordkorea hat Truppen"}
    for name, text in REPORTS.items():
        first, rest = text.split("\n", 1)
        stamp = first[first.index(" Stand:") :]
        (tmp_path / name).write_text(f"{titles[name]}{stamp}\n{rest}", encoding="utf-8")
    assert main(["facts", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()[1:4]
    keys = ["figure", ">3", "~1"]
    starts = {cell_width(line[: line.index(key)]) for line, key in zip(lines, keys, strict=True)}
    assert len(starts) == 1, lines


AGES = {
    "wire.txt": (
        "Actor charged over crash\n\nThe 37-year-old will appear in court on Monday after "
        "a crash in central London, police said.\n\nThe actor was arrested at his home in Kent.\n"
    ),
    "paper.txt": (
        "Actor charged after London crash\n\nThe actor, 38, will appear in court on Monday "
        "after a crash in central London, police said.\n\nHe was arrested at his home in Kent.\n"
    ),
}


def test_two_reports_giving_an_actor_two_ages_show_one_age_claim(tmp_path, capsys):
    for name, text in AGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["facts", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "claim 1: age (2 reports)"  # was "claim 1: will"
    column = slice(lines[1].index("figure"), lines[1].index("as written"))
    figures = {line.split()[1]: line[column].strip() for line in lines[2:4]}
    # the age, with its person noun where the report names one; it was "37 will"
    assert figures == {"wire": "37", "paper": "38 actor"}
    assert main(["align", str(tmp_path), "--json"]) == 0
    (pair,) = json.loads(capsys.readouterr().out)["pairs"][:1]
    (age,) = [f for f in pair["facts"] if f["kind"] == "number"]
    assert (age["status"], age["left_value"]["measure"], age["right_value"]["measure"]) == (
        "differ",
        "age",
        "age",
    )
    assert {age["left"], age["right"]} == {"37", "38"}


def test_a_claim_of_an_earlier_event_says_so(tmp_path, capsys):
    # "In 2003 ... 31,000" stands apart from the 2005 quake's dead, with its year
    def report(name: str, date: str, now: str, then: str) -> None:
        text = f"Erdbeben im Iran Stand: {date} 10:00 Uhr\n\n{now}\n\n{then}\n"
        (tmp_path / name).write_text(text, encoding="utf-8")

    report(
        "a.txt",
        "27.11.2005",
        "Bei dem Erdbeben auf der Insel Keschm im Iran starben zehn Menschen.",
        "Im Dezember 2003 kamen in Bam im Iran mehr als 31.000 Menschen ums Leben.",
    )
    report(
        "b.txt",
        "28.11.2005",
        "Bei dem Erdbeben auf der Insel Keschm im Iran starben mindestens zehn Menschen.",
        "Im Dezember 2003 kamen in Bam im Iran 26.000 Menschen ums Leben.",
    )
    assert main(["facts", str(tmp_path)]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if line.startswith("claim")]
    assert any(line.endswith("killed (2 reports)") for line in heads), heads
    assert any("killed, an earlier event (2003) (2 reports)" in line for line in heads), heads
