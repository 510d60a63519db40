"""From the loaded data to the Site: each family's records as they may be published on the build date.

Each family says in the registry what of its records is public on a date (no drafts, nothing dated
later, reports from their own date); the office-wide settings come from data/site.yml.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.engine.data import Data
from generator.engine.publication import is_withdrawn
from generator.engine.site import Site, Withdrawn
from generator.families.registry import FAMILIES
from generator.oit.choice import choices

if TYPE_CHECKING:
    from generator.families.documents.model import Document
    from generator.families.news.model import NewsPost
    from generator.families.policies.model import Policy


# The families whose items point to originals under content/ (a file, a news image).
_WITH_ORIGINALS = ("documents", "policies", "news")


def index(data: Data, today: date, content_dir: Path | None = None, base_url: str | None = None) -> Site:
    """Index `data` as it may be published on `today` (the build date decides).

    `base_url` (MkDocs' `site_url`) makes the absolute links the OIT exports need; without it, the
    office's `website` in office.yml, so the office's address is written in one place.
    """
    config, records = data.config, _family_records(data, today)
    chosen = choices(config.frameworks, data.frameworks)
    return Site(
        **records,
        units=tuple(data.units), executives=tuple(data.executives), laws=tuple(data.laws),
        complaints=data.complaints, today=today, content_dir=content_dir,
        gift_threshold=config.gift_threshold, sources={key: origin[0].name for key, origin in data.origins.items()},
        frameworks=data.frameworks, framework_of_year={y: c.framework_id for y, c in chosen.items() if c.framework_id},
        provisional_years=frozenset(y for y, c in chosen.items() if c.provisional),
        base_url=(base_url or (data.office.website if data.office else None) or "/").rstrip("/") + "/", scale=config.scoring.scale(), thai_digits=config.thai_digits,
        withdrawn=Withdrawn(*(tuple(i for i in items if is_withdrawn(i, today))
                              for items in (data.documents, data.policies, data.news))),
        unpublished_files=_unpublished_files(data, records))


def _family_records(data: Data, today: date) -> dict[str, Any]:
    """Each family's records through its public rule; a family without one publishes what it has."""
    records = {}
    for family in FAMILIES:
        if family.data is None:
            continue
        value = getattr(data, family.data)
        if family.public is not None:
            records[family.data] = family.public(value, today)
        else:
            records[family.data] = dict(value) if isinstance(value, dict) else value
    return records


def _unpublished_files(data: Data, records: dict[str, Any]) -> frozenset[str]:
    """Originals under content/ that only drafts, items still to come or withdrawn items point to:
    the items that their family's public rule left out of `records`.

    MkDocs copies every file of content/ to the site; these must not be, or a draft's PDF would be
    online at a guessable address before anyone decided to publish it.
    """
    items = [(kind, item) for kind in _WITH_ORIGINALS for item in getattr(data, kind)]
    public = {(kind, item.id) for kind in _WITH_ORIGINALS for item in records[kind]}
    hidden = {path for kind, item in items if (kind, item.id) not in public for path in _files_of(item)}
    shown = {path for kind, item in items if (kind, item.id) in public for path in _files_of(item)}
    shown |= {law.file for law in data.laws if law.file} | {e.photo for e in data.executives if e.photo}
    return frozenset(hidden - shown)


def _files_of(item: Document | Policy | NewsPost) -> list[str]:
    return [path for path in (getattr(item, "file", None), getattr(item, "image", None)) if path]
