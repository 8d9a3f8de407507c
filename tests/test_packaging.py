"""A built wheel ships the ontology, shapes and queries inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _build_wheel(tmp_path: Path) -> Path:
    proc = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return next(tmp_path.glob("spinekg-*.whl"))


def test_wheel_contains_data(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "spinekg/ontology/spinekg.ttl",
        "spinekg/ontology/spinekg-index.tsv",
        "spinekg/ontology/spinekg-release.json",
        "spinekg/ontology/spinekg.obo",
        "spinekg/ontology/spinekg.json",
        "spinekg/ontology/spinekg.owl",
        "spinekg/ontology/spinekg-relations.ttl",
        "spinekg/shapes/spinekg-shapes.ttl",
        "spinekg/queries/innervated_by_root.rq",
        "spinekg/py.typed",
    ):
        assert needed in names
    assert any(n.startswith("spinekg/queries/qc/") for n in names)


def test_wheel_command_is_a_plain_script_on_posix(tmp_path: Path) -> None:
    """The `spinekg` command is the script bin/spinekg (the installer points its `#!python` at
    the environment's interpreter), not an entry point, whose launcher imports re first; on
    Windows it is the entry point, for pip's .exe launcher."""
    wheel = zipfile.ZipFile(_build_wheel(tmp_path))
    names = set(wheel.namelist())
    entry_points = next((n for n in names if n.endswith("entry_points.txt")), None)
    if sys.platform == "win32":
        assert entry_points and "spinekg.cli:run" in wheel.read(entry_points).decode()
        return
    script = wheel.read("spinekg-0.1.0.data/scripts/spinekg").decode()
    assert script.startswith("#!python\n")
    assert "from spinekg.cli import run" in script and "import re" not in script
    assert entry_points is None or "spinekg" not in wheel.read(entry_points).decode()


def test_installed_wheel_answers_the_main_job(tmp_path: Path) -> None:
    """The README's first command, from a real wheel: install it (no deps: they are in this
    environment) into a fresh directory and run `spinekg innervated-by L5` away from the repo."""
    import json
    import os

    wheel = _build_wheel(tmp_path / "dist")
    target = tmp_path / "site"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "SPINEKG_CACHE_DIR": str(tmp_path / "c")}

    def answer(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done

    run = answer("-m", "spinekg", "innervated-by", "L5", "--format", "json")
    labels = {row["label"] for row in json.loads(run.stdout)}
    assert "tibialis anterior" in labels
    if sys.platform == "win32":
        return
    # the installed command itself, with the interpreter its shebang names, imports no re
    command = target / "bin" / "spinekg"
    assert command.read_text().startswith(f"#!{sys.executable}")
    proc = answer("-X", "importtime", str(command), "innervated-by", "L5")
    assert "tibialis anterior" in proc.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "spinekg.cli" in imported
    assert not imported & {"re", "json", "argparse", "typing"}
