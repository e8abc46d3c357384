"""mahattat on Microsoft Recognizers-Text's Arabic date/time specs (12 files).

Usage::

    .venv/bin/python bench/recognizers.py [--json] [--misses FILE] [--file Date ...]
                                          [--families] [--out NAME]

``--file`` takes kinds (``Date``, ``DatePeriod``, ``Duration``, ``Time``, ``TimePeriod``,
``Holiday``: both the Extractor and the Parser file) or full file names
(``DateParser``). ``--misses FILE`` writes every failing expected result (input,
expected, what we produced) grouped by failure kind and expression family, then the
spurious predictions. ``--json`` prints the figures as JSON instead of tables;
``--out NAME`` also writes them to ``bench/results/NAME``.

What is counted, and every normalization applied before two values are compared, is
documented in ``bench/recognizers_lib.py`` (module docstring). In short: relaxed span
recall (any character overlap), value accuracy over the results whose resolution the spec
checks (our value equals the Timex or a future/past resolution, after reducing times to
HH:MM:SS, durations to (months, seconds), intervals to the TIMEX3 value that names them
exactly, and accepting a range as two timexes for its two ends), precision against the
expected spans of the same input pooled over the 12 files, and throughput.
Bars: span recall >= 95 %, value accuracy >= 85 %.
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
        f"- {o.case.key} ref={o.case.ref.date()}  input: {o.case.input}",
        f"    expected: [{e.text}]@{e.start}-{e.end} {e.type} timex={e.timex}"
        + (f"  accepts: {o.accept}" if o.accept else ""),
        f"    got (overlapping): {_got(o.got)}",
    ]
    if not o.got:
        lines.append(f"    got (whole input): {_got(preds_of.get(o.case.key, []))}")
    if note:
        lines.append(f"    SPEC SUSPECT: {note[1]}")
    return lines


def write_misses(report: lib.Report, path: Path) -> int:
    preds_of = report.preds
    groups: dict[str, dict[str, list[lib.Outcome]]] = defaultdict(lambda: defaultdict(list))
    for o in report.outcomes:
        if not o.found:
            groups["span missed (no overlapping timex)"][o.family].append(o)
        elif o.value_ok is False:
            groups["value wrong (span found)"][o.family].append(o)
    out: list[str] = ["# Recognizers-Text Arabic: failing cases", ""]
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
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
