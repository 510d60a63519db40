"""The publication rules, in one place: what the site shows of an item on the build date.

Every dated item that can be published or taken down (documents, policies, news posts) answers
the same three questions, so the rules are written once and every page builder gets them through
the Site:

- a draft is never published;
- an item appears from its publication date, not before (the build date decides, so a daily
  build publishes a post scheduled for tomorrow without anyone pushing); an item with no date at
  all (a report printed undated) has no day to wait for;
- a withdrawn item (ถอนการเผยแพร่) disappears from listings, feeds and OIT evidence from its
  withdrawal date, but its address stays and says when and why, so a saved link never ends in 404.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterable, Protocol, TypeVar

if TYPE_CHECKING:
    from generator.engine.records import Withdrawal


class Publishable(Protocol):
    """What the rules need to know of an item."""

    @property
    def draft(self) -> bool: ...

    @property
    def publication_date(self) -> date | None: ...

    @property
    def withdrawn(self) -> Withdrawal | None: ...


def is_public(item: Publishable, today: date) -> bool:
    """Shown in full: not a draft, its publication date has come, and it is not withdrawn."""
    published = item.publication_date
    return not item.draft and (published is None or published <= today) and not is_withdrawn(item, today)


def is_withdrawn(item: Publishable, today: date) -> bool:
    """Taken down by `today`: its page then gives the date and the reason instead of the content."""
    return not item.draft and item.withdrawn is not None and item.withdrawn.date <= today


class Dated(Publishable, Protocol):
    """A publishable record with its own date and id, listed newest first."""

    @property
    def date(self) -> date | None: ...

    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=Dated)


def newest_public(items: Iterable[Item], today: date) -> tuple[Item, ...]:
    """The items public on `today`, newest first (by date, then id), the undated last: the rule of documents
    and policies. A month-dated item sorts as its month's first day, after the dated items of its month."""
    public = (i for i in items if is_public(i, today))
    return tuple(sorted(public, key=lambda i: (i.date is not None, i.date or date.min, i.id), reverse=True))
