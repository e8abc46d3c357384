"""The ``mahattat`` command: a thin shell over the Python API (parse, call, print).

Problems with the user's input end in one ``error: ...`` line on stderr and a nonzero
exit (1 for the input, 2 for a bad option), never a traceback; ``note:`` and ``warning:``
lines on stderr say what was assumed. Results go to stdout.

A user meets the whole command's wall time, so each command imports what it needs when
it runs: ``search`` never loads the pipeline, ``--help`` loads nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from .io.records import BadRecord, RawArticle
    from .store import Query, Store

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

# The names of ``io.formats.WRITERS`` (a test keeps them equal), known without importing
# the writers: the help text must not load the pipeline.
DOC_FORMATS = (
    "json", "jsonl", "timeml", "table", "md", "csv", "timelinejs", "vis",
    "timelinejs-html", "vis-html",
)  # fmt: skip
TIMELINE_FORMATS = ("json", "md", "csv", "timelinejs", "vis", "timelinejs-html", "vis-html")
# The names of ``timelines.METHODS``, the first the default (a test keeps them equal).
TIMELINE_METHODS = ("datewise", "busiest-days", "milestones", "cite-count")
# Those of ``timelines.MILESTONE_METHODS``: values of any grain, over every period.
MILESTONE_METHODS = ("milestones", "cite-count")
# Bounds of ``timeline --dates`` and ``--per-date``: a timeline's cost grows with both.
MAX_DATES = 200
MAX_PER_DATE = 20
DEFAULT_DB = "mahattat.db"
# ANERcorp (CAMeL split) lives in ../shared beside the repository, or beside the cwd.
ANERCORP = Path("eval") / "anercorp"


def _say(kind: str, message: str) -> None:
    typer.echo(f"{kind}: {message}", err=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    _say("error", message)
    raise typer.Exit(code)


def _page_installed(fmt: str) -> None:
    """Exit with the way to install them when a page format's npm packages are missing
    (``timelinejs-html``, ``vis-html`` inline their library)."""
    if not fmt.endswith("-html"):
        return
    from .io.pages import installed
    from .web.assets import AssetError

    try:
        installed(fmt)
    except AssetError as e:
        _fail(str(e))


def _date_option(value: str | None, option: str) -> str | None:
    """An ISO date option (``--published``, ``--from``...) or None; exit 2 naming the
    option when it is not a date."""
    if value is None:
        return None
    from .pipeline import parse_published

    try:
        return parse_published(value).isoformat()
    except ValueError as e:
        _fail(f"{option}: {e}", 2)


def _range_option(value: str | None, option: str) -> str | None:
    """``--from``/``--to`` of a timeline: a year (``2003``), a month (``2003-03``) or an
    ISO date, or None; exit 2 naming the option otherwise."""
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?", value):
        return value
    with contextlib.suppress(ValueError):  # as parse_published, without the pipeline
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    expected = "expected e.g. 2003, 2003-03 or 2003-03-20"
    _fail(f"{option}: not a year, month or day: {value!r} ({expected})", 2)


def _as_days(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """A year or month range as its first and last day (the day methods take days)."""
    first = None if start is None else (start + "-01-01")[:10]
    if end is None or len(end) == 10:
        return first, end
    y, m = int(end[:4]), int(end[5:7]) if len(end) == 7 else 12
    last = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
    return first, last.isoformat()


def _today(why: str) -> str:
    today = dt.date.today().isoformat()
    _say("warning", f"{why}; using today, {today}, as the publication date")
    return today


@contextlib.contextmanager
def _progress(total: int | None, label: str) -> Iterator[Callable[..., None]]:
    """A progress bar on stderr when it is a terminal; yields ``advance(to, total=None)``
    (a total known only later is given with a step)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=total)
        yield lambda to, total=None: progress.update(task, completed=to, total=total)


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
            "--format", "-f", help=f"{' | '.join(DOC_FORMATS)} (default json; jsonl with --jsonl)."
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
    from .io.read import InputError

    fmt = fmt or ("jsonl" if jsonl else "json")
    if fmt not in DOC_FORMATS:
        _fail(f"unknown --format {fmt!r} (choose {', '.join(DOC_FORMATS)})", 2)
    if jsonl and fmt != "jsonl":
        _fail(f"--jsonl writes JSONL, one document a line; --format {fmt} is for one document", 2)
    if jsonl and doc_id is not None:
        _fail("--id names one document; with --jsonl each line carries its own id", 2)
    if jobs < 0:
        _fail("--jobs takes 0 (one per core) or more", 2)
    _page_installed(fmt)
    default = _date_option(published, "--published")
    try:
        if jsonl:
            _extract_jsonl(source, default, jobs or os.cpu_count() or 1)
        else:
            _extract_one(source, default, doc_id, fmt)
    except InputError as e:
        _fail(str(e))


