"""Seeds are immutable (byte-identical to their checksums) and catalogued."""

import hashlib
from pathlib import Path

from zjcounty.data.tables import load
from zjcounty.paths import ROOT, SEEDS


def _manifest():
    lines = (SEEDS / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def test_every_seed_matches_its_checksum():
    manifest = _manifest()
    on_disk = {p.name for p in SEEDS.glob("*.txt")}
    assert on_disk == set(manifest), (
        "a seed was added or removed without updating SHA256SUMS"
    )
    for name, digest in manifest.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, (
            f"seeds/{name} changed"
        )


def test_catalogue_and_sources_table_agree():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    seeds = load("sources").query("kind == 'seed'")
    assert sorted(Path(p).name for p in seeds["path"]) == sorted(_manifest())
    for _, row in seeds.iterrows():
        line = next(
            (
                ln
                for ln in readme.splitlines()
                if ln.startswith(f"| {row['source_id']} |")
            ),
            None,
        )
        assert line, f"seeds/README.md has no row for {row['source_id']}"
        assert (
            Path(row["path"]).name in line
            and row["pub_date"] in line
            and row["script"] in line
        )


def test_the_catalogue_counts_its_seeds():
    """The catalogue's first sentence spells how many articles there are; a seed added without
    updating it leaves the reader's first line wrong."""
    words = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    first = (SEEDS / "README.md").read_text(encoding="utf-8").split("\n\n")[1].lower()
    assert first.startswith(words.split()[len(_manifest())] + " newspaper articles"), (
        first[:60]
    )


def test_the_held_out_keys_are_frozen():
    """The benchmark's held-out articles and keys are as committed when they were frozen: a key
    edited to suit the tool would make the held-out score meaningless."""
    import hashlib

    folder = ROOT / "benchmarks" / "heldout"
    pinned = dict(
        reversed(line.split(None, 1))
        for line in (folder / "SHA256SUMS").read_text().splitlines()
    )
    assert pinned, "benchmarks/heldout/SHA256SUMS is empty"
    for name, digest in pinned.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
