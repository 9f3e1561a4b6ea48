"""How fast the protocol audit reads and compares a research-sized set of protocols, on one core.

    python benchmarks/protocol_speed.py [--protocols N] [--pages P] [--seed S] [--pdf K]

Writes N synthetic protocols (default 150) of P pages each (default 30, about 420 words a page)
to a temporary folder as plain text with page breaks, from a seeded random generator: each is
made of sentences drawn from a pool of protocol sentences with numbers and names varied, and
one in five is a near-copy of another (a few sentences changed), as purchased texts are. It
then runs the whole audit (read, 14-item checklist, reading ease, blaming words, fingerprints,
every pair compared, shared passages quoted for near-copies) exactly as `supportfirst protocol
audit` does, and prints processor time (one core: the audit has no threads) and clock time.

It also audits the first N/3 and the full N with tracemalloc on and prints both peaks, to show
memory stays flat with the number of documents apart from the fingerprints. With --pdf K, it
also times reading K of the protocols as PDFs (WeasyPrint makes them first, untimed), as
PDFs are the slowest format to read.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from supportfirst.rules.protocol.audit import audit, path_source  # noqa: E402
from supportfirst.rules.protocol.documents import read_path  # noqa: E402

SENTENCES = [
    "The social worker will visit the family within {n} working days of the referral.",
    "Parents are asked what a usual week looks like for {name} and for the rest of the family.",
    "The child's bedroom must be seen during the assessment.",
    "We do not routinely look at the child's bedroom.",
    "The assessment is completed within 45 working days.",
    "A decision about the next step is made within one working day.",
    "Parent carers can ask for a parent carer's needs assessment at any time.",
    "Young carers are offered an assessment of their own needs.",
    "Direct payments can be used to arrange the support agreed.",
    "The short breaks services statement lists the breaks available in {name}.",
    "All practitioners are trained in this protocol each year.",
    "The team manager authorises the assessment within {n} working days.",
    "Information is shared with partner agencies where this is necessary.",
    "The family receives a copy of the assessment and can add their comments.",
    "The child will be seen alone where the worker considers this appropriate.",
    "The worker records the family's views in their own words.",
    "Children can have an independent advocate to help them say what they think.",
    "If you want to complain, the complaints procedure has three stages.",
    "Meeting {n} is held at a place the family chooses, such as a children's centre.",
    "Any concerns about harm are discussed with the team manager on the same day.",
    "Equipment and adaptations are considered with an occupational therapist.",
    "The plan is reviewed at least every {n} months with the family.",
    "The assessment considers the child's health, education and emotional development.",
    "Services are arranged once the team manager has agreed the plan.",
]
NAMES = ["Ashby", "Barfield", "Cowley", "Dunmore", "Elmstead", "Fairford", "Grantley", "Hexton"]
WORDS_PER_PAGE = 420


def make_protocol(rng: random.Random, pages: int) -> str:
    out = []
    for page in range(pages):
        paragraphs = []
        words = 0
        while words < WORDS_PER_PAGE:
            sentences = [
                rng.choice(SENTENCES).format(n=rng.randint(1, 99), name=rng.choice(NAMES))
                for _ in range(rng.randint(2, 5))
            ]
            paragraph = " ".join(sentences)
            words += len(paragraph.split())
            paragraphs.append(paragraph)
        out.append(f"Section {page + 1}\n\n" + "\n\n".join(paragraphs))
    return "\f".join(out)


def near_copy(rng: random.Random, text: str) -> str:
    paragraphs = text.split("\n\n")
    for _ in range(max(1, len(paragraphs) // 20)):
        index = rng.randrange(len(paragraphs))
        paragraphs[index] = paragraphs[index].replace("the", "our", 1)
    return "\n\n".join(paragraphs)


def write_set(folder: Path, count: int, pages: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths: list[Path] = []
    texts: list[str] = []
    for index in range(count):
        if texts and index % 5 == 4:
            text = near_copy(rng, rng.choice(texts))
        else:
            text = make_protocol(rng, pages)
        texts.append(text)
        path = folder / f"protocol-{index:03}.txt"
        path.write_text(text)
        paths.append(path)
    return paths


def timed_audit(paths: list[Path]) -> tuple[float, float, int, int]:
    start_cpu, start_clock = time.process_time(), time.perf_counter()
    run = audit([path_source(p) for p in paths])
    cpu, clock = time.process_time() - start_cpu, time.perf_counter() - start_clock
    return cpu, clock, len(run.pairs), sum(1 for p in run.pairs if p.near_copy)


def peak_memory(paths: list[Path]) -> int:
    tracemalloc.start()
    audit([path_source(p) for p in paths])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--protocols", type=int, default=150)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pdf", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = write_set(Path(folder), args.protocols, args.pages, args.seed)
        words = sum(read_path(p).words for p in paths[:3]) // 3
        print(f"{args.protocols} protocols of {args.pages} pages (about {words:,} words each)")
        cpu, clock, pairs, flagged = timed_audit(paths)
        print(
            f"audit and compare: {cpu:.1f} s of processor time, {clock:.1f} s by the clock; "
            f"{pairs:,} pairs compared, {flagged} near-copies flagged"
        )
        third = paths[: max(2, len(paths) // 3)]
        small, full = peak_memory(third), peak_memory(paths)
        print(
            f"peak memory traced: {small / 1e6:.1f} MB for {len(third)} protocols, "
            f"{full / 1e6:.1f} MB for {len(paths)} ({full / small:.2f}x)"
        )
        if args.pdf:
            from weasyprint import HTML

            pdfs = []
            for path in paths[: args.pdf]:
                body = "".join(
                    f"<p>{p}</p>" for p in path.read_text().replace("\f", "\n\n").split("\n\n")
                )
                pdf = path.with_suffix(".pdf")
                HTML(string=f"<html><body>{body}</body></html>").write_pdf(pdf)
                pdfs.append(pdf)
            start = time.process_time()
            for pdf in pdfs:
                read_path(pdf)
            per = (time.process_time() - start) / len(pdfs)
            print(f"reading a {args.pages}-page PDF: {per:.2f} s of processor time each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
