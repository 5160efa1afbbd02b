"""``newsdiff report -o`` never destroys anything: it writes a new file, or replaces an
empty file or a report newsdiff wrote that is none of the files the walk found (read or
skipped), keeping its mode; anything else is refused in one line with exit 2 (issue 14,
part 1)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.cli import main

GOOD = "Nordkorea schickt Soldaten\n\nNordkorea hat mehr als 3000 Soldaten geschickt.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD.replace("3000", "4000"), encoding="utf-8")
    return folder


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the command; it must refuse with exit 2 and one line naming the problem."""
    assert main(["report", *argv]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert all("skipped" in line or "left out" in line for line in lines[:-1])  # then the refusal
    return lines[-1]


def test_a_skipped_file_of_the_walk_is_not_overwritten(folder, capsys):
    page = folder / "p.txt"
    page.write_bytes(b"<html>x")
    line = refused(capsys, str(folder), "-o", str(page))
    assert "p.txt" in line and "not overwriting" in line
    assert page.read_bytes() == b"<html>x"


@pytest.mark.parametrize("name", ["notes.pdf", ".hidden.md"])
def test_a_file_the_walk_left_out_unread_is_not_overwritten(folder, capsys, name):
    left_out = folder / name
    left_out.write_bytes(b"%PDF-1.4 keep")
    assert main(["report", str(folder), "-o", str(left_out)]) == 2
    assert "not overwriting" in capsys.readouterr().err.strip().splitlines()[-1]
    assert left_out.read_bytes() == b"%PDF-1.4 keep"


def test_a_file_read_as_an_input_is_not_overwritten(folder, capsys):
    refused(capsys, str(folder), "-o", str(folder / "a.txt"))
    assert (folder / "a.txt").read_text(encoding="utf-8") == GOOD


@pytest.mark.parametrize("kind", ["fifo", "symlink", "hardlink", "device", "folder"])
def test_anything_but_a_plain_regular_file_is_refused(folder, tmp_path, capsys, kind):
    target = tmp_path / "out.md"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "real.md").write_text("keep", encoding="utf-8")
        target.symlink_to(tmp_path / "real.md")
    elif kind == "hardlink":
        (tmp_path / "real.md").write_text("keep", encoding="utf-8")
        os.link(tmp_path / "real.md", target)
    elif kind == "device":
        # a node of its own, never the real /dev/null: a failing run would replace it
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("creating a device node needs root")
    else:
        target.mkdir()
    before = os.lstat(target)
    line = refused(capsys, str(folder), "-o", str(target))
    assert str(target.name) in line
    said = {"fifo": "(a named pipe)", "device": "(a device)", "folder": "is a folder"}
    assert said.get(kind, "") in line  # what it is, not "a pipe, socket or device"
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode, after.st_nlink) == (
        before.st_ino, before.st_mode, before.st_nlink,
    )  # fmt: skip
    if kind in ("symlink", "hardlink"):
        assert (tmp_path / "real.md").read_text(encoding="utf-8") == "keep"


