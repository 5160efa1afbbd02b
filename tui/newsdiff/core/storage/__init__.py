"""Storage: where newsdiff keeps its cache, and the one way it writes a file (below every stage)."""
