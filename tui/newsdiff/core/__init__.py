"""The core of newsdiff: reading, segmenting, aligning and comparing facts, without a UI.

Nothing under this package may import Textual or Rich; a test checks it.
"""