def _extract_one(source: str, published: str | None, doc_id: str | None, fmt: str) -> None:
    from .io.formats import WRITERS
    from .io.read import read_text
    from .pipeline import extract

    decoded = read_text(source)
    if decoded.note:
        _say("note", decoded.note)
    if not decoded.has_arabic:
        _say("note", f"{decoded.name} contains no Arabic letters: expect few or no timexes")
    published = published or _today("no --published date given")
    typer.echo(WRITERS[fmt](extract(decoded.text, published, id=doc_id)))


def _extract_jsonl(source: str, published: str | None, jobs: int) -> None:
    from .io.parallel import batched, ordered_map
    from .io.read import has_arabic
    from .io.records import BadRecord, Fields, RawArticle, count, read, source_name
    from .pipeline import warm_up

    name = source_name(source)
    fields = Fields(published_default=published or dt.date.today().isoformat())
    tasks = batched(read([source], fields, jsonl=True), JSONL_CHUNK)
    done = bad = no_arabic = 0
    warned = published is not None
    with _progress(count([source], jsonl=True), "tagging") as advance:
        for batch, results in ordered_map(_tag_batch, tasks, jobs=jobs, warm_up=warm_up):
            for item, result in zip(batch, results, strict=True):
                if isinstance(result, BadRecord):
                    if result.origin == name:  # the whole file: nothing else to say
                        _fail(f"{name}: {result.reason}")
                    bad += 1
                    _say("error", f"{result.origin}: {result.reason}")
                    continue
                assert isinstance(item, RawArticle)
                if item.assumed_date and not warned:
                    _today('a line has no "published" and no --published was given')
                    warned = True
                _emit(result)
                done += 1
                no_arabic += not has_arabic(item.text)
            advance(done + bad)
    if no_arabic:
        _say("note", f"{no_arabic} document(s) contain no Arabic letters")
    if bad:
        _fail(f"{bad} of {bad + done} lines in {name} were not tagged")
    if not done:
        _fail(f"{name} has no JSON lines")


def _tag_batch(batch: list[RawArticle | BadRecord]) -> list[str | BadRecord]:
    """Each record of the batch as a JSONL line, or a ``BadRecord`` (also for a record the
    tagger fails on: one document must not stop a batch). Module-level: workers run it."""
    from .io.formats import to_jsonl
    from .io.records import BadRecord
    from .pipeline import extract

    out: list[str | BadRecord] = []
    for item in batch:
        if isinstance(item, BadRecord):
            out.append(item)
            continue
        try:
            doc = extract(item.text, item.published, id=item.id, title=item.title)
        except Exception as e:
            out.append(BadRecord(item.origin, f"tagging failed ({type(e).__name__}: {e})"))
        else:
            out.append(to_jsonl(doc))
    return out


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
    from .eval import gold as golds_
    from .eval.timex import render, report, score_corpus
    from .io.read import InputError

    warnings: list[str] = []
    failures: list[str] = []
    try:
        golds = golds_.load_gold(gold, docs)
        if pred:
            pairs, warnings = golds_.pair(golds, golds_.load_predictions(pred))
        else:
            total = len(golds) if len(golds) > 1 else None
            with _progress(total, "tagging") as advance:
                pairs, failures = golds_.tag(golds, advance)
    except InputError as e:
        _fail(str(e))
    for g in golds:
        for t in golds_.text_mismatches(g):
            _say(
                "warning", f"gold {g.id}: {t['text']!r} is not the text at {t['start']}-{t['end']}"
            )
    for w in warnings:
        _say("warning", w)
    for f in failures:
        _say("error", f)
    score = score_corpus((g.id, g.timexes, p) for g, p in pairs)
    if as_json:
        typer.echo(json.dumps(report(score, len(pairs)), ensure_ascii=False, indent=2))
    else:
        typer.echo(render(score, len(pairs), max_errors))
    if failures:  # scored as finding nothing there: the figures are not the tagger's
        raise typer.Exit(1)


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


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="JSONL(.gz), CSV, WARC(.gz), Parquet, folders of .txt/.html/.parquet, or"
            " the output folder of mahattat batch (stored as it is, not extracted again).",
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
    from .ingest.run import ingest
    from .io.records import Fields, count
    from .store import StoreError

    if jobs < 0:
        _fail("--jobs takes 0 (one per core) or more", 2)
    fields = Fields(text_field, date_field, id_field, title_field, source_field, url_field)
    started = time.perf_counter()
    done = 0
    try:
        with _progress(count(paths), "ingest") as advance:

            def step(n: int) -> None:
                nonlocal done
                done += n
                advance(done)

            report = ingest(paths, db, fields=fields, jobs=jobs, on_record=step)
    except StoreError as e:
        _fail(str(e))
    typer.echo(report.summary(db, time.perf_counter() - started))


