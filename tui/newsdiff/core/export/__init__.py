"""Export: the JSON schema and the shareable reports (Markdown, HTML, JSON) written to disk."""
