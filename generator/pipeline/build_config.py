"""The parts of mkdocs.yml that decide whether a strict build passes, read without MkDocs.

`check` must refuse what `mkdocs build --strict` refuses, so it reads what MkDocs validates with:
the `nav` (with the line of every entry, to locate a wrong one), the `validation` levels, the
Markdown extensions (anchors depend on them), the page exclusions and the theme's template folders.
The plugin reads the same file through the same function, so both see the same settings.

An office's mkdocs.yml is small: where it is silent, the generator's own settings apply (its theme,
its Markdown extensions, every link and nav finding a warning, its menu `generator/mkdocs/nav.yml`),
and the plugin puts the same values into MkDocs' configuration (generator/mkdocs/defaults.py).

YAML tags MkDocs understands are read as MkDocs reads them (`!ENV`, `!!python/name:`); any other
tag is read as nothing rather than refused, since MkDocs itself reports those.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# MkDocs' defaults (mkdocs/config/defaults.py, 1.6): the levels at which each finding is logged.
DEFAULT_LEVELS = {
    "nav.omitted_files": logging.INFO, "nav.not_found": logging.WARNING, "nav.absolute_links": logging.INFO,
    "links.not_found": logging.WARNING, "links.anchors": logging.INFO, "links.unrecognized_links": logging.INFO,
}
# The generator's levels where mkdocs.yml says nothing: every broken link, missing page and unknown
# anchor fails the strict build. With the generator's own menu, a page left out of it is not a
# finding (the office did not write the menu); with the office's `nav:`, it is.
GENERATOR_LEVELS = {**{check: logging.WARNING for check in DEFAULT_LEVELS}, "nav.absolute_links": logging.INFO}
PACKAGE = Path(__file__).resolve().parent.parent
THEME_DIR = PACKAGE / "theme"  # the generator's templates, styles and scripts
NAV_FILE = PACKAGE / "mkdocs" / "nav.yml"  # the menu of an office whose mkdocs.yml has no nav
# Extensions the generated pages are written for (notes, attributes, Markdown in HTML blocks).
GENERATOR_EXTENSIONS = ("admonition", "attr_list", "md_in_html")
# `relative_to_docs` (absolute_links only): a path starting with / is looked up from content/.
RELATIVE_TO_DOCS = -1
_LEVELS = {"warn": logging.WARNING, "info": logging.INFO, "ignore": logging.DEBUG, "relative_to_docs": RELATIVE_TO_DOCS}
# MkDocs always loads these three, before the configured ones.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class NavEntry:
    """One page path written in the `nav` of mkdocs.yml, with its line."""

    path: str
    line: int


@dataclass(frozen=True)
class BuildConfig:
    """What a strict build checks, as mkdocs.yml sets it (MkDocs' defaults where it is silent)."""

    file: str = "mkdocs.yml"
    nav: tuple[NavEntry, ...] | None = None  # None: no nav, MkDocs lists every page itself
    nav_line: int = 0
    levels: dict[str, int] = field(default_factory=lambda: dict(GENERATOR_LEVELS))
    extensions: tuple[str, ...] = BUILTIN_EXTENSIONS + GENERATOR_EXTENSIONS
    extension_configs: dict[str, dict] = field(default_factory=dict)
    not_in_nav: tuple[str, ...] = ()
    exclude_docs: tuple[str, ...] = ()
    template_dirs: tuple[Path, ...] = ()

    def fails(self, check: str) -> bool:
        """Whether a finding of `check` (e.g. "links.anchors") fails a strict build."""
        return self.levels[check] >= logging.WARNING


def read_build_config(path: Path, display: str = "mkdocs.yml") -> BuildConfig:
    """The build settings of the mkdocs.yml at `path`; MkDocs' defaults if it is missing or unreadable."""
    try:
        root_node = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
    except (OSError, ValueError, RecursionError, yaml.YAMLError):  # MkDocs itself says what is wrong
        return _defaults(display, path.parent)
    if not isinstance(root_node, yaml.MappingNode):
        return _defaults(display, path.parent)
    keys = {key.value: key for key, _value in root_node.value if isinstance(key, yaml.ScalarNode)}
    nodes = {key.value: value for key, value in root_node.value if isinstance(key, yaml.ScalarNode)}
    config = {key: _construct(node) for key, node in nodes.items() if key != "nav"}
    extensions, configs = _extensions(config.get("markdown_extensions"))
    nav = nodes.get("nav")
    own_nav = nav is not None and not _is_null(nav)
    return BuildConfig(
        display,
        nav=tuple(_nav_entries(nav if own_nav else package_nav())),
        nav_line=keys["nav"].start_mark.line + 1 if own_nav else 0,
        levels=_levels(config.get("validation"), own_nav),
        extensions=extensions,
        extension_configs=configs,
        not_in_nav=_patterns(config.get("not_in_nav")),
        exclude_docs=_patterns(config.get("exclude_docs")),
        template_dirs=_template_dirs(path.parent, config.get("theme")),
    )


def _defaults(display: str, root: Path) -> BuildConfig:
    """The settings of a build whose mkdocs.yml is missing or unreadable: the generator's own."""
    return BuildConfig(display, nav=tuple(_nav_entries(package_nav())),
                       levels=_levels(None, own_nav=False), template_dirs=_template_dirs(root, {}))


class _Loader(yaml.SafeLoader):
    """A safe loader that also reads the tags MkDocs configs use."""


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, ValueError):
        return None


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    for name in names[:-1] if len(names) > 1 else names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return names[-1] if len(names) > 1 else None


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_Loader.add_constructor("!ENV", _env)
_Loader.add_constructor(None, lambda loader, node: None)  # any other tag: nothing


