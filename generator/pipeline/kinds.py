"""The kinds of data file, each with its model and the name of its JSON Schema (`schemas/<name>.schema.json`).

The loader reads files by these tables, `python -m generator schema` writes one schema per name, and a
message about a value that is not allowed points at the schema that lists them all: one table, so the
file a message names is always the file the schema command writes.
"""

from __future__ import annotations

from pydantic import BaseModel

from generator.engine.config import SiteConfig
from generator.families.registry import FAMILIES
from generator.oit.framework import Framework

# Data file kinds, from the family registry: name in data/ → model (site.yml is the office's settings),
# and yearly folders (data/<folder>/<fiscal year>.yml) → the model of one file.
SINGLE_FILES: dict[str, type[BaseModel]] = {"site.yml": SiteConfig,
                                            **{name: model for f in FAMILIES for name, model in f.files}}
YEARLY_FOLDERS: dict[str, type[BaseModel]] = {f.folder: f.model for f in FAMILIES if f.folder and f.model}


def schema_models() -> dict[str, type[BaseModel]]:
    """Model per schema name (`office`, `units`, ..., `documents`, `framework`, `procurement-month`)."""
    kinds = {name.removesuffix(".yml"): model for name, model in SINGLE_FILES.items()}
    kinds.update(YEARLY_FOLDERS)
    kinds["framework"] = Framework
    kinds.update({name: model for family in FAMILIES for name, model in family.schemas})
    return kinds


def schema_file(model: type[BaseModel]) -> str | None:
    """`schemas/<name>.schema.json` of the files validated by `model`, if it has one."""
    return next((f"schemas/{name}.schema.json" for name, m in schema_models().items() if m is model), None)