# --- batch ---------------------------------------------------------------------------


@app.command("batch")
def batch_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="JSONL(.gz), CSV, Parquet, WARC(.gz), or folders of .txt/.html/.parquet.",
        ),
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="The folder of Parquet datasets.")],
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="A running Dask scheduler, e.g. tcp://host:8786."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Local worker processes (default: one per core)."),
    ] = None,
    size: Annotated[
        int, typer.Option("--partition-size", help="Records a partition (one task).")
    ] = 2000,
    text_field: Annotated[str, typer.Option("--text-field")] = "text",
    date_field: Annotated[str, typer.Option("--date-field")] = "published",
    id_field: Annotated[str, typer.Option("--id-field")] = "id",
    title_field: Annotated[str, typer.Option("--title-field")] = "title",
    source_field: Annotated[str, typer.Option("--source-field")] = "source",
    url_field: Annotated[str, typer.Option("--url-field")] = "url",
) -> None:
    """Run the pipeline over archives on a Dask cluster, out to Parquet by month."""
    if scheduler and workers is not None:
        _fail("--workers starts a local cluster; with --scheduler the cluster has its own", 2)
    if workers is not None and workers < 1:
        _fail("--workers takes 1 or more", 2)
    if size < 1:
        _fail("--partition-size takes 1 or more", 2)
    if Path(out).exists() and not Path(out).is_dir():
        _fail(f"--out {out} is a file, not a folder")
    _batch(
        paths,
        Path(out),
        scheduler,
        workers or 0,
        size,
        (text_field, date_field, id_field, title_field, source_field, url_field),
    )


def _batch(
    paths: list[str],
    out: Path,
    scheduler: str | None,
    workers: int,
    size: int,
    names: tuple[str, str, str, str, str, str],
) -> None:
    from .batch.run import batch
    from .io.records import Fields

    with _progress(None, "partitions") as advance:
        try:
            report = batch(
                paths,
                out,
                fields=Fields(*names),
                workers=workers,
                scheduler=scheduler,
                size=size,
                say=lambda line: _say("note", line),
                on_done=advance,
            )
        except (ValueError, OSError) as e:
            _fail(str(e))
    typer.echo(report.summary(out))
    if report.failed:
        why = f" (first: {report.error})" if report.error else ""
        _fail(f"{report.failed} partitions failed{why}; run the same command again to retry them")


QUERY_HELP = (
    'Arabic words to find, all of them; "a phrase"; a | b (or OR) for either; -word or '
    '-"a phrase" to exclude (after -- when the query starts with -).'
)
VARIANTS_HELP = "Also match the other spellings of each word found in the store."


