"""Who did it, to whom, and when: the events stage against ``bench/events-dev/gold.json``.

Usage::

    .venv/bin/python bench/events_eval.py [--split tune|heldout|all] [--show]

Each article is read from ``../shared/corpora`` by id and run through ``extract``. A gold
event is matched to the predicted event whose span overlaps it most (the same date
first), one to one. Actor F1 and target F1 count entity names: a predicted actor is its
entity's text and, for a repeated mention, the text of the mention it repeats (``ref``);
it matches a gold name when both fold (``mahattat.text.arabic.fold``) to the same words,
or when the shorter of two names of several words is a run of the longer's words
(``غاويش أوغلو`` in ``مولود غاويش أوغلو``). Gold names of unmatched gold events count as
missed; predicted events no gold event matches are not scored for names (their dates
count against the chronology). Date F1 compares the distinct dates of each article's
chronology with the gold ones. ``--show`` prints every miss. Writes
``results/events_eval.json`` (numbers only).
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import SHARED, write_json

from mahattat import extract
from mahattat.records import Document, Event
from mahattat.text.arabic import fold

GOLD = Path(__file__).resolve().parent / "events-dev" / "gold.json"


@dataclass
class Score:
    """Hits among the predicted items (precision) and among the gold ones (recall)."""

    pred_hits: int = 0
    pred: int = 0
    gold_hits: int = 0
    gold: int = 0

    def add(self, pred_hits: int, pred: int, gold_hits: int, gold: int) -> None:
        self.pred_hits, self.pred = self.pred_hits + pred_hits, self.pred + pred
        self.gold_hits, self.gold = self.gold_hits + gold_hits, self.gold + gold

    def prf(self) -> dict[str, float]:
        p = self.pred_hits / self.pred if self.pred else 0.0
        r = self.gold_hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


@dataclass
class Tally:
    actors: Score = field(default_factory=Score)
    targets: Score = field(default_factory=Score)
    dates: Score = field(default_factory=Score)
    events: int = 0
    matched: int = 0


def _words(name: str) -> tuple[str, ...]:
    return tuple(fold(name).replace("ـ", "").split())


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal, or the shorter name of several words is a run of the longer's words."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 2:
        return False
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _names(doc: Document, ids: Iterable[str]) -> list[set[tuple[str, ...]]]:
    """Each predicted entity as its spellings (its own text, the mention it repeats)."""
    by_id = {e.id: e for e in doc.entities}
    out = []
    for i in ids:
        e = by_id[i]
        spell = {_words(e.text)}
        if e.ref and e.ref in by_id:
            spell.add(_words(by_id[e.ref].text))
        out.append(spell)
    return out


def _score_names(score: Score, pred: list[set[tuple[str, ...]]], gold: list[str]) -> list[str]:
    """Add one event's names to ``score``; the gold names missed."""
    pred = [p for i, p in enumerate(pred) if p not in pred[:i]]
    want = [_words(g) for g in gold]
    hit_gold = [any(same_name(g, s) for p in pred for s in p) for g in want]
    hit_pred = sum(any(same_name(g, s) for g in want for s in p) for p in pred)
    score.add(hit_pred, len(pred), sum(hit_gold), len(want))
    return [g for g, hit in zip(gold, hit_gold, strict=True) if not hit]


def _match(gold: list[dict[str, Any]], events: tuple[Event, ...]) -> list[Event | None]:
    """Each gold event's predicted event: the most overlapping one of the same date,
    else of any date, one to one."""
    used: set[int] = set()
    out: list[Event | None] = [None] * len(gold)
    for same_date in (True, False):
        for n, g in enumerate(gold):
            if out[n] is not None:
                continue
            best, most = None, 0
            for k, ev in enumerate(events):
                overlap = min(g["end"], ev.end) - max(g["start"], ev.start)
                if k in used or overlap <= most or (same_date and ev.date != g["date"]):
                    continue
                best, most = k, overlap
            if best is not None:
                used.add(best)
                out[n] = events[best]
    return out


def _texts(ids: set[str]) -> dict[str, tuple[str, str]]:
    out = {}
    for path in sorted((SHARED / "corpora").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("id") in ids:
                    out[row["id"]] = (row["text"], row["published"])
    return out


def evaluate(articles: list[dict[str, Any]], show: bool = False) -> Tally:
    texts = _texts({a["id"] for a in articles})
    tally = Tally()
    for art in articles:
        text, published = texts[art["id"]]
        doc = extract(text, published=published)
        gold = art["events"]
        got = {e.date for e in doc.events}
        want = {g["date"] for g in gold}
        tally.dates.add(len(got & want), len(got), len(got & want), len(want))
        tally.events += len(gold)
        for g, ev in zip(gold, _match(gold, doc.events), strict=True):
            tally.matched += ev is not None
            acts = _names(doc, ev.actors) if ev else []
            tars = _names(doc, getattr(ev, "targets", ())) if ev else []
            miss_a = _score_names(tally.actors, acts, g["actors"])
            miss_t = _score_names(tally.targets, tars, g["targets"])
            if show and (miss_a or miss_t or len(acts) > len(g["actors"])):
                shown = [sorted(" ".join(w) for w in p)[0] for p in acts]
                print(art["id"], g["date"], g["start"], "gold", g["actors"], g["targets"],
                      "got", shown, [sorted(" ".join(w) for w in p)[0] for p in tars])  # fmt: skip
    return tally


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["tune", "heldout", "all"], default="all")
    ap.add_argument("--show", action="store_true", help="print every event with a miss")
    args = ap.parse_args()
    articles = json.loads(GOLD.read_text("utf-8"))["articles"]
    splits = ["tune", "heldout"] if args.split == "all" else [args.split]
    results: dict[str, Any] = {}
    for split in splits:
        tally = evaluate([a for a in articles if a["split"] == split], args.show)
        results[split] = {
            "articles": sum(a["split"] == split for a in articles),
            "gold_events": tally.events,
            "matched_events": tally.matched,
            "actor": tally.actors.prf(),
            "target": tally.targets.prf(),
            "date": tally.dates.prf(),
        }
        r = results[split]
        a, t = r["actor"], r["target"]
        print(
            f"{split:8} articles {r['articles']}, events {tally.matched}/{tally.events} matched | "
            f"actor F1 {a['f1']:.3f} (P {a['p']:.3f} R {a['r']:.3f}) | "
            f"target F1 {t['f1']:.3f} (P {t['p']:.3f} R {t['r']:.3f}) | "
            f"date F1 {r['date']['f1']:.3f}"
        )
    if args.split == "all":
        write_json("events_eval.json", {"gold": str(GOLD.name), "results": results})


if __name__ == "__main__":
    main()
