"""The Textual reader: ``make_app(paths).run()`` opens it on some reports."""

from __future__ import annotations

from newsdiff.app.app import NewsdiffApp, make_app

__all__ = ["NewsdiffApp", "make_app"]
