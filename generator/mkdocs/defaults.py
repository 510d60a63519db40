"""What every office's site needs from MkDocs, supplied by the package instead of each mkdocs.yml.

An office's repository holds only its own files: its `mkdocs.yml` names the theme and this plugin,
nothing more. The generator's theme (`generator/theme`: templates, styles, scripts), its Markdown
extensions, its link checks and its menu come from here, so an upgrade of the package upgrades them
all; an office that copied them into its own mkdocs.yml would keep the old ones forever. What an
office does set (its own `overrides/` folder, a `nav:`, extra features) is kept.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig

from generator import __version__
from generator.mkdocs.slugs import slugify
from generator.pipeline.build_config import NAV_FILE, THEME_DIR, read_build_config

# Back to top, the footer's previous/next, tooltips on abbreviations.
FEATURES = ("navigation.top", "navigation.footer", "content.tooltips")
CSS = "assets/stylesheets/tables.css"  # tables as cards on a phone, cues where one scrolls


def apply_defaults(config: MkDocsConfig) -> None:
    """Put the generator's theme, extensions, checks and menu into `config` where the office left them out."""
    settings = read_build_config(Path(config.config_file_path))  # what `check` reads too
    _theme(config)
    _markdown(config, settings.extensions)
    _validation(config, settings.levels)
    if config.nav is None:
        config.nav = yaml.safe_load(NAV_FILE.read_text(encoding="utf-8"))
    if CSS not in config.extra_css:
        config.extra_css.append(CSS)
    config.extra["generator_version"] = __version__
    if "generator" not in config.extra:  # Material's "Made with" link: no link to another host by default
        config.extra["generator"] = False


def _theme(config: MkDocsConfig) -> None:
    """The package's templates right after the office's own `overrides/` (which win), before Material's."""
    theme = config.theme
    if str(THEME_DIR) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME_DIR))
    theme["font"] = False  # the Thai font is self-hosted: never a request to Google Fonts
    if theme.get("language", "en") == "en":  # Material's default: the site is Thai unless the office says
        theme["language"] = "th"  # Material's own labels; MkDocs' `locale` stays its default
    features = list(theme.get("features") or [])
    theme["features"] = features + [f for f in FEATURES if f not in features]


# Hands the generated pages' HTML tables to the page unread (issue 21, part 4).
RAW_TABLES = "generator.mkdocs.raw_tables"


def _markdown(config: MkDocsConfig, extensions: tuple[str, ...]) -> None:
    for name in (*extensions, RAW_TABLES):
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
    toc = config.mdx_configs.setdefault("toc", {})
    toc.setdefault("permalink", True)
    # Readable ids for Thai headings (#ช่องทางการร้องเรียน, not #_3): generator/mkdocs/slugs.py.
    toc.setdefault("slugify", slugify)


def _validation(config: MkDocsConfig, levels: dict[str, int]) -> None:
    """The levels `check` uses (every broken link and unknown anchor a warning unless mkdocs.yml says)."""
    for check, level in levels.items():
        group, name = check.split(".")
        if level >= 0:  # relative_to_docs is MkDocs' own setting, kept as the office wrote it
            setattr(getattr(config.validation, group), name, level)
