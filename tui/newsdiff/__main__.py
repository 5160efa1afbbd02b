"""``python -m newsdiff`` runs the command line."""

from newsdiff.cli import main

raise SystemExit(main())
