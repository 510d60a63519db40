"""Checks of news posts that need more than one record: a withdrawal names a post that exists."""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import check_withdrawals
from generator.engine.data import Data, Project


def check_news(data: Data, project: Project) -> list[Problem]:
    """A withdrawn post's date and replacement."""
    return check_withdrawals(data, "news", data.news)
