"""Site search for Thai: index the pages as MkDocs builds them (`worker.IndexWorker`), or a built site
read back (`index.build_index`).

Knows nothing of MkDocs: it reads the HTML of the pages, like any static host would serve them.
"""

from generator.search.index import IndexStats, build_index
from generator.search.worker import IndexWorker, SearchError

__all__ = ["IndexStats", "IndexWorker", "SearchError", "build_index"]