def _construct(node: yaml.Node) -> Any:
    loader = _Loader("")
    try:
        return loader.construct_object(node, deep=True)
    except Exception:  # a value MkDocs would refuse with its own message
        return None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _nav_entries(node: yaml.Node):
    """Every page path of the nav, depth first, with its 1-based line (titles and sections skipped)."""
    if isinstance(node, yaml.ScalarNode):
        yield NavEntry(str(node.value), node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_entries(item)
    elif isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _nav_entries(value)


def package_nav() -> yaml.Node:
    """The generator's menu (generator/mkdocs/nav.yml), as a node so its entries keep their lines."""
    return yaml.compose(NAV_FILE.read_text(encoding="utf-8"), Loader=_Loader)


def _levels(validation: Any, own_nav: bool = True) -> dict[str, int]:
    """The validation levels; top-level keys apply to both `nav` and `links`, as in MkDocs."""
    levels = dict(GENERATOR_LEVELS)
    if not own_nav:
        levels["nav.omitted_files"] = logging.INFO
    if not isinstance(validation, dict):
        return levels
    for key, value in validation.items():
        for group in ("nav", "links"):
            if f"{group}.{key}" in levels and isinstance(value, str) and value in _LEVELS:
                levels[f"{group}.{key}"] = _LEVELS[value]
    for group in ("nav", "links"):
        for key, value in (validation.get(group) or {}).items() if isinstance(validation.get(group), dict) else ():
            if f"{group}.{key}" in levels and isinstance(value, str) and value in _LEVELS:
                levels[f"{group}.{key}"] = _LEVELS[value]
    return levels


def _extensions(value: Any) -> tuple[tuple[str, ...], dict[str, dict]]:
    """Extension names (built-ins first, no repeats) and their configs, as MkDocs reads the list."""
    names, configs = [*BUILTIN_EXTENSIONS, *GENERATOR_EXTENSIONS], {}
    items = value.items() if isinstance(value, dict) else (
        (next(iter(i.items())) if isinstance(i, dict) and len(i) == 1 else (i, None)) for i in value or ())
    for name, config in items:
        if isinstance(name, str):
            if name not in names:
                names.append(name)
            if isinstance(config, dict):
                configs[name] = config
    return tuple(names), configs


def _patterns(value: Any) -> tuple[str, ...]:
    lines = value.splitlines() if isinstance(value, str) else value if isinstance(value, list) else ()
    return tuple(str(line).strip() for line in lines if str(line).strip())


def _template_dirs(root: Path, theme: Any) -> tuple[Path, ...]:
    """Where page templates are looked up: the theme's custom_dir, the generator's, the theme, MkDocs' own."""
    theme = theme if isinstance(theme, dict) else {"name": theme}
    dirs = [root / theme["custom_dir"]] if isinstance(theme.get("custom_dir"), str) else []
    dirs.append(THEME_DIR)
    name = theme.get("name") if isinstance(theme.get("name"), str) else "mkdocs"
    package = {"material": "material", "mkdocs": "mkdocs", "readthedocs": "mkdocs"}.get(name, name)
    spec = importlib.util.find_spec(package)
    if spec and spec.submodule_search_locations:
        base = Path(list(spec.submodule_search_locations)[0])
        dirs += [base / "templates", base / "themes" / name]
    spec = importlib.util.find_spec("mkdocs")
    if spec and spec.submodule_search_locations:
        dirs.append(Path(list(spec.submodule_search_locations)[0]) / "templates")
    return tuple(d for d in dirs if _is_dir(d))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False
