"""Generated documentation pages (kept in step with the code by tests)."""

from __future__ import annotations

from .queries import registry


def queries_markdown() -> str:
    """``docs/queries.md``: every stored query with its summary, parameters and columns."""
    lines = [
        "# Stored queries",
        "",
        "Generated from the headers of `queries/*.rq` by `python -m spinekg._docs` "
        "(a test checks it is current). Run any of them with "
        "`spinekg query NAME --param NAME=VALUE`; parameters are resolved as terms of the "
        "listed kinds and bound as IRIs, never pasted as text.",
        "",
        "| query | question | parameters | example | returns |",
        "|---|---|---|---|---|",
    ]
    for q in registry().values():
        params = "<br>".join(f"`{p.name}` ({' or '.join(p.kinds)})" for p in q.params) or "-"
        example = " ".join(
            f"--param {k}={v!r}" if " " in v else f"--param {k}={v}" for k, v in q.examples
        )
        cmd = f"`spinekg query {q.name} {example}`".replace(" `", "`") if example else "-"
        lines.append(f"| `{q.name}` | {q.summary} | {params} | {cmd} | {', '.join(q.returns)} |")
    return "\n".join(lines) + "\n"


#: The seed page's 16 questions, each answered by spinekg commands (docs/faq.md).
FAQ: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("What muscles are affected by L5?", ("innervated-by L5",)),
    (
        "Which part of the spine affects the leg muscles?",
        ("statements --topic anatomy", "plexus 'lumbar plexus'"),
    ),
    ("Can L5 S1 cause leg weakness?", ("conditions-of L5", "findings-of 'cauda equina syndrome'")),
    ("Can L5 cause leg pain?", ("findings-of 'L5 radiculopathy'",)),
    ("What are the symptoms of L5 nerve damage?", ("findings-of 'L5 radiculopathy'",)),
    ("What muscles are innervated by the L5 nerve?", ("muscles-tested L5",)),
    ("What spinal nerves affect the legs?", ("segmental-claims 'sciatic nerve'",)),
    ("How should I sleep with L5-S1 pain?", ("statements --topic sleep",)),
    ("How do you fix L5 nerve pain?", ("treatments-of 'lumbar disc herniation'",)),
    ("How do you fix L5 nerve damage?", ("treatments-of 'L5 radiculopathy'",)),
    ("How long does it take for an L5 nerve to heal?", ("statements --topic course",)),
    ("What is controlled by the L5 nerve?", ("dermatome L5", "muscles-tested L5")),
    ("What is L5-S1 spinal motion?", ("describe 'lumbosacral joint'",)),
    (
        "Which muscles are innervated by the L5 nerve root?",
        ("innervation-of 'fibularis longus'", "innervation-of 'medial head of gastrocnemius'"),
    ),
    ("What is the L5 myotome?", ("muscles-tested L5", "movement 'great toe extension'")),
    (
        "Can an L5-S1 disc herniated cause leg pain?",
        ("compressed-root --disc L5-S1 --type paracentral", "conditions-of 'L5-S1 disc'"),
    ),
)


def run_cli(command: str) -> tuple[int, str]:
    """Run one spinekg CLI command line in-process; return (exit code, stdout + stderr)."""
    import contextlib
    import io
    import shlex

    from .cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(shlex.split(command))
    return code, out.getvalue()


def faq_markdown() -> str:
    """``docs/faq.md``: every seed question with the spinekg command that answers it and the
    command's real output."""
    lines = [
        "# The seed FAQ, answered by spinekg",
        "",
        "The questions our first users brought (`shared/seed/`), each answered by spinekg "
        "commands. The outputs below are real: `python -m spinekg._docs` regenerates this page "
        "and a test fails when it is stale. Every answer carries its sources (see "
        "`spinekg query sources`).",
        "",
        "> Educational reference, not medical advice.",
        "",
    ]
    for i, (question, commands) in enumerate(FAQ, start=1):
        lines += [f"## {i}. {question}", ""]
        for cmd in commands:
            code, text = run_cli(cmd)
            lines += ["```console", f"$ spinekg {cmd}", text.rstrip(), "```", ""]
            if code != 0:
                lines += [f"(exit code {code})", ""]
    return "\n".join(lines).rstrip() + "\n"


