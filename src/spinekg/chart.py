"""Kendall-style segmental charts: muscles (grouped by nerve) against roots, from the graph.

The data (:func:`segmental_chart`) needs only the graph; drawing (:func:`render_chart`) uses
matplotlib, installed with ``pip install "spinekg[chart]"``. Each cell shows how many of the
sources with a root claim for the muscle name that root: a filled square when at least half do
(the majority view), a hollow square for a minority (disputed) root, and ``m`` when a source
marks it as a minor contribution. Nothing is averaged away: the cell text gives ``k/n``.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .results import root_sort_key

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

REGIONS: dict[str, tuple[str, ...]] = {
    "upper-limb": ("upper_limb",),
    "lower-limb": ("lower_limb",),
    "trunk": ("neck", "back", "thorax", "abdomen", "diaphragm", "pelvic_floor"),
}


class Cell(NamedTuple):
    """One muscle x root cell: how many sources name the root, of how many, and strengths."""

    named_by: int
    of: int
    minor_only: bool

    @property
    def majority(self) -> bool:
        """At least half of the sources with a root claim for the muscle name this root."""
        return 2 * self.named_by >= self.of


class ChartRow(NamedTuple):
    """A muscle, the nerve it is grouped under, and its cells by root short name."""

    muscle: str
    nerve: str
    cells: dict[str, Cell]


class ChartData(NamedTuple):
    """A region's chart: its roots (craniocaudal) and its muscle rows (grouped by nerve)."""

    region: str
    roots: tuple[str, ...]
    rows: tuple[ChartRow, ...]


def _region_key(region: str) -> str:
    key = region.strip().casefold().replace("_", "-").replace(" ", "-")
    if key not in REGIONS:
        from .errors import InvalidQueryError

        raise InvalidQueryError(
            f"unknown chart region {region[:30]!r}; use one of: {', '.join(REGIONS)}"
        )
    return key


def segmental_chart(kg: KnowledgeGraph, region: str) -> ChartData:
    """The chart data of a region (``upper-limb``, ``lower-limb`` or ``trunk``).

    :raises InvalidQueryError: an unknown region
    """
    key = _region_key(region)
    wanted = REGIONS[key]
    muscles = kg.sparql(
        'SELECT ?m ?l ?r WHERE { ?m skg:kind "muscle" ; rdfs:label ?l ; skg:body_region ?r }'
    )
    in_region = {r["m"]: r["l"] for r in muscles if r["r"] in wanted}
    nerve_rank: dict[str, tuple[int, str]] = {}
    for r in kg.sparql(
        'SELECT ?m ?w ?nl WHERE { ?m skg:kind "muscle" ; obo:BFO_0000050? ?w . '
        "?w obo:RO_0002005 ?n . ?n rdfs:label ?nl }"
    ):
        if r["m"] in in_region:  # a head's own nerve (rank 0) wins over its whole's (rank 1)
            cand = (int(r["w"] != r["m"]), r["nl"])
            best = nerve_rank.get(r["m"])
            if best is None or cand < best:
                nerve_rank[r["m"]] = cand
    nerve_of = {m: nl for m, (_, nl) in nerve_rank.items()}
    per: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    strengths: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in kg.all_claims():
        if r["subject"] in in_region:
            per[r["subject"]][r["source"]].add(r["root"])
            strengths[(r["subject"], r["root"])].add(r["strength"])
    roots: set[str] = set()
    rows = []
    for m, label in in_region.items():
        by_source = per.get(m, {})
        n = len(by_source)
        counts: dict[str, int] = defaultdict(int)
        for named in by_source.values():
            for root in named:
                counts[root] += 1
        cells = {root: Cell(k, n, strengths[(m, root)] == {"minor"}) for root, k in counts.items()}
        roots |= set(cells)
        rows.append(ChartRow(label, nerve_of.get(m, "(nerve not recorded)"), cells))
    rows.sort(key=lambda row: (row.nerve, row.muscle))
    return ChartData(key, tuple(sorted(roots, key=root_sort_key)), tuple(rows))


