"""Site search for Thai: index the built pages after the MkDocs build (see `index.build_index`).

Knows nothing of MkDocs: it reads the site directory MkDocs wrote, like any static host would.
"""

from generator.search.index import IndexStats, build_index

__all__ = ["IndexStats", "build_index"]
