"""Matching: passage similarity, candidate pairs and the aligner that pairs reports."""