#: Worked localizations for docs/localization.md: (title, explanation, command).
LOCALIZATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "Foot drop with tibialis posterior and gluteus medius spared",
        "Weak ankle dorsiflexion and great-toe extension point at the L5 root or the fibular "
        "nerves. Tibialis posterior (tibial nerve) and gluteus medius (superior gluteal nerve) "
        "share the L5 root but not the fibular nerve, so sparing them argues for a fibular lesion.",
        'localize --weak "tibialis anterior" --weak "extensor hallucis longus" '
        '--spared "tibialis posterior" --spared "gluteus medius"',
    ),
    (
        "Foot drop with tibialis posterior and gluteus medius weak",
        "The same foot drop, but the muscles that share only the root are weak too: a root "
        "lesion explains every finding, a fibular nerve lesion cannot.",
        'localize --weak "tibialis anterior" --weak "extensor hallucis longus" '
        '--weak "tibialis posterior" --weak "gluteus medius"',
    ),
    (
        "Hip abductor and extensor weakness",
        "Gluteus medius and gluteus maximus weakness with a normal tibialis anterior: the "
        "candidates are the roots both muscles share and the nerves of each; the ranking shows "
        "which single lesion explains both and what to test next.",
        'localize --weak "gluteus medius" --weak "gluteus maximus" --spared "tibialis anterior"',
    ),
)


def localization_markdown() -> str:
    """``docs/localization.md``: three worked localizations with real outputs."""
    lines = [
        "# From examination to lesion: three worked localizations",
        "",
        "`spinekg localize` ranks single lesions (a root, a plexus part or a nerve) by how well "
        "they explain the findings. Each candidate lists what it explains, what it "
        "contradicts (a spared muscle it predicts to be weak), what it cannot explain, and "
        "which findings rest on root claims the sources disagree about, and the sources behind "
        "what it explains (the segmental claims for a root, the innervation links for a "
        "nerve, the sourced findings of a condition). `fit` scores the "
        "findings alone; `score` adds the two stated assumptions below (parsimony and a "
        "plexus prior), so candidates with the same `fit` explain the findings equally well "
        "and their order comes from those assumptions. Equal scores are reported as ties. "
        "The outputs below are real (regenerated by `python -m spinekg._docs`, checked "
        "by a test).",
        "",
        "> Educational reference, not medical advice.",
        "",
    ]
    for i, (title, text, cmd) in enumerate(LOCALIZATIONS, start=1):
        _code, out = run_cli(cmd)
        lines += [
            f"## {i}. {title}",
            "",
            text,
            "",
            "```console",
            f"$ spinekg {cmd}",
            out.rstrip(),
            "```",
            "",
        ]
    lines += MODEL_NOTES
    return "\n".join(lines).rstrip() + "\n"


