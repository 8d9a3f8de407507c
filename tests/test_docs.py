"""Generated docs are current, and every CLI command is documented."""

from __future__ import annotations

from pathlib import Path

from spinekg._docs import queries_markdown
from spinekg.queries import registry

ROOT = Path(__file__).resolve().parents[1]


def test_queries_page_is_current() -> None:
    page = (ROOT / "docs" / "queries.md").read_text()
    assert page == queries_markdown(), "run `python -m spinekg._docs`"


def test_enough_competency_queries() -> None:
    assert len(registry()) >= 25
