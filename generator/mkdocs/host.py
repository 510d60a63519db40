"""Which program runs the plugin: MkDocs 1.6 itself, or ProperDocs, its continuation.

ProperDocs runs MkDocs plugins unchanged: it reads the `mkdocs.plugins` entry points and answers
every `import mkdocs.*` with its own `properdocs.*` module, so this package needs no second copy of
its glue. Its own messages, though, are logged under `properdocs.*`: whatever listens to the host's
log (the staging folder's warning count, the Thai rewrite of its page and link warnings) must listen
under the name of the program that is running, or a warning of a strict build goes unnoticed.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin

# "mkdocs", or "properdocs" when ProperDocs has answered `import mkdocs.plugins` with its own module.
NAME = BasePlugin.__module__.partition(".")[0]


def logger_names(*parts: str) -> tuple[str, ...]:
    """The host's loggers named by `parts` (`structure.pages`), or its top loggers when none is given.

    With no parts both `mkdocs` and the host's own top logger are given: a plugin's messages
    (`mkdocs.plugins.generator`) stay under `mkdocs` whichever program runs.
    """
    if not parts:
        return tuple(dict.fromkeys(("mkdocs", NAME)))
    return tuple(f"{NAME}.{part}" for part in parts)
