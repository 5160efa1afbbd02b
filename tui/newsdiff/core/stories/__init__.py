"""Stories: which reports tell the same event, so reports are compared only within their story."""