MODEL_NOTES = [
    "## How the ranking is computed",
    "",
    "The forward model is computed from the graph when `localize` is first called:",
    "",
    "- **Root** (spinal nerve): every muscle, movement, reflex and skin area a source names the "
    "root for. A root named by at least half of the sources with a claim is a firm prediction "
    "(weight 1); a minority root weighs its share and is flagged as uncertain. Its dermatome "
    "areas, and the sourced findings of that root's radiculopathy, are added. The 'roots of the "
    "brachial plexus' (ventral rami) are merged into their spinal nerve.",
    "- **Peripheral nerve**: everything innervated by it or by one of its branches, its "
    "reflex arcs, and the sourced findings of its mononeuropathy.",
    "- **Plexus part** (trunk, division, cord): everything downstream in the branch tree "
    "(trunks are formed from plexus roots, cords from divisions), but a muscle counts only as "
    "far as sources name one of the roots that form the part for that muscle (the same for "
    "a reflex: the lower trunk carries the triceps reflex only as far as sources name C8 for "
    "it; and for a skin area sources give roots for: the T1 root does not numb the little "
    "finger through the ulnar nerve, since sources name C8 for it). A trunk, division or cord "
    "also numbs the areas of its nerves that no source gives roots for; a root of the plexus "
    "does not, since a root's skin is its sourced dermatome.",
    "- **Continuations**: the anterior division of the lower trunk continues as the medial "
    "cord and gives no branch of its own, so the two predict exactly the same deficits; the "
    "ranking lists the cord and names the division in `same_as` (a plexus part formed from "
    "one other part alone, with identical predictions). Other lesions that happen to predict "
    "the same (a nerve and the same nerve at a site; two intercostal nerves the data cannot "
    "tell apart) stay separate candidates and are reported as ties.",
    "- **Cauda equina**: every root it holds, plus the sourced findings of cauda equina "
    "syndrome; the conus medullaris carries the findings of conus medullaris syndrome.",
    "- **Nerve at a named site** (from each mononeuropathy with a site, e.g. the common "
    "fibular nerve at the fibular head, the radial nerve at the spiral groove): what the "
    "nerve affects, minus what that condition's sourced 'preserved' findings say is spared "
    "there (elbow extension at the spiral groove), and minus the branches and muscles "
    "sources say leave the nerve above the site (`ontology/src/site_sparing_core.tsv`: the "
    "forearm branches and palmar cutaneous branch at the carpal tunnel, the long head of "
    "triceps and the posterior cutaneous nerve of the arm at the spiral groove, the short "
    "head of biceps femoris at the fibular head, the calf muscles and their reflex at the "
    "tarsal tunnel, the forearm muscles and the palmar and dorsal cutaneous branches at "
    "Guyon's canal). Other sites and finer branch order are not curated yet.",
    "",
    "- **Movement or muscle group** (a finding, not a lesion): a movement stands for the "
    "muscles performing it and a muscle group (the intrinsic muscles of the hand) for its "
    "members; a lesion affects it by the share of those muscles it affects, so a lesion of "
    "every hip adductor explains weak hip adduction fully and a lesion of some of them in "
    "part. A numb skin area that a lesion does not supply as a whole counts by the share of "
    "its parts the lesion supplies, the rest of the area counting as one more part (named "
    "parts need not cover it): the ulnar nerve explains numbness of the ulnar side of "
    "the hand through its branches to the medial palm, hypothenar eminence, medial dorsum "
    "and medial one and a half fingers (largely, not fully); a lesion at Guyon's canal, "
    "which spares the dorsal and palmar cutaneous branches, explains less of it.",
    "",
    "Scoring: an explained weakness counts +1 (times its weight), an explained numb area or "
    "reduced reflex +0.75, an unexplained finding counts against, and a muscle reported "
    "normal that the lesion predicts weak counts -1.5 (a movement or group reported normal "
    "counts by the same share). Two modelling choices are assumptions, "
    "not sourced facts: a small parsimony term (0.05 x log2 of the number of predicted "
    "deficits) prefers the lesion that predicts fewer unobserved deficits, and a prior of "
    "-0.5 for a plexus part and -1 for a whole plexus or the cauda equina prefers a single "
    "root when it explains the pattern as well (plexus lesions typically involve several "
    "roots: https://www.cnsneurosurgery.com.au/brachial-plexopathy-versus-cervical-"
    "radiculopathy/, read 2026-11-30). Both are constants in `spinekg/_localize.py`.",
    "",
    "## Validation on sourced vignettes",
    "",
    "`tests/data/vignettes.tsv` holds 42 cases, each transcribed from one published teaching "
    "table, case or article (URL per row), written from the sources and not from the engine's "
    "output. Run `python tests/vignettes.py` for the per-case ranks. Last run (2026-11-30): "
    "the expected lesion ranked first, alone, in 37 of 42 (88%) and in the top three in 42 of "
    "42 (100%), the issue's targets (85% and 100%). The cases not ranked first are genuine "
    "ambiguities (L3 vs the femoral nerve when only quadriceps and thigh sensation are "
    "given; the ulnar nerve vs its deep branch when only hand muscles are weak; Erb's palsy "
    "vs C5 when only C5/C6 muscles are listed), one source conflict (adductor pollicis, "
    "spared in a C8 case but claimed for C8 by other sources, rank 3) and a Klumpke case "
    "(rank 3, after C8 and the medial cord) whose findings (weak intrinsic hand muscles, "
    "numb medial forearm and ulnar hand, normal biceps and triceps reflexes) C8 alone or the "
    "medial cord explain as well as the lower trunk; what separates them in the source, "
    "Horner syndrome, is not a localize input. The classic pairs (L5 vs "
    "common fibular, C8 vs ulnar, C6 vs C7, L4 vs femoral, C5 vs axillary, S1 vs tibial) are "
    "separated, and the tests check that the losing lesion fails on the discriminating "
    "finding the sources name.",
    "",
    "## Charts",
    "",
    "`spinekg chart --region lower-limb -o chart.svg` (also `.png`, `.html`, regions "
    "`upper-limb`, `lower-limb`, `trunk`) draws muscles grouped by nerve against roots with "
    'matplotlib (`pip install "spinekg[chart]"`); each cell shows how many of the sources '
    "name the root. Without `-o` it prints the cells. `spinekg dermatomes` lists every "
    "dermatome with its ISNCSCI key sensory point.",
    "",
]


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    Path("docs/queries.md").write_text(queries_markdown(), encoding="utf-8")
    Path("docs/faq.md").write_text(faq_markdown(), encoding="utf-8")
    Path("docs/localization.md").write_text(localization_markdown(), encoding="utf-8")
    print("wrote docs/queries.md, docs/faq.md and docs/localization.md")  # noqa: T201