def test_a_replaced_file_keeps_its_mode(folder, tmp_path, capsys):
    target = tmp_path / "out.md"
    assert main(["report", str(folder), "-o", str(target)]) == 0  # an earlier report
    target.chmod(0o600)
    assert main(["report", str(folder), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# newsdiff report")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_new_file_gets_the_umask_mode_without_touching_the_umask(folder, tmp_path, capsys):
    calls: list[int] = []
    real_umask = os.umask
    os.umask = lambda mask: calls.append(mask) or real_umask(mask)  # type: ignore[assignment]
    try:
        mask = real_umask(0o027)
        assert main(["report", str(folder), "-o", str(tmp_path / "new.md")]) == 0
    finally:
        real_umask(mask)
        os.umask = real_umask  # type: ignore[assignment]
    assert calls == []  # process-wide state is not changed, not even for a moment
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_an_over_long_name_is_a_write_error_not_an_internal_error(folder, tmp_path, capsys):
    assert main(["report", str(folder), "-o", str(tmp_path / ("x" * 300 + ".md"))]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "cannot write the report" in line and "internal error" not in line
    # a name that fits but leaves no room for a longer temporary name is still written
    fits = tmp_path / ("y" * 250 + ".md")
    assert main(["report", str(folder), "-o", str(fits)]) == 0
    assert fits.read_text(encoding="utf-8").startswith("# newsdiff report")


@pytest.mark.parametrize("output", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_write_through_to_standard_output(folder, tmp_path, output):
    sink = tmp_path / "captured.md"
    with open(sink, "wb") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "newsdiff", "report", str(folder), "-o", output],
            stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sink.read_text(encoding="utf-8").startswith("# newsdiff report")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "start"), [("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.md", "# newsdiff")]
)
def test_without_format_the_output_file_s_suffix_chooses_it(folder, tmp_path, capsys, name, start):
    # "newsdiff report -o r.html" wrote Markdown into r.html (and said so): the
    # default format won over the name the user gave
    target = tmp_path / name
    assert main(["report", str(folder), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith(start)


def test_an_explicit_format_wins_over_the_suffix(folder, tmp_path, capsys):
    target = tmp_path / "r.html"
    assert main(["report", str(folder), "-f", "json", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert main(["report", str(folder), "-o", str(tmp_path / "r.txt")]) == 0  # markdown
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("# newsdiff")


def test_two_files_of_one_name_are_told_apart_by_their_folders(tmp_path, capsys, monkeypatch):
    """Two outlets' "report.txt" saved in two folders: the sources name each by its folder."""
    from newsdiff.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    for outlet, seed in (("taz", seeds[0]), ("zeit", seeds[1])):
        (tmp_path / "in" / outlet).mkdir(parents=True)
        (tmp_path / "in" / outlet / "report.txt").write_bytes(seed.read_bytes())
    assert main(["report", "--lexical", str(tmp_path / "in")]) == 0
    sources = capsys.readouterr().out.split("## Sources")[1].split("\n\n")[1]
    assert "| A | taz/report.txt |" in sources and "| B | zeit/report.txt |" in sources
    assert main(["report", "--lexical", "--format", "json", str(tmp_path / "in")]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [s["source"] for s in document["sources"]] == ["taz/report.txt", "zeit/report.txt"]


@pytest.mark.parametrize("name", ["report.md", "report.html", "report.json"])
def test_a_report_written_into_the_folder_is_not_read_back_as_a_source(folder, capsys, name):
    # -o into the folder compared: the next run read the report as one more news
    # report, its every quote an "identical" claim of the sources it quotes
    assert main(["report", "--lexical", str(folder), "-o", str(folder / name)]) == 0
    capsys.readouterr()
    assert main(["list", "--json", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert [Path(a["path"]).name for a in json.loads(out)["articles"]] == ["a.txt", "b.txt"]
    assert err.strip() == (
        f"newsdiff: warning: skipped {folder / name}: "
        "a comparison report newsdiff wrote, not a news report"
    )
    assert main(["list", str(folder / name)]) == 1  # named alone: one line saying what it is
    assert "a comparison report newsdiff wrote" in capsys.readouterr().err


def test_a_file_of_the_user_s_is_not_overwritten_a_report_newsdiff_wrote_is(
    folder, tmp_path, capsys
):
    # "-o notes.md" by a slip of the keyboard replaced the user's notes with the report
    notes = tmp_path / "notes.md"
    notes.write_text("# My notes\n\nCall the agency back.\n", encoding="utf-8")
    line = refused(capsys, str(folder), "-o", str(notes))
    assert "notes.md" in line and "not a report newsdiff wrote" in line
    assert notes.read_text(encoding="utf-8") == "# My notes\n\nCall the agency back.\n"
    # a report of any format newsdiff wrote is replaced, as is an empty file
    for name in ("r.md", "r.html", "r.json"):
        target = tmp_path / name
        assert main(["report", str(folder), "-o", str(target)]) == 0
        earlier = target.read_text(encoding="utf-8")
        (folder / "b.txt").write_text(GOOD.replace("3000", "5000"), encoding="utf-8")
        assert main(["report", str(folder), "-o", str(target)]) == 0
        assert target.read_text(encoding="utf-8") != earlier and "5000" in target.read_text()
        (folder / "b.txt").write_text(GOOD.replace("3000", "4000"), encoding="utf-8")
    empty = tmp_path / "empty.md"
    empty.touch()
    assert main(["report", str(folder), "-o", str(empty)]) == 0
    assert empty.read_text(encoding="utf-8").startswith("# newsdiff report")


@pytest.mark.parametrize("name", ["r.md", "r.html", "r.json"])
def test_a_report_written_into_the_folder_it_reads_is_replaced_the_next_time(folder, capsys, name):
    # the second "report FOLDER -o FOLDER/r.md" found the first one in FOLDER, left it
    # out of the inputs, and then refused to replace it as if it were one of them
    target = folder / name
    assert main(["report", "--lexical", str(folder), "-o", str(target)]) == 0
    (folder / "b.txt").write_text(GOOD.replace("3000", "5000"), encoding="utf-8")
    capsys.readouterr()
    assert main(["report", "--lexical", str(folder), "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "5000" in target.read_text(encoding="utf-8")
    assert f"skipped {target}: a comparison report newsdiff wrote" in err
    # and the earlier report is no source of the new one
    assert main(["report", "--lexical", "--format", "json", str(folder)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [s["source"] for s in document["sources"]] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("name", ["notes.md", "notes.html", "notes.json", "empty.md"])
def test_a_file_of_the_user_s_in_the_folder_is_still_refused(folder, capsys, name):
    keep = {"notes.md": "# My notes\n\nCall the agency back.\n",
            "notes.html": "<html><title>newsdiff report</title><p>my review</p></html>",
            "notes.json": '{"notes": ["call back"]}', "empty.md": ""}[name]  # fmt: skip
    (folder / name).write_text(keep, encoding="utf-8")
    line = refused(capsys, str(folder), "-o", str(folder / name))
    assert name in line and "not overwriting" in line
    assert (folder / name).read_text(encoding="utf-8") == keep


def test_reading_names_a_report_of_newsdiff_s_as_such(folder, tmp_path):
    from newsdiff.core.reading.loader import read_articles

    for name in ("r.md", "r.html", "r.json"):
        assert main(["report", "--lexical", str(folder), "-o", str(tmp_path / name)]) == 0
    corpus = read_articles([folder, *(tmp_path / name for name in ("r.md", "r.html", "r.json"))])
    assert [Path(a.path).name for a in corpus.articles] == ["a.txt", "b.txt"]
    assert [(Path(p.path).name, p.kind) for p in corpus.problems] == [
        ("r.md", "own_report"), ("r.html", "own_report"), ("r.json", "own_report")
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["r.json", "r.md"])
def test_list_json_gives_a_problem_s_kind(folder, capsys, name):
    # a .json report in the folder was left out as "not a report file (.json)", and
    # --json gave no way to tell a report of newsdiff's from a broken file
    (folder / "broken.txt").write_bytes(b"")
    assert main(["report", "--lexical", str(folder), "-o", str(folder / name)]) == 0
    capsys.readouterr()
    assert main(["list", "--json", str(folder)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [(Path(p["path"]).name, p["kind"]) for p in document["problems"]] == [
        ("broken.txt", None), (name, "own_report")
    ]  # fmt: skip
    assert document["skipped"] == []


def test_a_json_file_of_the_user_s_in_a_folder_is_still_left_out_unread(folder, capsys):
    (folder / "data.json").write_text('{"format": "something else"}', encoding="utf-8")
    os.mkfifo(folder / "pipe.json")  # never opened: the walk would hang on it
    assert main(["list", "--json", str(folder)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["problems"] == []
    assert sorted(Path(s["path"]).name for s in document["skipped"]) == ["data.json", "pipe.json"]


NOTES = "# My notes\n\nCall the agency back.\n"


@pytest.mark.parametrize("earlier", [False, True], ids=["new name", "earlier report"])
def test_a_file_put_at_the_target_while_the_report_renders_is_not_overwritten(
    folder, tmp_path, capsys, monkeypatch, earlier
):
    # the target was checked (absent, or a report newsdiff wrote), then the report was
    # rendered, then renamed over whatever had come to be there: a file the user saved
    # under that name meanwhile was lost
    from newsdiff.commands import report

    target = tmp_path / "out.md"
    if earlier:
        assert main(["report", str(folder), "-o", str(target)]) == 0
    real = report.render_report

    def render_while_the_user_saves(*args, **kwargs):
        notes = tmp_path / "notes.tmp"
        notes.write_text(NOTES, encoding="utf-8")
        os.replace(notes, target)  # as an editor saves: a new file renamed into place
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "render_report", render_while_the_user_saves)
    capsys.readouterr()
    assert main(["report", str(folder), "-o", str(target)]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (
        f"newsdiff: {target}: cannot write the report: "
        "was changed by another program meanwhile; not overwriting it"
    )
    assert target.read_text(encoding="utf-8") == NOTES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "f", "out.md"]


def test_a_report_edited_in_place_while_rendering_is_not_overwritten(
    folder, tmp_path, capsys, monkeypatch
):
    # the same file (inode) the check saw, but written to since: no longer newsdiff's
    from newsdiff.commands import report

    target = tmp_path / "out.md"
    assert main(["report", str(folder), "-o", str(target)]) == 0
    real = report.render_report

    def render_while_the_user_edits(*args, **kwargs):
        with target.open("a", encoding="utf-8") as out:
            out.write("\nMy own remark.\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "render_report", render_while_the_user_edits)
    assert main(["report", str(folder), "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8").endswith("\nMy own remark.\n")
