"""Nothing in a folder is left out silently: every file newsdiff does not read is counted (one
line on stderr) and, with -v, named with its reason; the JSON lists them too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdiff.cli import main
from newsdiff.core.reading.loader import read_articles

GOOD = "Kursk\n\nNordkorea hat nach Angaben aus Seoul 3000 Soldaten nach Russland geschickt.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "downloads"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "b.md").write_text(GOOD, encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    (root / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff...")
    (root / "notes").write_text("no suffix", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\0\0")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return root


def test_every_file_left_out_is_in_the_corpus_with_its_reason(folder):
    corpus = read_articles([folder], cache=False)
    assert [a.id for a in corpus.articles] == ["a", "b"]
    left_out = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert left_out == {
        ".DS_Store": "hidden file",
        ".git": "hidden folder",
        "notes": "not a report file (no suffix)",
        "scan.pdf": "not a report file (.pdf)",
        "photo.jpg": "not a report file (.jpg)",
    }


def test_the_cli_sums_up_what_it_left_out_in_one_line(folder, capsys):
    assert main(["list", str(folder)]) == 0
    err = capsys.readouterr().err
    (line,) = err.strip().splitlines()
    assert line.startswith("newsdiff: left out 5 files of the folders: ")
    assert "hidden file" in line and "(-v names them)" in line


def test_dash_v_names_each_file_left_out(folder, capsys):
    assert main(["list", "-v", str(folder)]) == 0
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 6 and "(-v names them)" not in lines[0]
    named = sorted(Path(line.split("left out ", 1)[1].split(":")[0]).name for line in lines[1:])
    assert named == [".DS_Store", ".git", "notes", "photo.jpg", "scan.pdf"]
    assert any(line.endswith("scan.pdf: not a report file (.pdf)") for line in lines)


def test_a_folder_of_nothing_readable_says_what_was_left_out(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    assert main(["list", str(tmp_path / "in")]) == 1
    err = capsys.readouterr().err
    assert "left out 1 file of the folders: 1 not a report file (.pdf)" in err
    assert "nothing readable" in err


def test_json_lists_the_files_left_out(folder, capsys):
    assert main(["list", "--json", str(folder)]) == 0
    document = json.loads(capsys.readouterr().out)
    names = sorted(Path(item["path"]).name for item in document["skipped"])
    assert names == [".DS_Store", ".git", "notes", "photo.jpg", "scan.pdf"]
    assert {item["reason"] for item in document["skipped"]} >= {"hidden file"}


def test_a_file_named_directly_is_read_whatever_its_suffix(folder):
    corpus = read_articles([folder / "notes"], cache=False)
    assert corpus.skipped == ()


@pytest.mark.parametrize("command", ["list", "align", "facts", "stories", "report"])
def test_one_file_that_cannot_be_read_is_one_line_naming_it(tmp_path, capsys, monkeypatch, command):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    assert main([command, str(binary)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"newsdiff: cannot read {binary}: binary file, not text"
    assert captured.out == ""
