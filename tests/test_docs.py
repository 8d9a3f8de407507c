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


def test_faq_page_is_current_and_every_answer_runs() -> None:
    from spinekg._docs import FAQ, faq_markdown, run_cli

    assert len(FAQ) == 16
    for _question, commands in FAQ:
        for cmd in commands:
            code, text = run_cli(cmd)
            assert code == 0, f"spinekg {cmd}: {text}"
            assert text.strip() and "(no results)" not in text, f"spinekg {cmd} is empty"
    page = (ROOT / "docs" / "faq.md").read_text()
    assert page == faq_markdown(), "run `python -m spinekg._docs`"


def test_localization_page_is_current() -> None:
    from spinekg._docs import localization_markdown

    page = (ROOT / "docs" / "localization.md").read_text()
    assert page == localization_markdown(), "run `python -m spinekg._docs`"
