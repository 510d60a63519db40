"""Notices for withdrawn documents, policies and posts: their addresses keep a page."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.withdrawn import pages

FAMILY = Family("withdrawn", builders=(pages.build,))
