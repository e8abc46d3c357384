"""Shared helpers for the benchmarks: corpus loading, machine info, JSON output, RSS.

The corpus is read at run time from ``../shared/corpora``; no corpus text is ever
written to the repository (result files hold numbers only).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import resource
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # ../shared beside the repo
DEFAULT_CORPUS = SHARED / "corpora" / "ant-multisource-2018.jsonl.gz"
RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    published: str
    text: str


def iter_articles(path: Path = DEFAULT_CORPUS) -> Iterator[Article]:
    """Articles in file order that have non-empty text and a publication date."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row.get("text") or ""
            published = row.get("published")
            if text.strip() and published:
                yield Article(str(row.get("id")), published, text)


def load_articles(n: int, path: Path = DEFAULT_CORPUS) -> list[Article]:
    """The first ``n`` usable articles of the corpus."""
    out: list[Article] = []
    for art in iter_articles(path):
        if len(out) >= n:
            break
        out.append(art)
    return out


def rss_mb() -> float:
    """Current resident set size of this process in MB (Linux ``/proc``)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (``ru_maxrss`` is KiB).

    The kernel's high-water mark can lag the current RSS by a few pages, so the
    larger of the two is returned.
    """
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, rss_mb())


def machine_info() -> dict[str, Any]:
    """Where and when a result was measured."""
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def write_json(name: str, payload: dict[str, Any]) -> Path:
    """Write ``payload`` to ``bench/results/<name>`` and return the path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / name
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
