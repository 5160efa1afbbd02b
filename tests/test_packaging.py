"""The package's shape: seeds shipped byte-for-byte, a core that imports no UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newsdiff
from newsdiff.core.reading.seeds import seed_paths

REPO = Path(__file__).resolve().parent.parent
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


def test_the_five_seeds_are_found():
    assert [p.name for p in seed_paths()] == sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert len(seed_paths()) == 5


def test_seeds_are_byte_identical_to_the_shared_ones():
    for path in seed_paths():
        assert path.read_bytes() == (REPO / "seeds" / path.name).read_bytes()
        shared = SHARED_SEEDS / path.name
        if shared.exists():
            assert path.read_bytes() == shared.read_bytes()


def test_core_imports_no_terminal_library():
    code = (
        "import sys, newsdiff, newsdiff.core.model, newsdiff.core.reading.seeds;"
        "import pkgutil, importlib, newsdiff.core as core;"
        "modules = pkgutil.walk_packages(core.__path__, 'newsdiff.core.');"
        "[importlib.import_module(m.name) for m in modules];"
        "bad = [m for m in ('textual', 'rich') if m in sys.modules];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_version_and_help_through_the_command():
    version = subprocess.run(
        [sys.executable, "-m", "newsdiff", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0
    assert version.stdout.strip() == f"newsdiff {newsdiff.__version__}"
    help_ = subprocess.run(
        [sys.executable, "-m", "newsdiff", "--help"], capture_output=True, text=True
    )
    assert help_.returncode == 0
    for command in ("list", "align", "facts", "report"):
        assert command in help_.stdout
