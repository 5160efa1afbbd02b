"""Do two revisions of newsdiff give the same outputs? A refactoring must say yes.

Run from the project root:

    python tests/benchmarks/diff_outputs.py [--base REV] [--head REV] [--keep DIR] [--with-cache]

``--base`` defaults to ``main``, ``--head`` to the working tree (what is on
disk now, committed or not). Each revision other than the working tree is
checked out with ``git archive`` into a temporary folder and run from there
(``PYTHONPATH=<dir>/tui``), with ``NEWSDIFF_NO_CACHE=1`` so no article cache
written by one side is read by the other (``--with-cache``: each side with a
fresh cache folder of its own, so the cached paths are compared too). On two
corpora, the five seeds and 50 gnad articles (rows 0, 20, 40, ... of
``gnad-1028.csv``, written as one ``.txt`` file each into one temporary folder
that both sides read, so paths in the outputs agree), it runs

    newsdiff align --json, newsdiff facts --json, newsdiff report --format json

and prints, for each of the six outputs, ``same`` or the first lines of a
unified diff. Exit status 0 when all six are identical, 1 otherwise.
``--keep DIR`` also writes every output to ``DIR/<rev>/<corpus>-<command>.json``
(the base outputs of a refactoring); ``--recorded DIR/<rev>`` reads the base
outputs from there instead of running the base again. Nothing here is a test:
it runs the CLI twelve times and takes a minute or so.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKTREE = "WORKTREE"
COMMANDS = {
    "align": ["align", "--json"],
    "facts": ["facts", "--json"],
    "report": ["report", "--format", "json"],
}
GNAD_EVERY = 20  # rows 0, 20, ... 980: 50 articles from every section of the file
GNAD_COUNT = 50


def _corpora() -> Path:
    """The shared corpora folder: beside the main repo, whichever worktree this runs in."""
    for folder in (ROOT, *ROOT.parents):
        candidate = folder / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    raise SystemExit("diff_outputs: no shared/corpora folder above the project")


def write_gnad(folder: Path) -> None:
    """The fixed 50 gnad articles as ``gnad-NNNN.txt`` (NNNN: the row in the file)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(_corpora() / "gnad-1028.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    for index in range(0, GNAD_EVERY * GNAD_COUNT, GNAD_EVERY):
        _label, text = rows[index][0], rows[index][1]
        (folder / f"gnad-{index:04d}.txt").write_text(text + "\n", encoding="utf-8")


def checkout(rev: str, into: Path) -> Path:
    """The source tree of ``rev`` (or the working tree itself) to run newsdiff from."""
    if rev == WORKTREE:
        return ROOT
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "tui"],
        check=True,
        capture_output=True,
    ).stdout
    target = into / rev.replace("/", "_")
    target.mkdir(parents=True)
    archive_path = target / "tui.tar"
    archive_path.write_bytes(archive)
    with tarfile.open(archive_path) as tar:
        tar.extractall(target, filter="data")
    archive_path.unlink()
    return target


def run_outputs(tree: Path, inputs: dict[str, Path], cache: Path | None = None) -> dict[str, str]:
    """``{"<corpus>-<command>": stdout}`` for every corpus and command, run from ``tree``.

    With ``cache``, the runs share that (empty) cache folder instead of running without one.
    """
    env = dict(os.environ, PYTHONPATH=str(tree / "tui"), NEWSDIFF_NO_CACHE="1")
    if cache is not None:  # the cached paths: dictionary tries, articles, profiles, stories
        env.pop("NEWSDIFF_NO_CACHE")
        env["XDG_CACHE_HOME"] = str(cache)
    outputs = {}
    for corpus, folder in inputs.items():
        for name, arguments in COMMANDS.items():
            done = subprocess.run(
                [sys.executable, "-m", "newsdiff", *arguments, str(folder)],
                env=env,
                capture_output=True,
                text=True,
                cwd=tree,
            )
            if done.returncode != 0:
                raise SystemExit(
                    f"diff_outputs: {tree}: newsdiff {' '.join(arguments)} {corpus} "
                    f"exited {done.returncode}:\n{done.stderr[-2000:]}"
                )
            # the temporary folder's name differs between runs; the paths under it do not
            outputs[f"{corpus}-{name}"] = done.stdout.replace(str(folder.parent), "$INPUTS")
    return outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="revision to compare against (main)")
    parser.add_argument("--head", default=WORKTREE, help="revision to check (the working tree)")
    parser.add_argument("--keep", type=Path, help="also write every output under this folder")
    parser.add_argument(
        "--with-cache", action="store_true", help="each side with a fresh cache, not without one"
    )
    parser.add_argument(
        "--recorded",
        type=Path,
        help="read the base outputs from this folder (written by --keep) instead of running them",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdiff-diff-") as temp:
        temp_path = Path(temp)
        inputs = {"seeds": temp_path / "seeds", "gnad50": temp_path / "gnad50"}
        shutil.copytree(ROOT / "seeds", inputs["seeds"])
        write_gnad(inputs["gnad50"])
        results = {}
        if args.recorded:
            results[args.base] = {
                path.stem: path.read_text(encoding="utf-8")
                for path in sorted(args.recorded.glob("*.json"))
            }
        for rev in (args.base, args.head):
            if rev in results:
                continue
            print(f"running {rev} ...", file=sys.stderr, flush=True)
            cache = temp_path / f"cache-{rev.replace('/', '_')}" if args.with_cache else None
            results[rev] = run_outputs(checkout(rev, temp_path / "trees"), inputs, cache)
            if args.keep:
                folder = args.keep / rev.replace("/", "_")
                folder.mkdir(parents=True, exist_ok=True)
                for name, text in results[rev].items():
                    (folder / f"{name}.json").write_text(text, encoding="utf-8")
    base, head = results[args.base], results[args.head]
    differ = 0
    for name in base:
        if base[name] == head[name]:
            print(f"{name:16} same ({len(base[name]):,} characters)")
            continue
        differ += 1
        print(f"{name:16} DIFFERS")
        diff = difflib.unified_diff(
            base[name].splitlines(), head[name].splitlines(), args.base, args.head, lineterm=""
        )
        for line in list(diff)[:40]:
            print("    " + line)
    print(f"{len(base) - differ} of {len(base)} outputs identical ({args.base} vs {args.head})")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