def _query(store: Store, text: str, variants: bool) -> Query:
    """The parsed query, with the other spellings of its words when asked; a note on
    stderr names them either way. Raises ``QueryError``."""
    from .store import parse_query
    from .store.variants import by_word

    q = parse_query(text)
    found = store.variants(q)
    if found:
        listed = ", ".join(f"{v.term} ({v.articles:,} articles)" for v in found)
        if variants:
            _say("note", f"with other spellings: {listed}")
            return q.with_alternatives(by_word(found))
        _say("note", f"also spelled: {listed}; add --variants to include them")
    return q


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help=QUERY_HELP)],
    db: Annotated[str, typer.Option("--db", help="The store.")] = DEFAULT_DB,
    start: Annotated[str | None, typer.Option("--from", help="Published on or after.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Published on or before.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Results to show.")] = 20,
    variants: Annotated[bool, typer.Option("--variants", help=VARIANTS_HELP)] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, one hit a line.")] = False,
) -> None:
    """Ranked full-text search (bm25) over the stored articles (the store is only read)."""
    from .store import QueryError, Store, StoreError

    start, end = _date_option(start, "--from"), _date_option(end, "--to")
    try:
        with Store(db) as store:
            q = _query(store, query, variants)
            hits = store.search(q, start=start, end=end, source=source, limit=limit)
            total = store.count(q, start, end, source) if len(hits) == limit else len(hits)
    except QueryError as e:
        _fail(str(e), 2)
    except StoreError as e:
        _fail(str(e))
    if total > len(hits):
        _say("note", f"{len(hits)} of {total:,} matching articles shown; --limit to see more")
    if as_json:
        for h in hits:
            typer.echo(json.dumps(h.as_dict(), ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    from .time.values import label

    title = f"{len(hits)} of {total:,} matching articles"
    table = Table("date", "source", "title / sentence", title=title)
    for h in hits:
        day = f"{h.published}\n{label(h.published)}"
        table.add_row(day, h.source or "", f"{h.title or h.doc_id}\n{h.snippet}")
    Console().print(table)


# --- timelines -------------------------------------------------------------------------


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
    from .eval import tls

    try:
        predicted = tls.load_named(pred)
        refs = [tls.load_named(g) for g in gold]
    except ValueError as e:
        _fail(str(e), 2)
    result = tls.evaluate(predicted, refs, stem=not no_stem, ignore_stopwords=not keep_stopwords)
    typer.echo(json.dumps(result, indent=2) if as_json else tls.render(result))


@app.command("timeline")
def timeline_cmd(
    query: Annotated[str, typer.Argument(help=QUERY_HELP)],
    db: Annotated[str, typer.Option("--db", help="The store.")] = DEFAULT_DB,
    start: Annotated[str | None, typer.Option("--from", help="First day, month or year.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day, month or year.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this outlet.")] = None,
    dates: Annotated[int, typer.Option("--dates", help=f"Days to keep (1 to {MAX_DATES}).")] = 10,
    per_date: Annotated[
        int, typer.Option("--per-date", help=f"Sentences per day (1 to {MAX_PER_DATE}).")
    ] = 1,
    method: Annotated[
        str | None,
        typer.Option("--method", "-m", help=" | ".join(TIMELINE_METHODS) + " (datewise)"),
    ] = None,
    milestones: Annotated[
        bool,
        typer.Option(
            "--milestones",
            help="The topic's milestones over every period the articles speak of (years,"
            " months, days); --from/--to then bound the milestones, not the articles.",
        ),
    ] = False,
    variants: Annotated[bool, typer.Option("--variants", help=VARIANTS_HELP)] = False,
    max_articles: Annotated[
        int | None,
        typer.Option(
            "--max-articles",
            help="Read at most this many best matches (0: all; default in settings.json).",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=" | ".join(TIMELINE_FORMATS))] = "md",
) -> None:
    """A dated timeline of QUERY across the store, each line pointing to its article."""
    if fmt not in TIMELINE_FORMATS:
        _fail(f"unknown --format {fmt!r} (choose {', '.join(TIMELINE_FORMATS)})", 2)
    method = method or (MILESTONE_METHODS[0] if milestones else TIMELINE_METHODS[0])
    if method not in TIMELINE_METHODS:
        _fail(f"unknown --method {method!r} (choose {', '.join(TIMELINE_METHODS)})", 2)
    if milestones and method not in MILESTONE_METHODS:
        _fail(f"--milestones takes --method {' or '.join(MILESTONE_METHODS)}, not {method}", 2)
    if not 1 <= dates <= MAX_DATES:
        _fail(f"--dates takes 1 to {MAX_DATES}", 2)
    if not 1 <= per_date <= MAX_PER_DATE:
        _fail(f"--per-date takes 1 to {MAX_PER_DATE}", 2)
    if max_articles is not None and max_articles < 0:
        _fail("--max-articles takes 0 (all) or more", 2)
    if not Path(db).is_file():
        _fail(f"no store at {db} (run mahattat ingest first)")
    _page_installed(fmt)
    start, end = _range_option(start, "--from"), _range_option(end, "--to")
    if start and end and start[: len(end)] > end[: len(start)]:
        _fail(f"--from {start} is after --to {end}", 2)
    if method not in MILESTONE_METHODS:
        start, end = _as_days(start, end)
    from .io.timeline import WRITERS as TL_WRITERS
    from .store import QueryError, Store, StoreError
    from .timelines import summarize

    try:
        with Store(db) as store:
            q = _query(store, query, variants)
            tl = summarize(
                store, q if variants else query, start=start, end=end, source=source,
                dates=dates, per_date=per_date, method=method, limit=max_articles,
            )  # fmt: skip
    except QueryError as e:
        _fail(str(e), 2)
    except StoreError as e:
        _fail(str(e))
    if tl.read is not None:
        _say(
            "note",
            f"read the {tl.read:,} best of {tl.articles:,} matching articles (bm25); "
            "--max-articles 0 reads them all, slower",
        )
    if not tl.entries:
        _say("note", f"no dated sentence matches {query!r} in {db}")
    typer.echo(TL_WRITERS[fmt](tl))


# --- serve -------------------------------------------------------------------------------

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command("serve")
def serve_cmd(
    db: Annotated[
        str | None, typer.Option("--db", help=f"The store, read only (default {DEFAULT_DB}).")
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (this machine only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="Let pages from this origin call the API (repeat)."),
    ] = None,
    max_body_mb: Annotated[
        float | None, typer.Option("--max-body-mb", help="Largest request body (413 above).")
    ] = None,
    time_limit: Annotated[
        float | None, typer.Option("--time-limit", help="Seconds a request may take (504 after).")
    ] = None,
) -> None:
    """The newsroom's page and the JSON API (OpenAPI at /docs) over the store."""
    if not 0 < port < 65536:
        _fail("--port takes 1 to 65535", 2)
    if max_body_mb is not None and max_body_mb <= 0:
        _fail("--max-body-mb takes a positive size", 2)
    if time_limit is not None and time_limit <= 0:
        _fail("--time-limit takes a positive number of seconds", 2)
    for origin in cors_origin or ():
        if not re.fullmatch(r"https?://[^/\s]+", origin):
            _fail(f"--cors-origin {origin!r}: an origin is scheme://host[:port], no path", 2)
    path = Path(db or DEFAULT_DB)
    if path.is_dir():
        _fail(f"{path} is a folder, not a store")
    if path.is_file():
        from .store import Store, StoreError

        try:
            Store(path).close()  # refuse another program's file now, not on each request
        except StoreError as e:
            _fail(str(e))
    else:
        _say("note", f"no store at {path} yet: the page extracts pasted text; "
                     f"mahattat ingest ARCHIVE --db {path} fills it")  # fmt: skip
    import uvicorn

    from .server import ServerSettings, create_app

    limit = None if max_body_mb is None else int(max_body_mb * 1024 * 1024)
    local = host in LOOPBACK
    settings = ServerSettings.load(
        max_body_bytes=limit,
        time_limit=time_limit,
        cors_origins=tuple(cors_origin or ()),
        hosts=("127.0.0.1", "localhost", "[::1]") if local else (),
    )
    if not local:
        _say("warning", f"listening on {host}: other machines can reach the server")
    _free(host, port)
    from .pipeline import warm_up

    warm_up()  # the lexicons and the entity model now, not on the first pasted article
    _say("note", f"serving {path if path.is_file() else 'no store'} on http://{host}:{port}/")
    uvicorn.run(create_app(path, settings=settings), host=host, port=port, log_level="warning")


def _free(host: str, port: int) -> None:
    """Exit with one line when ``host:port`` cannot be listened on (in use, no such
    address), before the pipeline loads and uvicorn prints its own lines."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            s.bind(infos[0][4])
    except OSError as e:
        _fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
