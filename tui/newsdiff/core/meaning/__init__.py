"""Meaning: sentence embeddings from a bundled multilingual model, a signal beside shared words."""
