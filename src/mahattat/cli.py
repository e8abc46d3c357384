"""The ``mahattat`` command: a thin shell over the Python API.

Problems with the user's input end in one ``error: ...`` line on stderr and a nonzero
exit (1 for the input, 2 for a bad option), never a traceback; ``note:`` and ``warning:``
lines on stderr say what was assumed. Results go to stdout.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .eval.gold import GoldDoc, load_gold, load_predictions, pair, text_mismatches
from .eval.timex import Error, Score, metrics, score_corpus
from .io.formats import WRITERS, Writer, to_jsonl
from .io.read import (
    InputError,
    count_lines,
    display_name,
    doc_fields,
    has_arabic,
    iter_jsonl,
    read_text,
)
from .pipeline import extract, parse_published

app = typer.Typer(
    name="mahattat",
    help="Arabic news into dated event timelines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals would dump whole articles
)
eval_app = typer.Typer(help="Score mahattat against gold annotations.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(help="Rebuild mahattat's statistical models.", no_args_is_help=True)
app.add_typer(train_app, name="train")

# ANERcorp (CAMeL split) lives in ../shared beside the repository, or beside the cwd.
ANERCORP = Path("eval") / "anercorp"


def _say(kind: str, message: str) -> None:
    typer.echo(f"{kind}: {message}", err=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    _say("error", message)
    raise typer.Exit(code)


def _check_published(value: str | None) -> str | None:
    """``--published`` as an ISO date, or None when not given; exit 2 when invalid."""
    if value is None:
        return None
    try:
        return parse_published(value).isoformat()
    except ValueError as e:
        _fail(f"--published: {e}", 2)


def _today(why: str) -> str:
    today = dt.date.today().isoformat()
    _say("warning", f"{why}; using today, {today}, as the publication date")
    return today


# --- extract -------------------------------------------------------------------------

JSONL_CHUNK = 16  # lines a worker takes at a time: amortizes the inter-process hop


@app.command("extract")
def extract_cmd(
    source: Annotated[str, typer.Argument(metavar="FILE|-", help="Article text; - reads stdin.")],
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="Publication date, e.g. 2020-09-09.")
    ] = None,
    doc_id: Annotated[str | None, typer.Option("--id", help="Document id for the output.")] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help=f"{' | '.join(WRITERS)} (default json; jsonl with --jsonl)."
        ),
    ] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='Input is JSONL of {"id", "text", "published"}.')
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Processes for --jsonl (0: one per core).")
    ] = 1,
) -> None:
    """Tag the temporal expressions of an article (or of each JSONL line)."""
    fmt = fmt or ("jsonl" if jsonl else "json")
    if fmt not in WRITERS:
        _fail(f"unknown --format {fmt!r} (choose {', '.join(WRITERS)})", 2)
    if jsonl and fmt != "jsonl":
        _fail(f"--jsonl writes JSONL, one document a line; --format {fmt} is for one document", 2)
    if jsonl and doc_id is not None:
        _fail("--id names one document; with --jsonl each line carries its own id", 2)
    if jobs < 0:
        _fail("--jobs takes 0 (one per core) or more", 2)
    default = _check_published(published)
    try:
        if jsonl:
            _extract_jsonl(source, default, jobs or os.cpu_count() or 1)
        else:
            _extract_one(source, default, doc_id, WRITERS[fmt])
    except InputError as e:
        _fail(str(e))


def _extract_one(source: str, published: str | None, doc_id: str | None, writer: Writer) -> None:
    decoded = read_text(source)
    if decoded.note:
        _say("note", decoded.note)
    if not decoded.has_arabic:
        _say("note", f"{decoded.name} contains no Arabic letters: expect few or no timexes")
    published = published or _today("no --published date given")
    typer.echo(writer(extract(decoded.text, published, id=doc_id)))


# One JSONL line: (number, record, parse error, fallback date) -> (number, output line,
# error, has no Arabic, used the fallback date). Module-level so worker processes run it.
_Task = tuple[int, Any, str | None, str]
_Result = tuple[int, str | None, str | None, bool, bool]


def _tag_line(task: _Task) -> _Result:
    number, record, error, fallback = task
    if record is None:
        return number, None, error or "unreadable", False, False
    try:
        fields = doc_fields(record)
        published = parse_published(fields.published or fallback).isoformat()
    except ValueError as e:
        return number, None, str(e), False, False
    try:
        doc = extract(fields.text, published, id=fields.id, title=fields.title)
    except Exception as e:  # one failing document must not stop a batch
        return number, None, f"tagging failed ({type(e).__name__}: {e})", False, False
    return number, to_jsonl(doc), None, not has_arabic(fields.text), not fields.published


def _extract_jsonl(source: str, published: str | None, jobs: int) -> None:
    name = display_name(source)
    fallback = published or dt.date.today().isoformat()
    tasks = ((ln.number, ln.record, ln.error, fallback) for ln in iter_jsonl(source))
    done = bad = no_arabic = 0
    warned = published is not None
    with contextlib.ExitStack() as stack:
        if jobs > 1:
            pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(jobs))
            results = pool.imap(_tag_line, tasks, chunksize=JSONL_CHUNK)
        else:
            results = map(_tag_line, tasks)
        advance = stack.enter_context(_progress(count_lines(source), "tagging"))
        for number, line, error, lacks_arabic, used_fallback in results:
            if used_fallback and not warned:
                _today('a line has no "published" and no --published was given')
                warned = True
            if error is not None:
                bad += 1
                _say("error", f"{name} line {number}: {error}")
            else:
                _emit(line or "")
                done += 1
                no_arabic += lacks_arabic
            advance(number)
    if no_arabic:
        _say("note", f"{no_arabic} document(s) contain no Arabic letters")
    if bad:
        _fail(f"{bad} of {bad + done} lines in {name} were not tagged")
    if not done:
        _fail(f"{name} has no JSON lines")


def _emit(line: str) -> None:
    """Write one output line now (streaming); a closed pipe (``| head``) ends quietly."""
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush does not fail too.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None


@contextlib.contextmanager
def _progress(total: int | None, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal; yields ``advance(to)``."""
    console = Console(stderr=True)
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=total)
        yield lambda to: progress.update(task, completed=to)


