"""A built wheel ships the ontology, shapes and queries inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_data(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("spinekg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "spinekg/ontology/spinekg.ttl",
        "spinekg/ontology/spinekg.owl",
        "spinekg/ontology/spinekg-relations.ttl",
        "spinekg/shapes/spinekg-shapes.ttl",
        "spinekg/queries/innervated_by_root.rq",
        "spinekg/py.typed",
    ):
        assert needed in names
    assert any(n.startswith("spinekg/queries/qc/") for n in names)
