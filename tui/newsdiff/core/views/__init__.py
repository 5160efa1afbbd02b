"""Views: what a screen or a report shows (rows, clusters, claims, overviews), terminal-free."""
