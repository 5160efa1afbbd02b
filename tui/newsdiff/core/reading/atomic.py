"""The atomic writer's former home: it now lives in ``newsdiff.core.storage.atomic``."""

from __future__ import annotations

from newsdiff.core.storage.atomic import write_atomically as write_atomically

__all__ = ["write_atomically"]
