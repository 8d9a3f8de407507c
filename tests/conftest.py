"""Shared fixtures: the tiny fixture ontology (built into a temp dir) and the real one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from spinekg import KnowledgeGraph
from spinekg.builder import build
from spinekg.cli import main
from spinekg.graph import default_graph

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "data" / "mini"


def build_copy(src: Path, dest: Path) -> Path:
    """Copy a fixture's ``ontology/`` into ``dest`` and build it there."""
    shutil.copytree(src / "ontology", dest / "ontology")
    build(dest)
    return dest


@pytest.fixture(scope="session")
def mini_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_copy(MINI, tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="session")
def mini_kg(mini_root: Path) -> KnowledgeGraph:
    onto = mini_root / "ontology"
    return KnowledgeGraph(paths=[onto / "spinekg.ttl", onto / "spinekg-relations.ttl"])


@pytest.fixture(scope="session")
def kg() -> KnowledgeGraph:
    return default_graph()


CliResult = tuple[int, str, str]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    def run(*args: str) -> CliResult:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors and --help
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run
