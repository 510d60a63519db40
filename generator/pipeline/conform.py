"""A parsed file against its model, so that one mistake costs one entry and not the whole file.

A file holding a list of records (`documents:`, `units:`) is validated entry by entry: the valid
entries are kept, and an invalid one is reported once, at its own lines, while its id (if the id
itself is valid) is kept too, so that the records that name it are not also reported. A settings
file (data/site.yml) loses only its broken settings. Every error becomes a located problem, Thai
first; a required field written with a typo is one problem, not also a missing field.
"""

from __future__ import annotations

import typing
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.base.messages import reported, translate
from generator.base.problems import Problem
from generator.base.sources import SourceFile
from generator.engine.config import SiteConfig
from generator.pipeline.kinds import schema_file

# Files of settings that stand alone, each with a default: a broken one is refused by itself (the
# checks that need it are skipped), so that one typo does not also drop the office's other choices.
SETTINGS = (SiteConfig,)


class Loaded(NamedTuple):
    """A validated file. For a list of records, `record` holds the valid entries, `kept` the index of
    each in the file and `refused` the index → id of each invalid entry whose id is valid; for a
    settings file, `refused` names each broken setting."""

    source: SourceFile
    record: BaseModel
    kept: tuple[int, ...] = ()
    refused: dict[int | str, str] = {}


def conform(source: SourceFile, model: type[BaseModel], problems: list[Problem]) -> Loaded | None:
    """Validate a parsed file against its model; None if nothing of it can be kept."""
    listed = _listed(model)
    if listed and isinstance(source.value, dict) and isinstance(source.value.get(listed[0]), list):
        return _entries(source, model, *listed, problems)
    try:
        return Loaded(source, model.model_validate(source.value))
    except ValidationError as exc:
        _report(exc, (), source, model, problems)
        return _settings(source, model, exc) if model in SETTINGS else None


def valid_field(model: type[BaseModel], name: str, value: Any) -> Any:
    """`value` read as the field `name` of `model` reads it, or None if that field refuses it."""
    info = model.model_fields[name]
    try:
        return TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
                           ).validate_python(value)
    except ValidationError:
        return None


def _entries(source: SourceFile, model: type[BaseModel], key: str, entry_model: type[BaseModel],
             problems: list[Problem]) -> Loaded:
    """Keep the valid entries of `key`; note the id of each invalid one whose id is valid itself."""
    kept, positions, refused = [], [], {}
    for i, entry in enumerate(source.value[key]):
        try:
            kept.append(entry_model.model_validate(entry))
            positions.append(i)
        except ValidationError as exc:
            _report(exc, (key, i), source, model, problems)
            if (record_id := _written_id(entry, exc)) is not None:
                refused[i] = record_id
    try:  # whatever else the file holds beside the list (an unknown key is an error)
        record = model.model_validate({**source.value, key: kept})
    except ValidationError as exc:
        _report(exc, (), source, model, problems)
        record = model.model_construct(**{key: kept})
    return Loaded(source, record, tuple(positions), refused)


def _settings(source: SourceFile, model: type[BaseModel], exc: ValidationError) -> Loaded | None:
    """The settings file without its broken settings (each takes its default)."""
    broken = {error["loc"][0] for error in exc.errors() if error["loc"]}
    if not isinstance(source.value, dict) or any(not error["loc"] for error in exc.errors()):
        return None
    try:
        record = model.model_validate({k: v for k, v in source.value.items() if k not in broken})
    except ValidationError:
        return None
    return Loaded(source, record, refused={str(k): str(k) for k in broken})


def _report(exc: ValidationError, at: tuple[Any, ...], source: SourceFile, model: type[BaseModel],
            problems: list[Problem]) -> None:
    """Each error of one validation as a located problem; `at` is where the validated value sits in the file."""
    errors = [{**error, "loc": (*at, *error["loc"])} for error in exc.errors()]
    schema = schema_file(model)
    for error in reported(errors, model):
        loc = tuple(error["loc"])
        code, th, en = translate(error, model, schema)
        problems.append(Problem(source.name, source.line_of(loc), source.field_name(loc), code, th, en))


def _listed(model: type[BaseModel]) -> tuple[str, type[BaseModel]] | None:
    """(key, entry model) of a file that is one list of records with ids (`units:`), else None."""
    if len(model.model_fields) != 1:
        return None
    ((key, info),) = model.model_fields.items()
    args = typing.get_args(info.annotation)
    if typing.get_origin(info.annotation) is list and args and isinstance(args[0], type) \
            and issubclass(args[0], BaseModel) and "id" in args[0].model_fields:
        return key, args[0]
    return None


def _written_id(entry: Any, exc: ValidationError) -> str | None:
    """The id of an invalid entry, if one is written and is valid itself."""
    if not isinstance(entry, dict) or "id" not in entry or any(e["loc"][:1] == ("id",) for e in exc.errors()):
        return None
    return str(entry["id"]).strip()  # as the model reads it (str_strip_whitespace)
