"""The builder: determinism, atomic writes, and clear errors with table, row and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spinekg.builder import build, render
from spinekg.errors import BuildError
from tests.conftest import MINI, ROOT


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(MINI / "ontology", tmp_path / "ontology")
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_build_twice_is_byte_identical(tmp_path: Path) -> None:
    """Building the same tables twice writes exactly the same bytes."""
    root = _copy(tmp_path)
    build(root)
    first = _snapshot(root)
    assert build(root) == []  # nothing stale on the second run
    assert _snapshot(root) == first


def test_real_tables_render_identically_twice() -> None:
    """The real ontology renders to the same text on every run (no random blank nodes)."""
    a = render(ROOT, allocate=False)
    b = render(ROOT, allocate=False)
    assert a == b


def test_committed_release_is_up_to_date() -> None:
    """`spinekg build --check`: the committed generated files match the tables."""
    assert build(ROOT, check=True) == []


def test_check_reports_stale_files(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    build(root)
    ttl = root / "ontology" / "spinekg.ttl"
    ttl.write_text(ttl.read_text() + "\n# edited by hand\n")
    assert ttl in build(root, check=True)


def _append(root: Path, table: str, line: str) -> None:
    path = root / "ontology" / "src" / table
    path.write_text(path.read_text() + line + "\n")


@pytest.mark.parametrize(
    ("table", "line", "expected"),
    [
        pytest.param(
            "muscles_fixture.tsv",
            "soleus\tsoleus\tlower_limb\t\tno_such_nerve\t\t\tA muscle.\tfixture_a\tp\t",
            "muscles_fixture.tsv row 5, column 'nerves': unknown reference 'no_such_nerve'",
            id="unknown-reference",
        ),
        pytest.param(
            "muscles_fixture.tsv",
            "gastrocnemius\tgastrocnemius two\tlower_limb\t\ttibial_nerve\t\t\tX y z."
            "\tfixture_a\tp\t",
            "duplicate key 'gastrocnemius'",
            id="duplicate-id",
        ),
        pytest.param(
            "segmental_claims_fixture.tsv",
            "tibialis_anterior\tL5\tmajor\t\tp\tn",
            "segmental_claims_fixture.tsv row 9, column 'source': missing source",
            id="missing-source",
        ),
        pytest.param(
            "segmental_claims_fixture.tsv",
            "tibialis_anterior\tL5\tmajor\tnot_a_source\tp\tn",
            "unknown source id 'not_a_source'",
            id="unknown-source",
        ),
        pytest.param(
            "segmental_claims_fixture.tsv",
            "tibialis_anterior\tL5\tstrong\tfixture_a\tp\tn",
            "column 'strength': 'strong' is not one of",
            id="bad-enum",
        ),
        pytest.param(
            "muscles_fixture.tsv",
            "too\tfew\tfields",
            "expected 11 tab-separated fields",
            id="short-row",
        ),
        pytest.param(
            "muscles_fixture.tsv",
            "soleus\tTibialis Anterior\tlower_limb\t\ttibial_nerve\t\t\tA muscle.\tfixture_a\tp\t",
            "duplicate label",
            id="duplicate-label",
        ),
        pytest.param(
            "muscles_fixture.tsv",
            "soleus\tsoleus\tlower_limb\t\tL5\t\t\tA muscle.\tfixture_a\tp\tUBERON 1",
            "is not a CURIE",
            id="bad-xref",
        ),
    ],
)
def test_bad_rows_are_reported_precisely(
    tmp_path: Path, table: str, line: str, expected: str
) -> None:
    root = _copy(tmp_path)
    build(root)
    before = _snapshot(root)
    _append(root, table, line)
    with pytest.raises(BuildError) as info:
        build(root)
    assert any(expected in p for p in info.value.problems), info.value.problems
    # nothing half-written: every generated file is as it was
    after = _snapshot(root)
    after.pop(f"ontology/src/{table}")
    before.pop(f"ontology/src/{table}")
    assert after == before


def test_ids_are_permanent_and_never_reused(tmp_path: Path) -> None:
    """Removing a row keeps its id reserved; a new key gets a fresh number."""
    root = _copy(tmp_path)
    build(root)
    ids = (root / "ontology" / "src" / "ids.tsv").read_text()
    assert "\ttibialis_anterior\t" not in ids  # format is key<TAB>id
    numbers = dict(line.split("\t") for line in ids.splitlines()[1:])
    _append(
        root,
        "muscles_fixture.tsv",
        "soleus\tsoleus\tlower_limb\t\ttibial_nerve\t\t\tA muscle.\tfixture_a\tp\t",
    )
    build(root)
    new = dict(
        line.split("\t")
        for line in (root / "ontology" / "src" / "ids.tsv").read_text().splitlines()[1:]
    )
    assert {k: new[k] for k in numbers} == numbers
    assert int(new["soleus"]) > max(int(v) for v in numbers.values())


def test_site_sparing_needs_a_condition_with_a_lesion_site(tmp_path: Path) -> None:
    """A 'leaves the nerve above the site' row for a condition without a site is an error."""
    shutil.copytree(ROOT / "ontology" / "src", tmp_path / "ontology" / "src")
    (tmp_path / "pyproject.toml").write_text("")
    _append(
        tmp_path,
        "site_sparing_core.tsv",
        "femoral_neuropathy\tpsoas_major\tmedscape_median_neuropathy\tx\ty",
    )
    with pytest.raises(BuildError) as info:
        render(tmp_path, allocate=False)
    assert any("'femoral_neuropathy' names no lesion site" in p for p in info.value.problems)
