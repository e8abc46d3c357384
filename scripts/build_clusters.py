"""Generate ``src/mahattat/data/entities/clusters.table``: word clusters for the NER CRF.

A simple distributional method over the ANT corpora in ``../shared/corpora`` (41k
articles): each word seen at least twice (137k of them) is described by the words
seen one and two places to its left and right (counts of the most frequent context
words, turned into positive PMI with smoothed context probabilities), reduced to
``--dims`` dimensions with a seeded randomized SVD, then grouped by spherical k-means
at three granularities. Names
of people, places and organisations end up in clusters of their own, which helps the
CRF with names it never saw in training.

The output holds vocabulary only (``word<TAB>c64<TAB>c256<TAB>c1024``, folded like the
view), never text (3 MB). It needs numpy and scipy, which mahattat itself does not
(``pip install -e '.[scripts]'``); it runs in about 80 s. Seeds are
fixed, so a re-run on the same corpora and numpy gives the same file. Rebuild
``corpus-labels.table`` and the model after it (see ``mahattat.entities.train``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from mahattat.entities.features import TOKEN  # noqa: E402
from mahattat.text import wordtable  # noqa: E402
from mahattat.text.normalize import normalize  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "src/mahattat/data/entities/clusters.table"
OFFSETS = (-2, -1, 1, 2)
SEED = 13


def articles(paths: list[Path]) -> list[list[str]]:
    """Folded tokens of every article (title and text)."""
    docs = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = "\n".join(x for x in (rec.get("title"), rec.get("text")) if x)
                docs.append([t.lower() for t in TOKEN.findall(normalize(text).text)])
    return docs


def cooccurrences(
    docs: list[list[str]], vocab: dict[str, int], contexts: dict[str, int]
) -> sp.csr_matrix:
    n_ctx = len(contexts)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for doc in docs:
        w = np.array([vocab.get(t, -1) for t in doc], dtype=np.int64)
        c = np.array([contexts.get(t, -1) for t in doc], dtype=np.int64)
        for k, off in enumerate(OFFSETS):
            if len(doc) <= abs(off):
                continue
            ws, cs = (w[:-off], c[off:]) if off > 0 else (w[-off:], c[:off])
            keep = (ws >= 0) & (cs >= 0)
            rows.append(ws[keep])
            cols.append(cs[keep] + k * n_ctx)
    r, c = np.concatenate(rows), np.concatenate(cols)
    data = np.ones(len(r), dtype=np.float64)
    shape = (len(vocab), len(OFFSETS) * n_ctx)
    return sp.coo_matrix((data, (r, c)), shape=shape).tocsr()


def ppmi(m: sp.csr_matrix, alpha: float = 0.75) -> sp.csr_matrix:
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel() / total
    col = np.asarray(m.sum(axis=0)).ravel() ** alpha
    col /= col.sum()
    coo = m.tocoo()
    pmi = np.log((coo.data / total) / (row[coo.row] * col[coo.col]))
    keep = pmi > 0
    return sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)


def randomized_svd(m: sp.csr_matrix, dims: int, rng: np.random.Generator) -> np.ndarray:
    """Left singular vectors scaled by sqrt of the singular values (Halko et al.)."""
    q = m @ rng.standard_normal((m.shape[1], dims + 20))
    for _ in range(4):  # power iterations sharpen the spectrum
        q, _ = np.linalg.qr(m @ (m.T @ q))
    q, _ = np.linalg.qr(q)
    u, s, _ = np.linalg.svd((m.T @ q).T, full_matrices=False)
    return (q @ u)[:, :dims] * np.sqrt(s[:dims])


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 30) -> np.ndarray:
    """Spherical k-means (rows of ``x`` are unit vectors), k-means++ seeding."""
    centers = [x[rng.integers(len(x))]]
    dist = 1.0 - x @ centers[0]
    for _ in range(1, k):
        p = np.maximum(dist, 0) ** 2
        centers.append(x[rng.choice(len(x), p=p / p.sum())])
        dist = np.minimum(dist, 1.0 - x @ centers[-1])
    c = np.array(centers)
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                v = members.sum(axis=0)
                c[j] = v / np.linalg.norm(v)
    return labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vocab", type=int, default=300000, help="most words to cluster")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--contexts", type=int, default=2000, help="context words per side")
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--k", default="64,256,1024")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.time()
    docs = articles(sorted(CORPORA.glob("*.jsonl.gz")))
    counts = Counter(t for d in docs for t in d)
    print(f"{len(docs)} articles, {sum(counts.values())} tokens, {time.time() - t0:.0f}s")
    ranked = [w for w, n in counts.most_common() if n >= args.min_count]
    words = [w for w in ranked if any(ch.isalpha() for ch in w)][: args.vocab]
    vocab = {w: i for i, w in enumerate(words)}
    contexts = {w: i for i, w in enumerate(ranked[: args.contexts])}
    m = ppmi(cooccurrences(docs, vocab, contexts))
    rng = np.random.default_rng(SEED)
    emb = randomized_svd(m, args.dims, rng)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    print(f"embeddings {emb.shape}, {time.time() - t0:.0f}s")
    ks = [int(k) for k in args.k.split(",")]
    labels = [kmeans(emb, k, np.random.default_rng(SEED + k)) for k in ks]
    about = (
        "scripts/build_clusters.py from ../shared/corpora: word -> its cluster at "
        f"k = {', '.join(map(str, ks))}"
    )
    rows = {w: tuple(str(lab[i]) for lab in labels) for i, w in enumerate(words)}
    wordtable.write(args.out, rows, [f"k{k}" for k in ks], about)
    print(f"wrote {args.out}: {len(words)} words, {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
