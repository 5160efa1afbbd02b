"""``newsdiff list`` as a user runs it: through the command, from any folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPORT = "Kurzer Titel\n\nNordkorea hat Truppen nach Russland geschickt. Das bestätigte Kim.\n"


def newsdiff(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(REPORT, encoding="utf-8")
    (reports / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (reports / "c.md").write_text("# Zweiter Bericht\n\nEs regnet in Kursk.\n", encoding="utf-8")
    return reports


def test_list_json_from_another_folder_shows_the_five_seeds(tmp_path: Path) -> None:
    result = newsdiff("list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    articles = json.loads(result.stdout)["articles"]
    assert [a["id"][:3] for a in articles] == ["000", "001", "002", "003", "004"]
    for article in articles:
        assert {"id", "path", "title", "date", "language", "source", "sentences", "words"} <= set(
            article
        )
        assert "Stand:" not in article["title"]
        assert article["language"] == "de"
        assert Path(article["path"]).is_file()
        assert article["sentences"] > 10 and article["words"] > 200
    assert articles[0]["date"] == "2025-04-28T03:32"
    assert articles[4]["date"] == "2024-11-06T12:01"
    assert articles[4]["title"].startswith("Krieg gegen die Ukraine")


def test_list_prints_a_table_with_one_row_per_article(tmp_path: Path) -> None:
    result = newsdiff("list", cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "title", "date", "language", "sentences", "words"]
    assert len(lines) == 6
    assert "2025-04-28T03:32" in lines[1] and lines[1].startswith("000_")


def test_a_missing_path_is_one_line_naming_it_and_exit_2(tmp_path: Path) -> None:
    result = newsdiff("list", "no-such-report.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "newsdiff: no such file or folder: no-such-report.txt"
    ]


def test_a_binary_file_in_a_folder_is_one_warning_and_the_rest_is_listed(folder: Path) -> None:
    result = newsdiff("list", "--json", str(folder), cwd=folder.parent)
    assert result.returncode == 0
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1
    assert str(folder / "b.txt") in warnings[0] and "binary" in warnings[0]
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["a", "c"]


def test_a_relative_folder_works_from_its_parent(folder: Path) -> None:
    result = newsdiff("list", "reports", cwd=folder.parent)
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == ["a", "c"]


def test_nothing_readable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "bild.txt").write_bytes(b"%PDF-1.7\n")
    result = newsdiff("list", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert str(tmp_path / "bild.txt") in result.stderr


def test_file_names_cannot_drive_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "esc\x1b[31mred.txt").write_bytes(b"%PDF-1.4")
    (tmp_path / "ok\x1b]0;title\x07.txt").write_text(REPORT, encoding="utf-8")
    result = newsdiff("list", str(tmp_path))
    assert result.returncode == 0
    assert "\x1b" not in result.stderr and "\x1b" not in result.stdout
    assert "esc\\x1b[31mred.txt" in result.stderr
    assert "ok\\x1b]0;title\\x07" in result.stdout


def test_list_help_names_its_options() -> None:
    result = newsdiff("list", "--help")
    assert result.returncode == 0
    assert "--json" in result.stdout and "PATH" in result.stdout


def test_two_files_of_one_name_in_two_folders_are_named_by_their_folders(tmp_path: Path) -> None:
    # their ids are "report" and "report-2": nothing said which file was which
    for outlet, title in (("spiegel", "Kim schickt Truppen"), ("zeit", "Truppen für Russland")):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "report.txt").write_text(f"{title}\n\n{REPORT}", encoding="utf-8")
    (tmp_path / "kurz.txt").write_text(REPORT, encoding="utf-8")
    result = newsdiff("list", "spiegel", "zeit", "kurz.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()[1:]}
    assert rows == {"report": "spiegel/report.txt", "report-2": "zeit/report.txt", "kurz": "Kurzer"}
    document = json.loads(newsdiff("list", "--json", "spiegel", "zeit", cwd=tmp_path).stdout)
    paths = {a["id"]: Path(a["path"]).parent.name for a in document["articles"]}
    assert paths == {"report": "spiegel", "report-2": "zeit"}
