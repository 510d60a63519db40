"""The Thai search query set (queries.yml) and the browser runner shared by tests and scripts."""
