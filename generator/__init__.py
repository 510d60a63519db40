"""Static transparency websites for Thai public offices, generated from data files (ITA/OIT)."""

# The one place the version is written: pyproject.toml reads it, and every built page carries it
# (<meta name="generator">), so a supervising body sees which release built an office's site.
__version__ = "0.2.0"
