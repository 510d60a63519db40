"""JSON Schemas of the data file kinds, generated from the models (for editor autocompletion)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.families.registry import FAMILIES
from generator.oit.framework import Framework
from generator.pipeline.load import SINGLE_FILES, YEARLY_FOLDERS


def schemas() -> dict[str, dict]:
    """Schema per kind name (`office`, `units`, ..., `documents`, `framework`)."""
    kinds = {name.removesuffix(".yml"): model for name, model in SINGLE_FILES.items()}
    kinds.update(YEARLY_FOLDERS)
    kinds["framework"] = Framework
    kinds.update({name: model for family in FAMILIES for name, model in family.schemas})  # e.g. procurement-month
    return {name: model.model_json_schema() for name, model in kinds.items()}


def write_schemas(out: str | Path) -> list[Path]:
    """Write `<kind>.schema.json` files into `out`; returns the paths written."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
