"""README and CI stay in step: two set-up commands, and CI runs the test one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_exactly_two_setup_commands() -> None:
    cmds = _setup_commands()
    assert len(cmds) == 2
    assert cmds[0].startswith("pip install .") and "spinekg innervated-by L5" in cmds[0]
    assert "[test]" in cmds[1] and "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert _setup_commands()[1] in ci


def test_readme_has_disclaimer() -> None:
    assert "not medical advice" in (ROOT / "README.md").read_text()


def test_every_command_the_readme_shows_exists() -> None:
    """Each `spinekg COMMAND` line in the README's shell blocks names a registered command."""
    from spinekg.cli import COMMANDS

    names = {c[0] for c in COMMANDS}
    text = (ROOT / "README.md").read_text()
    shown = set()
    for block in re.findall(r"```bash\n(.+?)\n```", text, flags=re.S):
        for line in block.splitlines():
            for m in re.finditer(r"(?:^|&& |\| )spinekg ([a-z][a-z-]*)", line.strip()):
                shown.add(m.group(1))
    assert {"innervated-by", "serve", "load"} <= shown
    assert shown <= names, sorted(shown - names)


def test_readme_sparql_examples_answer() -> None:
    """The queries the README shows (one to paste into the endpoint's UI) run and answer."""
    from spinekg import default_graph

    text = (ROOT / "README.md").read_text()
    by_muscle, l5 = re.findall(r"```sparql\n(.+?)\n```", text, flags=re.S)
    rows = {r["muscle"]: r["roots"].split() for r in default_graph().sparql(by_muscle)}
    assert len(rows) > 150
    assert {"L4", "L5"} <= set(rows["tibialis anterior"])
    assert "tibialis anterior" in {r["muscle"] for r in default_graph().sparql(l5)}