def render_chart(data: ChartData, path: str | Path) -> Path:
    """Draw ``data`` to ``path``: ``.svg``, ``.png`` or a self-contained ``.html`` (inline SVG).

    :raises SpineKGError: matplotlib is not installed, or the suffix is not supported
    """
    from .errors import SpineKGError

    out = Path(path)
    suffix = out.suffix.casefold()
    if suffix not in (".svg", ".png", ".html"):
        raise SpineKGError(f"chart output must end in .svg, .png or .html, not {out.name!r}")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.patches import Rectangle
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SpineKGError('charts need matplotlib: pip install "spinekg[chart]"') from exc

    plt.rcParams["svg.fonttype"] = "none"  # keep labels as text (searchable, testable)
    plt.rcParams["svg.hashsalt"] = "spinekg"  # deterministic ids
    n_rows, n_cols = len(data.rows), len(data.roots)
    fig_h = max(3.0, 0.22 * n_rows + 1.6)
    fig_w = max(7.5, 6.0 + 0.45 * n_cols)
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xticks(range(n_cols), data.roots)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n_rows), [row.muscle for row in data.rows], fontsize=7)
    ax.tick_params(length=0)
    previous = None
    for i, row in enumerate(data.rows):
        if row.nerve != previous:
            ax.axhline(i - 0.5, color="0.6", lw=0.6)
            ax.text(
                n_cols - 0.4,
                i - 0.45,
                row.nerve,
                fontsize=6,
                va="top",
                ha="left",
                color="0.3",
                style="italic",
                clip_on=False,
            )
            previous = row.nerve
        for j, root in enumerate(data.roots):
            cell = row.cells.get(root)
            if cell is None:
                continue
            filled = cell.majority and not cell.minor_only
            ax.add_patch(
                Rectangle(
                    (j - 0.32, i - 0.32),
                    0.64,
                    0.64,
                    facecolor="0.15" if filled else "0.9",
                    edgecolor="0.15",
                    lw=0.8,
                    linestyle="-" if filled else "--",
                )
            )
            txt = f"{cell.named_by}/{cell.of}" + (" m" if cell.minor_only else "")
            ax.text(
                j,
                i + 0.02,
                txt,
                fontsize=4.5,
                ha="center",
                va="center",
                color="white" if filled else "black",
            )
    for j in range(n_cols + 1):
        ax.axvline(j - 0.5, color="0.85", lw=0.4)
    for side in ("right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(
        f"spinekg segmental chart: {data.region}\nk/n = sources naming the root / sources "
        "with a root claim; dark = majority, light dashed = minority or minor (m)\n"
        "educational reference, not medical advice",
        fontsize=7,
        loc="left",
        pad=18,
    )
    fig.tight_layout(rect=(0.0, 0.0, 0.8, 1.0))
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".html":
        import io

        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        out.write_text(_html(data, buf.getvalue()), encoding="utf-8")
    elif suffix == ".svg":
        fig.savefig(out, format="svg", metadata={"Date": None})
    else:
        fig.savefig(out, format="png", dpi=150, metadata={"Software": None})
    plt.close(fig)
    return out


def _html(data: ChartData, svg: str) -> str:
    from html import escape

    body = svg[svg.index("<svg") :]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>spinekg segmental chart: {escape(data.region)}</title></head><body>\n"
        f"<h1>spinekg segmental chart: {escape(data.region)}</h1>\n"
        "<p>Muscles grouped by nerve against spinal roots. Each cell: sources naming the root "
        "/ sources with a root claim for the muscle. Educational reference, not medical "
        "advice.</p>\n"
        f"{body}\n</body></html>\n"
    )


def chart_as_rows(data: ChartData) -> list[dict[str, Any]]:
    """The chart as JSON-ready rows (one per muscle x root cell)."""
    return [
        {
            "muscle": row.muscle,
            "nerve": row.nerve,
            "root": root,
            "sources_naming_root": cell.named_by,
            "sources_with_root_claims": cell.of,
            "majority": cell.majority,
            "minor_only": cell.minor_only,
        }
        for row in data.rows
        for root, cell in sorted(row.cells.items(), key=lambda kv: root_sort_key(kv[0]))
    ]
