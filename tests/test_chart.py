"""Segmental charts: every muscle and root of a region from the graph appears in the SVG."""

from __future__ import annotations

from pathlib import Path

import pytest

import spinekg
from spinekg.chart import render_chart, segmental_chart
from spinekg.errors import InvalidQueryError

REGION_OF = {
    "upper-limb": {"upper_limb"},
    "lower-limb": {"lower_limb"},
    "trunk": {"neck", "back", "thorax", "abdomen", "diaphragm", "pelvic_floor"},
}


@pytest.mark.parametrize("region", sorted(REGION_OF))
def test_svg_has_every_muscle_and_root_of_the_region(region: str, tmp_path: Path) -> None:
    kg = spinekg.default_graph()
    # independent of the chart code: muscles of the region and the roots claimed for them
    rows = kg.sparql(
        'SELECT ?l ?reg ?root WHERE { ?m skg:kind "muscle" ; rdfs:label ?l ; '
        "skg:body_region ?reg . OPTIONAL { ?c skg:claim_subject ?m ; skg:claim_root ?r . "
        "?r skg:short_name ?root } }"
    )
    muscles = {r["l"] for r in rows if r["reg"] in REGION_OF[region]}
    roots = {r["root"] for r in rows if r["reg"] in REGION_OF[region] and r.get("root")}
    assert muscles and roots
    out = render_chart(segmental_chart(kg, region), tmp_path / f"{region}.svg")
    svg = out.read_text(encoding="utf-8")
    from html import escape

    missing = [m for m in muscles if f">{escape(m)}</text>" not in svg]
    assert not missing, missing[:5]
    missing_roots = [r for r in roots if f">{r}</text>" not in svg]
    assert not missing_roots, missing_roots


def test_png_and_html_outputs(tmp_path: Path) -> None:
    data = spinekg.default_graph().chart("lower-limb")
    png = render_chart(data, tmp_path / "c.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    html = render_chart(data, tmp_path / "c.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "tibialis anterior" in html


def test_cells_keep_disagreement_visible() -> None:
    data = spinekg.default_graph().chart("lower-limb")
    ta = next(r for r in data.rows if r.muscle == "tibialis anterior")
    assert ta.nerve == "deep fibular nerve"
    # sources disagree on tibialis anterior (segmental_claims_core: L4-L5 vs L5 only, ...)
    assert any(not c.majority or c.named_by < c.of for c in ta.cells.values())
    assert all(c.of >= c.named_by >= 1 for c in ta.cells.values())


def test_unknown_region_and_suffix_are_clear_errors(tmp_path: Path) -> None:
    kg = spinekg.default_graph()
    with pytest.raises(InvalidQueryError):
        kg.chart("elbow")
    with pytest.raises(spinekg.SpineKGError):
        render_chart(kg.chart("trunk"), tmp_path / "x.pdf")
