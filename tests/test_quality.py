"""Code quality gates run as tests: ruff, ruff format, mypy --strict, and `spinekg validate`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint() -> None:
    proc = _run("ruff", "check", "src", "tests", "benchmarks")
    assert proc.returncode == 0, proc.stdout


def test_ruff_format() -> None:
    proc = _run("ruff", "format", "--check", "src")
    assert proc.returncode == 0, proc.stdout


def test_mypy_strict() -> None:
    proc = _run("mypy", "--strict", "src")
    assert proc.returncode == 0, proc.stdout


def test_spinekg_build_check_and_validate() -> None:
    proc = _run("spinekg", "build", "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = _run("spinekg", "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "validation passed" in proc.stdout
