"""mahattat on Microsoft Recognizers-Text's Arabic date/time specs (12 files).

Usage::

    .venv/bin/python bench/recognizers.py [--json] [--misses FILE] [--file Date ...]
                                          [--families] [--out NAME]

``--file`` takes kinds (``Date``, ``DatePeriod``, ``Duration``, ``Time``, ``TimePeriod``,
``Holiday``: both the Extractor and the Parser file) or full file names
(``DateParser``). ``--misses FILE`` writes every failing expected result (input,
expected, what we produced) grouped by failure kind and expression family, then the
spurious predictions; it quotes the spec's sentences, so write it outside the
repository (e.g. ``/tmp/recognizers-misses.md``). ``--json`` prints the figures as JSON
instead of tables; ``--out NAME`` also writes them to ``bench/results/NAME``.

What is counted (span recall, value accuracy, precision, throughput) is described in
``bench/recognizers_lib.py``. Bars: span recall >= 95 %, value accuracy >= 85 %.

Value acceptance (each rule is applied to one overlapping predicted timex ``v``)
--------------------------------------------------------------------------------
The spec gives a ``Timex`` and, for the future and past readings, resolutions with
``date``, ``time``, ``value``, ``duration`` (seconds) or ``startDate``/``endDate``
(``startTime``/``endTime``). Our values are anchored TIMEX3 strings. ``v`` is accepted when
its normalized form is in the set of acceptable values built as follows:

* the ``Timex`` itself when it has no ``X`` and is not a range ``(a,b,d)``;
* every ``date``/``value`` of either resolution (so an unanchored ``XXXX-XX-15`` accepts
  the future ``2016-11-15`` and the past ``2016-10-15``, nothing else);
* ``Timex`` patterns with unknown years (``XXXX-03``, ``XXXX-10-02``): the pattern with
  the year of either resolution's date/startDate filled in;
* a seasonal ``Timex`` without a year (``SU``, resolutions empty): ``YYYY-SU`` with YYYY
  the reference year or the years just before and after it;
* an interval ``[startDate, endDate)`` of either resolution becomes every TIMEX3 value that
  denotes exactly that interval: a day, an ISO week ``2016-W46`` (Monday to Monday), a
  weekend ``2016-W45-WE`` (Saturday to Monday), a month, a quarter ``2016-Q3``, a half
  ``2016-H1``, a year, a decade ``197``, a century ``19`` (no season: the spec gives no
  season interval); and the interval written ``START/END`` as the project writes Hijri
  months, END being the last day (the spec's endDate minus a day). For a two-ended range
  (Timex ``(a,b,d)``) the spec's end is the day the text names: ``a/b``, and no single day;
* times: our ``2016-11-07T15:00``, ``T15:00``, ``T15`` and the spec's ``15:00:00``,
  ``T15`` are all reduced to ``HH:MM:SS``. When the spec's value is a bare time of day
  (the Time files carry no reference date), only the time of day is compared and our date
  part is ignored; parts of the day compare as ``TMO``/``TAF``/``TEV``/``TNI``;
* durations compare by meaning: both sides become (months, seconds) with Y = 12 months,
  W = 7 days, D = 86400 s, so ``P2W`` = ``P14D``, ``PT0.5H`` = ``PT30M``,
  ``P0.5Y`` = ``P6M``; years/months never equal days/seconds (``P1M`` != ``P30D``);
* a range expected as one span (Timex ``(a,b,d)`` or start/end resolutions): accepted when
  at least two predicted timexes overlap it and the first and the last of them (by
  offset) equal the start and the end of the same reading; an endpoint may be written at
  the granularity of the range's duration unit (``(2014-01-01,2018-01-01,P4Y)`` accepts
  ``2014`` .. ``2018``), and time ranges compare times of day;
* a range whose Timex carries a duration and whose text does not name two ends (no
  ``من``/``إلى``/``حتى``/``بين``/dash: ``(2016-11-08,2016-11-11,P3D)`` for "the next 3
  days") also accepts a DURATION with that duration: TIMEX3 annotates such spans as
  durations. A range written with two ends (``من 3 إلى 3:30``) never accepts a duration.

``mod`` is never compared: the spec has no mod. Nothing else is normalized: a date at a
coarser or finer granularity than the spec's, a different year, or a different time fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import recognizers_lib as lib
from rich.console import Console
from rich.table import Table

console = Console(width=max(Console().width, 150))
err_console = Console(stderr=True)


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def resolve_files(names: list[str] | None) -> list[str]:
    if not names:
        return list(lib.FILES)
    out: list[str] = []
    for name in names:
        matches = [f for f in lib.FILES if f == name or f in (f"{name}Extractor", f"{name}Parser")]
        if not matches:
            raise SystemExit(f"unknown spec file {name!r}; known: {', '.join(lib.FILES)}")
        out += [m for m in matches if m not in out]
    return out


def summary(report: lib.Report, files: list[str]) -> dict[str, Any]:
    total = report.total()
    drop_value, drop_span = lib.suspect_keys("value"), lib.suspect_keys("span")
    clean = report.total(drop_value, drop_span)
    return {
        "files": {f: report.per_file[f].as_dict() for f in files if f in report.per_file},
        "overall": total.as_dict(),
        "overall_without_spec_errors": {
            "excluded_cases": len({o.case.key for o in report.outcomes} & drop_value),
            **{k: v for k, v in clean.as_dict().items() if k not in ("preds", "spurious")},
        },
        "bars": {"span_recall": lib.BAR_RECALL, "value_accuracy": lib.BAR_VALUE},
        "pass": {
            "span_recall": (total.as_dict()["span_recall"] or 0) >= lib.BAR_RECALL,
            "value_accuracy": (total.as_dict()["value_accuracy"] or 0) >= lib.BAR_VALUE,
        },
        "errors": len(report.errors),
        "throughput": {
            "cases": total.cases,
            "chars": report.chars,
            "seconds": round(report.seconds, 3),
            "cases_per_s": round(total.cases / report.seconds, 1) if report.seconds else None,
            "chars_per_s": round(report.chars / report.seconds) if report.seconds else None,
        },
        "failures_by_family": failure_counts(report),
    }


def failure_counts(report: lib.Report) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for o in report.outcomes:
        out[o.family]["expected"] += 1
        out[o.family]["span_miss"] += not o.found
        out[o.family]["checked"] += o.value_ok is not None
        out[o.family]["value_wrong"] += o.value_ok is False and o.found
        out[o.family]["value_miss_no_span"] += o.value_ok is False and not o.found
    return {k: dict(v) for k, v in sorted(out.items())}


def print_tables(s: dict[str, Any], families: bool) -> None:
    table = Table(title="Recognizers-Text Arabic specs (relaxed span match)")
    cols = ("file", "cases", "expected", "span rec %", "strict %", "checked", "value %",
            "preds", "spurious", "precision %")  # fmt: skip
    for col in cols:
        table.add_column(col, justify="right")
    rows = [*s["files"].items(), ("OVERALL", s["overall"])]
    for name, d in rows:
        table.add_row(
            name, str(d["cases"]), str(d["expected"]), pct(d["span_recall"]),
            pct(d["strict_recall"]), str(d["checked"]), pct(d["value_accuracy"]),
            str(d["preds"]), str(d["spurious"]), pct(d["precision"]),
        )  # fmt: skip
    console.print(table)
    if families:
        print_families(s["failures_by_family"])
    o, c, t = s["overall"], s["overall_without_spec_errors"], s["throughput"]
    ok = s["pass"]
    console.print(
        f"(1) span recall {pct(o['span_recall'])} %  [bar >= {100 * lib.BAR_RECALL:.0f} %: "
        f"{'PASS' if ok['span_recall'] else 'FAIL'}]\n"
        f"(2) value accuracy {pct(o['value_accuracy'])} % of {o['checked']} checked  "
        f"[bar >= {100 * lib.BAR_VALUE:.0f} %: {'PASS' if ok['value_accuracy'] else 'FAIL'}]\n"
        f"without the {c['excluded_cases']} cases listed as spec errors: span recall "
        f"{pct(c['span_recall'])} %, value accuracy {pct(c['value_accuracy'])} % of "
        f"{c['checked']}\n"
        f"precision {pct(o['precision'])} % ({o['spurious']} spurious of {o['preds']}); "
        f"errors {s['errors']}; {t['cases']} cases in {t['seconds']} s "
        f"({t['cases_per_s']} cases/s, {t['chars_per_s']} chars/s)",
        markup=False,
        highlight=False,
    )


def print_families(fams: dict[str, dict[str, int]]) -> None:
    table = Table(title="By expression family")
    for col in ("family", "expected", "span miss", "checked", "value wrong", "no span"):
        table.add_column(col, justify="right")
    for name, d in sorted(fams.items(), key=lambda kv: -kv[1]["expected"]):
        table.add_row(name, str(d["expected"]), str(d["span_miss"]), str(d["checked"]),
                      str(d["value_wrong"]), str(d["value_miss_no_span"]))  # fmt: skip
    console.print(table)


def _got(preds: list[lib.Pred]) -> str:
    if not preds:
        return "(nothing)"
    return "; ".join(f"[{p.text}]@{p.start}-{p.end} {p.type} {p.value}"
                     + (f" mod={p.mod}" if p.mod else "") for p in preds)  # fmt: skip


def _line(o: lib.Outcome, preds_of: dict[str, list[lib.Pred]]) -> list[str]:
    """One failing expected result: input, expectation, what we produced."""
    e = o.expected
    note = lib.SUSPECT.get(o.case.key)
    lines = [
        f"- {o.case.key} ref={o.case.ref.date()}"
        + ("  [value checked]" if o.value_ok is not None else "")
        + f"  input: {o.case.input}",
        f"    expected: [{e.text}]@{e.start}-{e.end} {e.type} "
        + (f"timex={e.timex}" if e.timex is not None else "(span only)")
        + (f"  accepts: {o.accept}" if o.accept else ""),
        f"    got (overlapping): {_got(o.got)}",
    ]
    if not o.got:
        lines.append(f"    got (whole input): {_got(preds_of.get(o.case.key, []))}")
    if note:
        lines.append(f"    SPEC SUSPECT: {note[1]}")
    return lines


def write_misses(report: lib.Report, path: Path) -> int:
    """Write the failing results grouped by kind and family; return how many."""
    preds_of = report.preds
    groups: dict[str, dict[str, list[lib.Outcome]]] = defaultdict(lambda: defaultdict(list))
    for o in report.outcomes:
        if not o.found:
            groups["span missed (no overlapping timex)"][o.family].append(o)
        elif o.value_ok is False:
            groups["value wrong (span found)"][o.family].append(o)
    out: list[str] = ["# Recognizers-Text Arabic: failing cases", "", "| kind | family | n |"]
    out.append("|---|---|---:|")
    for kind, fams in groups.items():
        out += [f"| {kind} | {fam} | {len(v)} |" for fam, v in sorted(fams.items(),
                key=lambda kv: -len(kv[1]))]  # fmt: skip
    out.append("")
    n = 0
    for kind, fams in groups.items():
        out += [f"## {kind}: {sum(len(v) for v in fams.values())}", ""]
        for fam, items in sorted(fams.items(), key=lambda kv: -len(kv[1])):
            out += [f"### {fam}: {len(items)}", ""]
            for o in items:
                out += _line(o, preds_of)
                n += 1
            out.append("")
    out += [f"## spurious (overlapping no expected span of the input): {len(report.spurious)}", ""]
    for case, p in report.spurious:
        out.append(f"- {case.key} input: {case.input}\n    got: {_got([p])}")
    out += ["", f"## errors: {len(report.errors)}", ""]
    out += [f"- {case.key} input: {case.input}\n    {err}" for case, err in report.errors]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return n


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--json", action="store_true", help="print figures as JSON")
    p.add_argument("--misses", type=Path, help="write failing cases to this file")
    p.add_argument("--file", nargs="+", metavar="NAME", help="spec kinds or file names")
    p.add_argument("--families", action="store_true", help="also print per-family table")
    p.add_argument("--out", help="also write the JSON figures to bench/results/NAME")
    p.add_argument("--data", type=Path, default=lib.DATA_DIR, help="spec directory")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.is_dir():
        console.print(f"no spec directory at {args.data}")
        return 2
    from mahattat import extract

    files = resolve_files(args.file)
    pool = lib.pooled_spans(lib.load_cases(lib.FILES, args.data))
    cases = lib.load_cases(files, args.data)
    report = lib.evaluate(cases, extract, pool)
    s = summary(report, files)
    if args.misses:
        n = write_misses(report, args.misses)
        err_console.print(f"wrote {n} failing results to {args.misses}")
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
    else:
        print_tables(s, args.families)
    if args.out:
        from common import write_json

        err_console.print(f"wrote {write_json(args.out, s)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
