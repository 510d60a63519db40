"""JSON Schemas of the data file kinds, generated from the models (for editor autocompletion)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.pipeline.kinds import schema_models


def schemas() -> dict[str, dict]:
    """Schema per kind name (`office`, `units`, ..., `documents`, `framework`, `procurement-month`)."""
    return {name: model.model_json_schema() for name, model in schema_models().items()}


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
