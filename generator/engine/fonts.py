"""Sarabun, the Thai government's typeface, self-hosted as small woff2 files made from a package.

Google Fonts would make every page request another host, and many build machines cannot reach it.
The TTFs come from the pinned PyPI package `fontpkg-sarabun`; fontTools cuts them to Thai and Latin
and compresses them to woff2 (about 20 KB per weight). The result is cached by package version, so
only the first build pays the 2 seconds.
"""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path

# CSS weight → file name in the package. Material sets headings light (300), text 400, bold 700.
WEIGHTS = {300: "Sarabun-Light.ttf", 400: "Sarabun-Regular.ttf", 700: "Sarabun-Bold.ttf"}
# Thai, Basic Latin and Latin-1, general punctuation (dashes, quotes), ฿ € ™, and ○ seen in item codes.
UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x0E00, 0x0E80), *range(0x2010, 0x2030),
            0x0E3F, 0x20AC, 0x2122, 0x2022, 0x25CB]


def cache_dir(project_root: Path) -> Path:
    """Where the cut fonts are kept: the user's cache (shared by every office on the machine), else the project's.

    The cut takes seconds on a small machine; sharing it means a fresh clone or a second office pays
    nothing. `OIT_FONT_CACHE` overrides the place (CI caches it between runs).
    """
    if custom := os.environ.get("OIT_FONT_CACHE"):
        return Path(custom)
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "oit-site-generator" / "fonts"
    try:
        user.mkdir(parents=True, exist_ok=True)
        return user if os.access(user, os.W_OK) else project_root / ".cache" / "fonts"
    except OSError:
        return project_root / ".cache" / "fonts"


def site_path(weight: int) -> str:
    """Where a weight is published inside the site (the CSS in generator/theme/ refers to it)."""
    return f"assets/fonts/sarabun-{weight}.woff2"


def ensure_fonts(cache_dir: Path) -> dict[str, Path]:
    """Make (once per package version) and return the woff2 files, keyed by their site path."""
    import fontpkg_sarabun

    folder = cache_dir / f"sarabun-{version('fontpkg-sarabun')}"
    source = Path(fontpkg_sarabun.__file__).parent / "files"
    made = {}
    for weight, name in WEIGHTS.items():
        target = folder / f"sarabun-{weight}.woff2"
        if not target.exists():
            _subset(source / name, target)
        made[site_path(weight)] = target
    return made


def _subset(ttf: Path, target: Path) -> None:
    """Keep Thai and Latin with every OpenType feature (Thai mark placement needs them)."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.hinting = False
    options.name_IDs = ["*"]  # keep the OFL licence and copyright names inside the font
    font = subset.load_font(str(ttf), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    subset.save_font(font, str(partial), options)
    partial.replace(target)  # never leave a half-written font for the next build