# --- eval timex ----------------------------------------------------------------------


@eval_app.command("timex")
def eval_timex(
    gold: Annotated[
        str, typer.Argument(metavar="GOLD", help="*.gold.json, or JSONL of {id, dct, timexes}.")
    ],
    pred: Annotated[
        str | None, typer.Option("--pred", help="mahattat JSON/JSONL output; default: run it.")
    ] = None,
    docs: Annotated[
        str | None, typer.Option("--docs", help='JSONL of {"id", "text", "published"}.')
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    max_errors: Annotated[int, typer.Option("--max-errors", help="Errors to list.")] = 50,
) -> None:
    """Score temporal expressions against gold: spans, values and types (TempEval-3)."""
    warnings: list[str] = []
    failures: list[str] = []
    try:
        golds = load_gold(gold, docs)
        if pred:
            pairs, warnings = pair(golds, load_predictions(pred))
        else:
            pairs, failures = _tag_gold(golds)
    except InputError as e:
        _fail(str(e))
    for g in golds:
        for t in text_mismatches(g):
            _say(
                "warning", f"gold {g.id}: {t['text']!r} is not the text at {t['start']}-{t['end']}"
            )
    for w in warnings:
        _say("warning", w)
    for f in failures:
        _say("error", f)
    score = score_corpus((g.id, g.timexes, p) for g, p in pairs)
    if as_json:
        typer.echo(json.dumps(_json_report(score, len(pairs)), ensure_ascii=False, indent=2))
    else:
        _print_report(score, len(pairs), max_errors)
    if failures:  # scored as finding nothing there: the figures are not the tagger's
        raise typer.Exit(1)


def _tag_gold(golds: list[GoldDoc]) -> tuple[list[tuple[GoldDoc, list[Any]]], list[str]]:
    """Run the tagger on each gold document's text; a failure is reported, not raised."""
    pairs, failures = [], []
    with _progress(len(golds) if len(golds) > 1 else None, "tagging") as advance:
        for n, g in enumerate(golds, 1):
            if g.text is None:
                where = g.text_path or "--docs"
                raise InputError(f"no text for gold document {g.id} (looked in {where})")
            if g.dct is None:
                raise InputError(f"no publication date for gold document {g.id}")
            try:
                timexes = extract(g.text, g.dct, id=g.id).as_dict()["timexes"]
            except Exception as e:  # score the rest; say which document broke
                failures.append(f"tagging failed on {g.id} ({type(e).__name__}: {e})")
                timexes = []
            pairs.append((g, timexes))
            advance(n)
    return pairs, failures


def _json_report(score: Score, ndocs: int) -> dict[str, Any]:
    errors = [{"kind": e.kind, "doc": e.doc, "gold": e.gold, "pred": e.pred} for e in score.errors]
    return {"documents": ndocs, **metrics(score.counts), "errors": errors}


def _print_report(score: Score, ndocs: int, max_errors: int) -> None:
    console = Console(highlight=False)
    m = metrics(score.counts)
    c = m["counts"]
    table = Table("", "P", "R", "F1", title="timex scores", title_justify="left")
    for label, key in (("strict span", "strict"), ("relaxed span", "relaxed"), ("value", "value")):
        table.add_row(label, *(f"{x:.3f}" for x in m[key].values()))
    table.add_row("value accuracy", "", "", f"{m['value_accuracy']:.3f}")
    table.add_row("type accuracy", "", "", f"{m['type_accuracy']:.3f}")
    console.print(table)
    console.print(
        f"{ndocs} document(s): {c['gold']} gold, {c['pred']} predicted, {c['relaxed']} matched"
    )
    for e in score.errors[:max_errors]:
        console.print(escape(_describe(e, show_doc=ndocs > 1)))
    if len(score.errors) > max_errors:
        console.print(f"… and {len(score.errors) - max_errors} more (--max-errors)")


def _describe(e: Error, show_doc: bool) -> str:
    def show(t: Any) -> str:
        return " ".join(str(x) for x in (t.get("type"), t.get("value"), t.get("mod")) if x)

    span = e.gold or e.pred or {}
    head = f"{e.kind:<12} {e.doc + '  ' if show_doc and e.doc else ''}"
    head += f"«{span.get('text', '')}» {span.get('start')}-{span.get('end')}"
    if e.kind in ("missed", "spurious"):
        return f"{head}  {show(span)}"
    return f"{head}  gold {show(e.gold)}, got {show(e.pred)}"


# --- NER: train and eval --------------------------------------------------------------


def _shared_file(rel: Path) -> Path:
    """``../shared/<rel>`` beside the cwd, else beside this repository's checkout."""
    for root in (Path.cwd().parent / "shared", Path(__file__).resolve().parents[3] / "shared"):
        if (root / rel).exists():
            return root / rel
    _fail(f"{rel} not found in ../shared; pass the path explicitly")


@train_app.command("ner")
def train_ner(
    train: Annotated[
        Path | None, typer.Option("--train", help="CoNLL file; default ANERcorp train.txt.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Model file; default the shipped model.")
    ] = None,
) -> None:
    """Train the CRF entity tagger (deterministic: the same data gives the same model)."""
    from .entities.model import default_path
    from .entities.train import train as fit

    source = train or _shared_file(ANERCORP / "train.txt")
    if not source.is_file():
        _fail(f"no such file: {source}")
    target = out or default_path()
    with _progress(None, f"training on {source.name}"):
        stats = fit(source, target)
    typer.echo(json.dumps({"model": str(target), **stats}, ensure_ascii=False, indent=2))


@eval_app.command("ner")
def eval_ner(
    test: Annotated[
        Path | None, typer.Option("--test", help="CoNLL file; default ANERcorp test.txt.")
    ] = None,
    model: Annotated[
        Path | None, typer.Option("--model", help="Model file; default the shipped model.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """Entity-level precision, recall and F1 (CoNLL exact match), micro and per type."""
    from .eval.ner import evaluate, render

    source = test or _shared_file(ANERCORP / "test.txt")
    if not source.is_file():
        _fail(f"no such file: {source}")
    if model is not None and not model.is_file():
        _fail(f"no such model: {model}")
    result = evaluate(source, model)
    typer.echo(json.dumps(result, indent=2) if as_json else render(result))


# --- ingest and search ---------------------------------------------------------------

DEFAULT_DB = "mahattat.db"


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="JSONL(.gz), CSV, WARC(.gz), or folders of .txt/.html."
        ),
    ],
    db: Annotated[str, typer.Option("--db", help="The store (created if missing).")] = DEFAULT_DB,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes (0: one per core).")] = 0,
    text_field: Annotated[str, typer.Option("--text-field")] = "text",
    date_field: Annotated[str, typer.Option("--date-field")] = "published",
    id_field: Annotated[str, typer.Option("--id-field")] = "id",
    title_field: Annotated[str, typer.Option("--title-field")] = "title",
    source_field: Annotated[str, typer.Option("--source-field")] = "source",
    url_field: Annotated[str, typer.Option("--url-field")] = "url",
) -> None:
    """Read archives, run the pipeline on every article, and store the results."""
    from .ingest.readers import Fields, count
    from .ingest.run import ingest
    from .store import StoreError

    if jobs < 0:
        _fail("--jobs takes 0 (one per core) or more", 2)
    fields = Fields(text_field, date_field, id_field, title_field, source_field, url_field)
    started = time.perf_counter()
    done = 0
    try:
        with _progress(count(paths, fields), "ingest") as advance:

            def step(n: int) -> None:
                nonlocal done
                done += n
                advance(done)

            report = ingest(paths, db, fields=fields, jobs=jobs, on_record=step)
    except StoreError as e:
        _fail(str(e))
    _ingest_summary(report, db, time.perf_counter() - started)


def _ingest_summary(report: Any, db: str, seconds: float) -> None:
    rate = report.read / seconds if seconds else 0.0
    typer.echo(
        f"{report.read} records read in {seconds:.1f} s ({rate:.0f}/s): {report.added} added, "
        f"{report.duplicates} already stored, {sum(report.bad.values())} rejected -> {db}"
    )
    for reason, n in report.bad.most_common():
        typer.echo(f"  rejected {n}: {reason}")
    for bad in report.examples:
        typer.echo(f"  {bad.origin}: {bad.reason}")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (all of them), in Arabic.")],
    db: Annotated[str, typer.Option("--db", help="The store.")] = DEFAULT_DB,
    start: Annotated[str | None, typer.Option("--from", help="Published on or after.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Published on or before.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Results to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, one hit a line.")] = False,
) -> None:
    """Ranked full-text search (bm25) over the stored articles."""
    from .store import Store, StoreError

    if not Path(db).is_file():
        _fail(f"no store at {db} (run mahattat ingest first)")
    start, end = _check_published(start), _check_published(end)
    try:
        with Store(db) as store:
            hits = store.search(query, start=start, end=end, source=source, limit=limit)
    except StoreError as e:
        _fail(str(e))
    if as_json:
        for h in hits:
            typer.echo(json.dumps(dataclasses.asdict(h), ensure_ascii=False))
        return
    table = Table("date", "source", "title / sentence", title=f"{len(hits)} hits")
    for h in hits:
        table.add_row(h.published, h.source or "", f"{h.title or h.doc_id}\n{h.snippet}")
    Console().print(table)


@eval_app.command("tls")
def eval_tls(
    pred: Annotated[str, typer.Argument(metavar="PRED", help="Predicted timeline (JSON).")],
    gold: Annotated[list[str], typer.Argument(metavar="GOLD...", help="Reference timeline(s).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    no_stem: Annotated[bool, typer.Option("--no-stem", help="Keep و and ال on words.")] = False,
    keep_stopwords: Annotated[
        bool, typer.Option("--keep-stopwords", help="Score function words too.")
    ] = False,
) -> None:
    """Timeline ROUGE (concat, agreement, align+ m:1) and date F1, as tilse computes them."""
    from .eval.tls import main

    flags = ["--json"] * as_json + ["--no-stem"] * no_stem + ["--keep-stopwords"] * keep_stopwords
    raise typer.Exit(main([pred, *gold, *flags]))


@app.command("timeline")
def timeline_cmd(
    query: Annotated[str, typer.Argument(help="The topic, in Arabic (all words must match).")],
    db: Annotated[str, typer.Option("--db", help="The store.")] = DEFAULT_DB,
    start: Annotated[str | None, typer.Option("--from", help="First day.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this outlet.")] = None,
    dates: Annotated[int, typer.Option("--dates", help="Days to keep.")] = 10,
    per_date: Annotated[int, typer.Option("--per-date", help="Sentences per day.")] = 1,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json|md|csv|timelinejs|vis")] = "md",
) -> None:
    """A dated timeline of QUERY across the store, each line pointing to its article."""
    from .store import Store, StoreError
    from .timelines import summarize
    from .timelines.export import WRITERS as TL_WRITERS

    if fmt not in TL_WRITERS:
        _fail(f"unknown --format {fmt!r} (choose {', '.join(TL_WRITERS)})", 2)
    if dates < 1 or per_date < 1:
        _fail("--dates and --per-date take 1 or more", 2)
    if not Path(db).is_file():
        _fail(f"no store at {db} (run mahattat ingest first)")
    start, end = _check_published(start), _check_published(end)
    try:
        with Store(db) as store:
            tl = summarize(
                store, query, start=start, end=end, source=source, dates=dates, per_date=per_date
            )
    except StoreError as e:
        _fail(str(e))
    if not tl.entries:
        _say("note", f"no dated sentence matches {query!r} in {db}")
    typer.echo(TL_WRITERS[fmt](tl))
