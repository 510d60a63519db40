"""Allow `python -m generator ...`: the one place where the command line meets the MkDocs host.

cli/ and mkdocs/ are both top layers and never import each other (docs/architecture.md). The commands
that need MkDocs get it from here, imported only when one runs, so `check` does not load MkDocs.
"""

import sys
from pathlib import Path

from generator.cli.main import main


def _serve(root: Path, host: str, port: int) -> int:
    from generator.mkdocs.serve import serve

    return serve(root, host, port)


sys.exit(main(host_commands={"serve": _serve}))
