"""Generate ``src/mahattat/data/entities/gazetteer-org.json``: organisation names mined
from the 41k articles of ``../shared/corpora``.

Two kinds, from the head words of ``data/entities/org-heads.json``:

- ``ORG.<kind>`` (``gov``, ``party``, ``force``, ``union``, ``econ``, ``edu``): a head
  that is part of the name followed by its modifiers, as the corpora write them: definite
  words (genitive nouns, nisba adjectives: ``وزارة الخارجية الأمريكية``), the same behind
  ``و`` or ``لل`` (``حزب العدالة والتنمية``, ``اللجنة العليا للانتخابات``), and first
  after the head a word without the article that is no indefinite adjective (``قوات
  سوريا الديمقراطية``, ``حركة حماس``; not after a head that names also follow:
  ``وكالة رويترز``); never a stop word, a very common word
  (Zipf ``MAX_ZIPF``) or more than ``MAX_MODIFIERS`` words. A phrase is kept when seen
  ``MIN_COUNT`` times and, past its first modifier, when its last word follows the rest
  at least ``MIN_SHARE`` of the time; its shorter forms are kept too.
- ``ORG.named``: one or two words that follow a head the name leaves out (``شركة``,
  ``صحيفة``, ``نادي``...) in at least ``MIN_NAMED_SHARE`` of all their occurrences
  (``أرامكو``, ``نيويورك تايمز``, ``الزمالك``), at least ``MIN_COUNT`` times; one word
  is no common word (Zipf ``MAX_NAMED_ZIPF``) and no nisba adjective (``الكتالوني``).

The output holds phrases (vocabulary), never text. Entries are folded and sorted, so a
re-run on the same corpora is byte-identical. About a minute. Rebuild
``corpus-labels.table`` and the model after it (see ``mahattat.entities.train``).
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from mahattat.datafile import load_json
from mahattat.entities.clitics import split
from mahattat.entities.features import TOKEN
from mahattat.text.arabic import zipf
from mahattat.text.normalize import fold, normalize
from mahattat.text.sentences import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/mahattat/data/entities/gazetteer-org.json"
CORPORA = ROOT.parent / "shared" / "corpora"
MIN_COUNT = 10
MIN_SHARE = 0.2
MAX_MODIFIERS = 4
MAX_ZIPF = 6.0  # الى, الذي, التي... end a name
FIRST_MAX_ZIPF = 5.6  # an article-less first modifier: a name, not a common word
MIN_NAMED_SHARE = 0.3
MAX_NAMED_ZIPF = 5.0
MIN_LETTERS = 3
QUOTES = frozenset('«"“')
NISBA = ("ي", "يه")  # folded endings of a nisba adjective (ي, ية)


def sentences(paths: list[Path]) -> Iterator[list[str]]:
    """Folded, lower-cased words of every sentence of every article's text."""
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                view = normalize(json.loads(line).get("text") or "")
                for s, e in sentence_spans(view):
                    yield [m.group().lower() for m in TOKEN.finditer(view.text, s, e)]


class Heads:
    def __init__(self) -> None:
        raw = load_json("entities/org-heads.json")
        self.inside = {fold(w): kind for kind, ws in raw["inside"].items() for w in ws}
        self.outside = frozenset(fold(w) for w in raw["outside"])
        self.stop = frozenset(fold(w) for w in raw["stop"])
        self.article = fold("ال")

    def head(self, word: str, table: dict[str, str] | frozenset[str]) -> str | None:
        """The word, or its clitic-less stem, when it is one of ``table``'s heads."""
        if word in table:
            return word
        stem = split(word)[1]
        return stem if stem in table else None

    def modifier(self, word: str, first: bool) -> bool:
        if word in self.stop or not word.isalpha() or len(word) < MIN_LETTERS:
            return False
        z = zipf(word)
        if z >= MAX_ZIPF:
            return False
        art = self.article
        if word.startswith((art, "و" + art, "ل" + art[1:] + art[1:])):
            return len(word) >= MIN_LETTERS + 2
        return first and z < FIRST_MAX_ZIPF and not word.endswith(NISBA)


def mine(heads: Heads, sents: Iterator[list[str]]) -> tuple[Counter, Counter, Counter, Counter]:
    chains: Counter[tuple[str, ...]] = Counter()
    after: Counter[tuple[str, ...]] = Counter()  # one or two words after an outside head
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for s in sents:
        n = len(s)
        unigrams.update(s)
        bigrams.update(itertools.pairwise(s))
        for i, w in enumerate(s):
            head = heads.head(w, heads.inside)
            if head is not None:
                # a head that also precedes names (وكالة رويترز) takes no article-less word
                bare = head not in heads.outside
                j, mods = i + 1, [head]
                while (
                    j < n
                    and len(mods) <= MAX_MODIFIERS
                    and heads.modifier(s[j], bare and j == i + 1)
                ):
                    mods.append(s[j])
                    chains[tuple(mods)] += 1
                    j += 1
            if heads.head(w, heads.outside) is not None:
                j = i + 2 if i + 1 < n and s[i + 1] in QUOTES else i + 1
                if j < n and s[j].isalpha():
                    after[(s[j],)] += 1
                    if j + 1 < n and s[j + 1].isalpha():
                        after[(s[j], s[j + 1])] += 1
    return chains, after, unigrams, bigrams


def chosen(chains: Counter) -> dict[tuple[str, ...], str]:
    keep = {
        p
        for p, c in chains.items()
        if c >= MIN_COUNT and (len(p) == 2 or c >= MIN_SHARE * chains[p[:-1]])
    }
    return {p: "" for p in keep if all(p[:k] in keep for k in range(2, len(p)))}


def named(heads: Heads, after: Counter, unigrams: Counter, bigrams: Counter) -> set[str]:
    out = set()
    for p, c in after.items():
        if c < MIN_COUNT:
            continue
        if len(p) == 1:
            w = p[0]
            nisba = w.startswith(heads.article) and w.endswith(NISBA)
            if (
                c >= MIN_NAMED_SHARE * unigrams[w]
                and len(w) >= MIN_LETTERS
                and zipf(w) < MAX_NAMED_ZIPF
                and not nisba
                and w not in heads.stop
            ):
                out.add(w)
        elif (
            c >= MIN_NAMED_SHARE * bigrams[p]
            and c >= 0.5 * after[p[:1]]
            and zipf(p[1]) < MAX_ZIPF
            and p[1] not in heads.stop
        ):
            out.add(" ".join(p))
    return out


def render(paths: list[Path]) -> str:
    heads = Heads()
    chains, after, unigrams, bigrams = mine(heads, sentences(paths))
    cats: dict[str, set[str]] = {}
    for p in chosen(chains):
        cats.setdefault(f"ORG.{heads.inside[p[0]]}", set()).add(" ".join(p))
    cats["ORG.named"] = named(heads, after, unigrams, bigrams)
    data: dict[str, object] = {
        "_source": "generated by scripts/build_org_gazetteer.py from ../shared/corpora "
        "and data/entities/org-heads.json"
    }
    data.update({k: sorted(v) for k, v in sorted(cats.items())})
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def main() -> None:
    started = time.time()
    OUT.write_text(render(sorted(CORPORA.glob("*.jsonl.gz"))), encoding="utf-8")
    data = json.loads(OUT.read_text("utf-8"))
    sizes = {k: len(v) for k, v in data.items() if not k.startswith("_")}
    print(f"wrote {OUT}: {sizes}, {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
