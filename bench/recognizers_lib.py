"""Scoring mahattat against Microsoft Recognizers-Text's Arabic date/time specs.

The specs (MIT) are read at run time from ``../shared/eval/recognizers-text-arabic``
(or ``$MAHATTAT_RECOGNIZERS_DIR``); none of their sentences is copied into the
repository. ``bench/recognizers.py`` is the command line; this module holds the logic so
that tests can import it.

Scope: the Extractor and Parser files of Date, DatePeriod, Duration, Time, TimePeriod and
Holiday (12 files). Every case is run through ``extract(Input, published=<reference
date>)``, the reference date being the date part of ``Context.ReferenceDateTime``, or
2016-11-07 when a case has none (the default of the Recognizers test runner; TimeParser
and all Extractor files have no context).

Metrics
-------
1. Span recall (relaxed): an expected result counts as found when some predicted timex
   shares at least one character with it. Strict recall (same start and end) is shown too.
2. Value accuracy: over the expected results whose resolution is checked (the result has a
   ``Value`` and the case's ``IgnoreResolution`` is absent or ``"false"``), the share for
   which some overlapping predicted timex has an accepted value.
3. Precision: predicted timexes overlapping at least one expected span, over all predicted
   timexes. Each spec file annotates a single kind (the Duration files do not mark the
   dates of the same sentence), so the expected spans of an input are pooled over the 12
   files before this figure is computed: an input that appears in two files counts the
   spans of both. Timexes that are right but belong to a kind no file annotates for that
   input (e.g. a duration inside a DatePeriod case) still count as spurious.
4. Throughput: cases and characters per second of ``extract`` over the loaded cases,
   timed after one warm-up call (lazy loading is start-up cost, not throughput).

``SUSPECT`` lists the cases judged wrong in the spec (``bench/recognizers-spec-notes.md``
gives the reasons); the command line also prints the two headline figures without them.
The bars are asserted on the raw figures.

Value acceptance: every rule and normalization is listed in the docstring of
``bench/recognizers.py`` (``--help`` prints it); ``accept_for``/``value_ok``/``range_ok``
below implement them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

# ../shared beside the repository, as CI and every checkout have it
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA_DIR = Path(
    os.environ.get("MAHATTAT_RECOGNIZERS_DIR", SHARED / "eval" / "recognizers-text-arabic")
)
KINDS = ("Date", "DatePeriod", "Duration", "Time", "TimePeriod", "Holiday")
FILES = tuple(f"{k}{r}" for k in KINDS for r in ("Extractor", "Parser"))
DEFAULT_REF = "2016-11-07T00:00:00"
BAR_RECALL = 0.95
BAR_VALUE = 0.85


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Expected:
    start: int
    end: int
    text: str
    type: str
    timex: str | None
    future: dict[str, str]
    past: dict[str, str]
    checked: bool


@dataclass(frozen=True, slots=True)
class Case:
    file: str
    index: int
    input: str
    ref: dt.datetime
    results: tuple[Expected, ...]

    @property
    def key(self) -> str:
        return f"{self.file}#{self.index}"

    @property
    def digest(self) -> str:
        return input_digest(self.input)


@dataclass(frozen=True, slots=True)
class Pred:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


def input_digest(text: str) -> str:
    """A short fingerprint of a spec sentence (to pin notes to cases without copying)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def parse_ref(raw: str | None) -> dt.datetime:
    """``2017-09-27T17:25:49.8210454+08:00`` -> naive datetime (fraction, zone dropped)."""
    text = (raw or DEFAULT_REF)[:19]
    return dt.datetime.fromisoformat(text)


def _expected(raw: dict[str, Any], checked_case: bool) -> Expected:
    value = raw.get("Value") or None
    start = int(raw["Start"])
    return Expected(
        start=start,
        end=start + int(raw["Length"]),
        text=raw["Text"],
        type=raw["Type"],
        timex=(value or {}).get("Timex"),
        future=dict((value or {}).get("FutureResolution") or {}),
        past=dict((value or {}).get("PastResolution") or {}),
        checked=checked_case and value is not None,
    )


def load_file(name: str, data_dir: Path = DATA_DIR) -> list[Case]:
    rows = json.loads((data_dir / f"{name}.json").read_text(encoding="utf-8-sig"))
    cases = []
    for i, row in enumerate(rows):
        checked = str(row.get("IgnoreResolution", "false")).lower() != "true"
        ref = parse_ref((row.get("Context") or {}).get("ReferenceDateTime"))
        results = tuple(_expected(r, checked) for r in row.get("Results", []))
        cases.append(Case(name, i, row["Input"], ref, results))
    return cases


def load_cases(files: Iterable[str] = FILES, data_dir: Path = DATA_DIR) -> list[Case]:
    return [c for name in files for c in load_file(name, data_dir)]


# --------------------------------------------------------------------------- spec errors

# Cases judged wrong or debatable in the spec (reasons: bench/recognizers-spec-notes.md).
# key -> (input fingerprint, what is wrong, reason). "value": the expected value is wrong
# (dropped from the value figure "without spec errors"); "span": the expected span should
# not be a timex (dropped from both figures); "debatable": listed, never dropped.
SUSPECT: dict[str, tuple[str, str, str]] = {
    "DateParser#81": ("d377bcba", "value", "5th Sunday of Sep 2017 does not exist: 2017-09-31"),
    "DateParser#83": ("c1d64de7", "value", "31 November does not exist: 2016-11-31"),
    "DateParser#54": ("6265b2b8", "value", "يومي is 'my day'/'daily' (SET), not today"),
    "DateParser#20": ("45763740", "debatable", "08/12 read M/D; Arabic writes D/M (8 Dec)"),
    "DateParser#21": ("694738d1", "debatable", "08/12 read M/D; Arabic writes D/M (8 Dec)"),
    "DateParser#41": ("880052fc", "debatable", "الأحد القادم = the coming Sunday 2016-11-13"),
    "DateParser#44": ("32459e93", "debatable", "Monday-first week; Arab weeks start Sat/Sun"),
    "DateParser#45": ("035fc9bf", "debatable", "Monday-first week; Arab weeks start Sat/Sun"),
    "DateParser#46": ("34597a1b", "value", "آخر يوم is 'the last day', not yesterday"),
    "DateParser#47": ("f795997c", "value", "آخر يوم is 'the last day', not yesterday"),
    "DateParser#56": ("fb87efff", "debatable", "اليوم الماضي is not idiomatic for yesterday"),
    "DateParser#58": ("59967ded", "debatable", "conventions: month granularity 2016-10"),
    "DateParser#87": ("26972a3f", "debatable", "conventions: year granularity 2014"),
    "DateParser#89": ("97ee74b6", "value", "من الآن means 'from now' (future); value is past"),
    "DateParser#90": ("f6d77b9f", "value", "من الآن means 'from now' (future); value is past"),
    "DateParser#92": ("115cd12a", "value", "من الآن means 'from now' (future); value is past"),
    "DateParser#93": ("66d86cd9", "value", "من الآن means 'from now' (future); value is past"),
    "DateParser#94": ("781ab6ae", "value", "من الآن means 'from now' (future); value is past"),
    "DateParser#61": ("e1ca4d98", "debatable", "past tense resolved to a future day"),
    "DateParser#62": ("e87f22bd", "debatable", "past tense resolved to a future day"),
    "DateParser#63": ("74724aa8", "debatable", "past tense resolved to a future day"),
    "DateParser#64": ("a250911f", "debatable", "past tense resolved to a future day"),
    "DateParser#65": ("a11c762a", "debatable", "past tense resolved to a future day"),
    "DateExtractor#117": ("9a5740f7", "span", "second اليوم is the newspaper name أخبار اليوم"),
    "DateExtractor#48": ("f795997c", "debatable", "آخر يوم is 'the last day' (of what?)"),
    "DateExtractor#49": ("d93d4da1", "debatable", "اليوم الأخير is 'the last day' (of what?)"),
    "DatePeriodParser#16": ("71d1bcae", "value", "سبتمبر الماضي in Nov 2016 is 2016-09"),
    "DatePeriodParser#21": ("a8a3270c", "value", "Timex is a day, resolution a month"),
    "DatePeriodParser#120": ("0c8c1d13", "value", "الشهر التالي is next month 2016-12"),
    "DatePeriodParser#121": ("98a4e773", "value", "العام التالي is next year 2017"),
    "DatePeriodParser#61": ("cbb37a16", "value", "بعد 3 أسابيع resolved to the past 3 weeks"),
    "DatePeriodParser#60": ("ef23fa37", "debatable", "conventions: بعد 3 سنوات is DATE 2019"),
    "DatePeriodParser#26": ("b8366f0b", "debatable", "conventions: خلال اسبوعين is DURATION P2W"),
    "DatePeriodParser#98": ("0b426ac9", "value", "born in ألفين is the year 2000, not 2000s"),
    "DatePeriodParser#99": ("964399aa", "value", "1970 is a year, not the 1970s"),
    "DatePeriodParser#105": ("2626afd8", "value", "seventies of the 19th century are 1870s"),
    "DatePeriodParser#107": ("e27cd43a", "value", "العشرينيات are the 1920s/2020s, not 2010s"),
    "DatePeriodParser#106": ("ce976ccf", "debatable", "الألفين والعشرات is a calque"),
    "DatePeriodParser#46": ("ef9d5aad", "value", "نهاية الأسبوع is the weekend (cf #33)"),
    "DatePeriodParser#49": ("064901a5", "value", "نهاية الأسبوع الحالي is the weekend"),
    "DatePeriodParser#31": ("e9752547", "value", "اسبوعي is 'weekly'/'my week', not W45"),
    "DatePeriodParser#112": ("79e06e43", "debatable", "English-style year 'nineteen 99'"),
    "DatePeriodParser#113": ("45babcb0", "debatable", "English-style year 'nineteen 28'"),
    "DatePeriodParser#117": ("4b3cb0e2", "debatable", "English-style year 'nineteen 78'"),
    "DatePeriodExtractor#213": ("1865999d", "debatable", "calque; span keeps من"),
    "DatePeriodExtractor#238": ("0b426ac9", "debatable", "a year (2000), typed daterange"),
    "TimeParser#34": ("a18d9198", "value", "الظهر is noon: 'noon at 7' cannot be 19:00"),
    "TimeParser#0": ("700e6b5b", "value", "ثمانية وأربعين is 48 (8:48?), not 08:40"),
    "TimeParser#1": ("e94946ea", "value", "ثمانية وأربعين is 48 (8:48?), not 08:40"),
    "TimeParser#2": ("224f9379", "value", "ثمانية وأربعين is 48 (8:48?), not 20:40"),
    "TimeParser#7": ("8fcfb5b5", "debatable", "PM taken from outside the span"),
    "TimeParser#70": ("16ae48ae", "value", "5:35 'at night' is not 17:30"),
    "TimeParser#71": ("37900a0f", "value", "'the fifth night and a half' is no time"),
    "TimeExtractor#9": ("0aca6c7a", "debatable", "Latin T left in the Arabic"),
    "TimeExtractor#29": ("75aff8b3", "debatable", "'7 noon' is contradictory"),
    "TimePeriodExtractor#47": ("3f738100", "span", "1:30 بعد الظهر is one TIME, not a range"),
    "HolidayParser#0": ("35058390", "value", "Easter left unresolved (0001-01-01)"),
    "HolidayParser#3": ("8f0cc39e", "value", "رأس السنة is 1 January, not 31 December"),
    "HolidayParser#12": ("a45fc821", "value", "value copied from Father's Day 2015"),
    "HolidayParser#13": ("bf6cf906", "value", "value copied from Father's Day 2015"),
    "HolidayExtractor#2": ("09d427f8", "debatable", "يواندان is Chinese (元旦), not Arabic"),
    "HolidayExtractor#5": ("e746b50c", "debatable", "يواندان is Chinese (元旦), not Arabic"),
    "HolidayExtractor#6": ("056512d4", "debatable", "يواندان is Chinese (元旦), not Arabic"),
    "HolidayExtractor#7": ("a844c0e2", "debatable", "يواندان is Chinese (元旦), not Arabic"),
    "HolidayParser#5": ("09d427f8", "debatable", "يواندان is Chinese (元旦), not Arabic"),
    "HolidayParser#9": ("9e0d5dd8", "debatable", "يواندان is Chinese (元旦), not Arabic"),
    "HolidayExtractor#8": ("5126a28f", "debatable", "إثنين الرماد is no holiday (Ash Wed.?)"),
    "HolidayExtractor#12": ("e3faf8e1", "span", "الحج is an event (conventions), not a date"),
    "HolidayExtractor#17": ("2a75cfb3", "debatable", "الحج سنة 2016: keep the year only"),
    "HolidayExtractor#16": ("2b0385ca", "debatable", "الخريف is a season, not a holiday"),
}


def suspect_keys(kind: str = "value") -> set[str]:
    """Case keys whose expectation is wrong for ``kind``: "value" or "span"."""
    kinds = {"value": ("value", "span"), "span": ("span",)}[kind]
    return {k for k, (_, what, _) in SUSPECT.items() if what in kinds}


def stale_suspects(cases: Iterable[Case]) -> list[str]:
    """SUSPECT keys whose input fingerprint no longer matches the spec files."""
    digests = {c.key: c.digest for c in cases}
    return [k for k, (d, _, _) in SUSPECT.items() if k in digests and digests[k] != d]


# --------------------------------------------------------------------------- families

_AR_MONTHS = (
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر"
    "|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|جانفي|فيفري"
    "|أفريل|جوان|جويلية|أوت"
)
_HIJRI = "محرم|صفر|ربيع ال\\S+|جمادى ال\\S+|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة"
_WEEKDAYS = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|جمعة"
_NUMWORDS = (
    "واحد|اثنين|ثلاث|أربع|خمس|ست|سبع|ثمان|تسع|عشر|عشرين|ثلاثين|أربعين|خمسين|مائ|ألف"
    "|الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الحادي|الحادية"
)

_RANGE_WORDS = r"(^|\s)(إلى|حتى|بين)\s|\d\s*-\s*\d|(?<!\S)من\s.*\s(إلى|حتى)\s"

# Ordered: the first matching rule names the family. (file kind, family, pattern)
_RULES: tuple[tuple[str, str, str], ...] = (
    ("Holiday", "holiday", r""),
    (
        "TimePeriod",
        "time range: part of day",
        r"^(?!.*\d)(?!.*(الساعة|إلى|حتى|بين|-)).*"
        r"(الصباح|الظهر|المساء|الأمسيات|الليل)",
    ),
    ("TimePeriod", "time range: clock", r""),
    (
        "Time",
        "time: noon/midnight/lunch",
        r"^(?!.*\d)(?!.*(السابعة|الثامنة|الحادية|خمسة))"
        r".*(منتصف|الظهر|الظهيرة|الغداء)",
    ),
    ("Time", "time: clock digits", r"\d"),
    ("Time", "time: spelled-out", r""),
    ("Duration", "duration: several units", r"\S+ و ?\S*(شهر|يوم|أيام|سنة|عام)|أسبوع واحد \S+"),
    ("Duration", "duration: vague amount", r"بضع|عدة"),
    ("Duration", "duration: whole unit", r"طوال|كامل"),
    ("Duration", "duration: fraction", r"نصف|\d\.\d"),
    ("Duration", "duration: digits", r"\d"),
    ("Duration", "duration: dual/spelled/bare unit", r""),
    ("DatePeriod", "period: hijri month", rf"^({_HIJRI})( \d+)?$"),
    ("DatePeriod", "period: month", r"^\d{1,4}[./-]\d{1,4}$"),
    (
        "DatePeriod",
        "period: weekend, rest of week/month/year",
        r"عطلة|نهاية (هذا )?(الأسبوع|الاسبوع|أسبوع)"
        r"(?! المقبل)|بقية|باقي",
    ),
    ("DatePeriod", "period: early/mid/late", r"بداية|نهاية|أواخر|مطلع|منتصف|مبكر|لاحق"),
    ("DatePeriod", "period: quarter", r"الربع"),
    ("DatePeriod", "period: season", r"صيف|الصيف|الربيع|ربيع عام|الخريف|الشتاء"),
    (
        "DatePeriod",
        "period: decade/century",
        r"ينيات|العقد|العقود|عقود|الألفين|^ألفين$"
        r"|والعشرات",
    ),
    ("DatePeriod", "period: weekday range", rf"({_WEEKDAYS}).*({_RANGE_WORDS}|\sو)"),
    ("DatePeriod", "period: day/month/year range", _RANGE_WORDS),
    (
        "DatePeriod",
        "period: relative span (next/last N)",
        r"\d+ (أيام|الأشهر|أشهر|سنوات"
        r"|أسابيع)|الأشهر|الأيام|الأسابيع|اليومين|(?<!\S)بعد يومين|آخر \d|اسبوعين",
    ),
    ("DatePeriod", "period: week", r"سبوع"),
    ("DatePeriod", "period: month", rf"{_AR_MONTHS}|الشهر|^\d{{1,4}}[./-]\d{{1,4}}$"),
    ("DatePeriod", "period: year", r""),
    (
        "Date",
        "date: n-th weekday of month",
        rf"أول يوم|^({_WEEKDAYS}) (الأول|الثاني|الثالث"
        r"|الخامس|السادس|العاشر)$",
    ),
    (
        "Date",
        "date: relative offset (N units ago/ahead)",
        r"(?<!\S)قبل (شهر|بضعة|\S*ين$)"
        r"|(?<!\S)بعد (يوم|أسبوع)|من الآن|(?<!\S)قبل يوم|(?<!\S)بعد غد",
    ),
    ("Date", "date: day + month name", rf"{_AR_MONTHS}"),
    ("Date", "date: weekday", rf"{_WEEKDAYS}"),
    ("Date", "date: relative day word", r"اليوم|غد|أمس|الأمس|آخر يوم|الأخير|يومي"),
    ("Date", "date: numeric", r"^\d+\s*[./-]\s*\d+|\d+/\d+"),
    ("Date", "date: day of month (bare, or of a relative month)", r""),
)


def family(file: str, text: str) -> str:
    """The expression family of an expected span (a coarse, rule-based label)."""
    kind = file.removesuffix("Extractor").removesuffix("Parser")
    for rule_kind, name, pattern in _RULES:
        if rule_kind == kind and re.search(pattern, text):
            return name
    return f"{kind.lower()}: other"


def spelled_numbers(text: str) -> bool:
    """Whether a span carries a number written in words (a lexicon need)."""
    return bool(re.search(_NUMWORDS, text)) and not re.search(r"\d", text)


# --------------------------------------------------------------------------- values

_TIME_RE = re.compile(r"T?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$")
_POD = ("MO", "AF", "EV", "NI", "DT", "MI")
_DATE_TIME_RE = re.compile(r"^([0-9X]{4}[-0-9WX]*)?T([0-9:]+|MO|AF|EV|NI|DT|MI)$")
_DUR_RE = re.compile(
    r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?"
    r"(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?$"
)


def norm_time(text: str) -> str | None:
    """``T15``, ``15:00``, ``T15:00:00`` -> ``15:00:00``; a part of day -> ``TMO``."""
    text = text.strip()
    if text.lstrip("T") in _POD:
        return "T" + text.lstrip("T")
    m = _TIME_RE.match(text)
    if not m:
        return None
    h, mi, s = (int(g) if g else 0 for g in m.groups())
    return f"{h:02d}:{mi:02d}:{s:02d}"


def split_value(value: str) -> tuple[str, str | None]:
    """A value into its date part and its normalized time of day (or ``None``)."""
    value = value.strip().replace(" ", "T")
    m = _DATE_TIME_RE.match(value)  # not PRESENT_REF, FUTURE_REF, durations
    if m:
        return m.group(1) or "", norm_time(m.group(2))
    return value, None


def duration_key(value: str) -> tuple[Decimal, Decimal] | None:
    """A TIMEX3 duration as (months, seconds); ``None`` when not a known-amount duration."""
    m = _DUR_RE.match(value.strip())
    if not m or value.strip() in ("P", "PT"):
        return None
    y, mo, w, d, h, mi, s = (Decimal(g) if g else Decimal(0) for g in m.groups())
    return y * 12 + mo, ((w * 7 + d) * 24 + h) * 3600 + mi * 60 + s


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def interval_values(start: dt.date, end: dt.date, single_day: bool = True) -> set[str]:
    """Every TIMEX3 value denoting exactly the interval [start, end).

    ``single_day=False`` for the spec's two-ended ranges, whose end date may be inclusive
    (``19-20 نوفمبر`` is given as 2016-11-19..2016-11-20): a single day must not pass.
    """
    # a two-ended range ends on the day the text names; otherwise the spec's end is
    # exclusive and ours (``START/END``) is the last day
    last = end if not single_day else end - dt.timedelta(days=1)
    out = {f"{start}/{last}"}
    days = (end - start).days
    iso = start.isocalendar()
    if days == 1 and single_day:
        out.add(start.isoformat())
    if days == 7 and start.weekday() == 0:
        out.add(f"{iso.year}-W{iso.week:02d}")
    if days == 2 and start.weekday() == 5:
        out.add(f"{iso.year}-W{iso.week:02d}-WE")
    if start.day == 1 and end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        out |= _month_intervals(start, months)
    return out


def _month_intervals(start: dt.date, months: int) -> set[str]:
    y, m = start.year, start.month
    table = {
        1: (True, f"{y:04d}-{m:02d}"),
        3: (m % 3 == 1, f"{y:04d}-Q{(m + 2) // 3}"),
        6: (m in (1, 7), f"{y:04d}-H{1 if m == 1 else 2}"),
        12: (m == 1, f"{y:04d}"),
        120: (m == 1 and y % 10 == 0, f"{y // 10:03d}"),
        1200: (m == 1 and y % 100 == 0, f"{y // 100:02d}"),
    }
    ok, value = table.get(months, (False, ""))
    return {value} if ok else set()


@dataclass(slots=True)
class Accept:
    """What an expected result accepts (see the module docstring)."""

    values: set[str] = field(default_factory=set)
    times: set[str] = field(default_factory=set)  # bare times of day: date ignored
    durations: set[tuple[Decimal, Decimal]] = field(default_factory=set)
    ranges: list[tuple[str, str, str]] = field(default_factory=list)  # start, end, unit

    def describe(self) -> str:
        parts = sorted(self.values) + sorted(f"T{t}" for t in self.times)
        parts += [f"P[{m}mo,{s}s]" for m, s in sorted(self.durations)]
        parts += list(dict.fromkeys(f"{a}..{b}" for a, b, _ in self.ranges))
        return " | ".join(parts)


_RANGE_RE = re.compile(r"^\((.*?),(.*?),(P.*)\)$")


def accept_for(exp: Expected, ref: dt.datetime) -> Accept:
    acc = Accept()
    timex = (exp.timex or "").strip()
    _add_timex(acc, timex, ref, two_ended=bool(re.search(_RANGE_WORDS, exp.text)))
    for res in (exp.future, exp.past):
        _add_resolution(acc, res, timex)
    return acc


def _add_single(acc: Accept, value: str) -> None:
    if not value or "X" in value or value.startswith("0001-01-01"):
        return
    if value.startswith("P"):
        key = duration_key(value)
        if key is not None:
            acc.durations.add(key)
        return
    date, clock = split_value(value)
    if clock is not None and not date:
        acc.times.add(clock)
    elif clock is not None:
        acc.values.add(f"{date}T{clock}")
    else:
        acc.values.add(date)


def _add_timex(acc: Accept, timex: str, ref: dt.datetime, two_ended: bool) -> None:
    m = _RANGE_RE.match(timex)
    if m:
        key = duration_key(m.group(3))
        if key is not None and not two_ended:  # "the next 3 days", not "from 4 to 22"
            acc.durations.add(key)
        acc.ranges.append((m.group(1), m.group(2), _unit(m.group(3))))
        return
    if re.fullmatch(r"(SP|SU|FA|WI)", timex):
        acc.values |= {f"{ref.year + d}-{timex}" for d in (-1, 0, 1)}
        return
    _add_single(acc, timex)


def _unit(duration: str) -> str:
    """The coarsest unit of a range's duration: Y, M or D (W and D count as days), T."""
    body = duration[1:]
    if body.startswith("T"):
        return "T"
    for unit in ("Y", "M"):
        if unit in body:
            return unit
    return "D"


def _add_resolution(acc: Accept, res: dict[str, str], timex: str) -> None:
    for key in ("date", "value", "time"):
        if res.get(key):
            _add_single(acc, ("T" if key == "time" else "") + res[key])
    start, end = res.get("startDate"), res.get("endDate")
    s, e = _date(start or ""), _date(end or "")
    if s and e and s.year > 1:
        m = _RANGE_RE.match(timex)
        acc.values |= interval_values(s, e, single_day=m is None)
        acc.ranges.append((s.isoformat(), e.isoformat(), _unit(m.group(3)) if m else "D"))
    if res.get("startTime") and res.get("endTime"):
        acc.ranges.append((f"T{res['startTime']}", f"T{res['endTime']}", "T"))
    anchor = _date(res.get("date") or start or "")
    if anchor and timex.startswith("XXXX-") and "X" not in timex[5:]:
        acc.values.add(f"{anchor.year:04d}-{timex[5:]}")


def value_ok(value: str, acc: Accept) -> bool:
    """Whether one predicted value is accepted by an expected result's Accept."""
    value = value.strip()
    if value.startswith("P"):
        key = duration_key(value)
        return key is not None and key in acc.durations
    date, clock = split_value(value)
    if clock is not None:
        if clock in acc.times:
            return True
        return f"{date}T{clock}" in acc.values
    return date in acc.values


def endpoint_ok(value: str, expected: str, unit: str) -> bool:
    """A predicted range endpoint against the spec's (granularity of the range's unit)."""
    if unit == "T" or expected.startswith("T"):
        _, clock = split_value(value)
        return clock is not None and clock == norm_time(expected)
    if "X" in expected:
        return False
    width = {"Y": 4, "M": 7}.get(unit, 10)
    return value == expected or (len(value) == width and expected.startswith(value))


def range_ok(preds: list[Pred], acc: Accept) -> bool:
    """Two or more timexes over one expected range: first = start, last = end."""
    if len(preds) < 2:
        return False
    first, last = preds[0].value, preds[-1].value
    return any(endpoint_ok(first, a, u) and endpoint_ok(last, b, u) for a, b, u in acc.ranges)


# --------------------------------------------------------------------------- scoring


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass(slots=True)
class Outcome:
    """The verdict on one expected result."""

    case: Case
    expected: Expected
    family: str
    found: bool
    strict: bool
    value_ok: bool | None  # None: resolution not checked
    got: list[Pred]
    accept: str


@dataclass(slots=True)
class FileStats:
    cases: int = 0
    expected: int = 0
    found: int = 0
    strict: int = 0
    checked: int = 0
    value_ok: int = 0
    preds: int = 0
    spurious: int = 0

    def add(self, other: FileStats) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def ratio(num: int, den: int) -> float | None:
        return num / den if den else None

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {name: getattr(self, name) for name in self.__slots__}
        d["span_recall"] = self.ratio(self.found, self.expected)
        d["strict_recall"] = self.ratio(self.strict, self.expected)
        d["value_accuracy"] = self.ratio(self.value_ok, self.checked)
        d["precision"] = self.ratio(self.preds - self.spurious, self.preds)
        return d


@dataclass(slots=True)
class Report:
    per_file: dict[str, FileStats]
    outcomes: list[Outcome]
    spurious: list[tuple[Case, Pred]]
    errors: list[tuple[Case, str]]
    seconds: float
    chars: int
    preds: dict[str, list[Pred]] = field(default_factory=dict)  # case key -> all timexes

    def total(
        self, drop_value: set[str] | None = None, drop_span: set[str] | None = None
    ) -> FileStats:
        """Overall figures; the key sets drop cases from the value / both figures."""
        out = FileStats()
        if drop_value is None and drop_span is None:
            for stats in self.per_file.values():
                out.add(stats)
            return out
        drop_value, drop_span = drop_value or set(), drop_span or set()
        for o in self.outcomes:
            if o.case.key in drop_span:
                continue
            out.expected += 1
            out.found += o.found
            out.strict += o.strict
            if o.value_ok is not None and o.case.key not in drop_value:
                out.checked += 1
                out.value_ok += o.value_ok
        return out


def _preds(doc: Any) -> list[Pred]:
    out = [Pred(t.start, t.end, t.text, t.type, t.value or "", t.mod) for t in doc.timexes]
    return sorted(out, key=lambda p: (p.start, p.end))


def judge(case: Case, exp: Expected, preds: list[Pred]) -> Outcome:
    got = [p for p in preds if overlaps(p.start, p.end, exp.start, exp.end)]
    acc = accept_for(exp, case.ref)
    verdict: bool | None = None
    if exp.checked:
        verdict = any(value_ok(p.value, acc) for p in got) or range_ok(got, acc)
    return Outcome(
        case=case,
        expected=exp,
        family=family(case.file, exp.text),
        found=bool(got),
        strict=any(p.start == exp.start and p.end == exp.end for p in got),
        value_ok=verdict,
        got=got,
        accept=acc.describe() if exp.checked else "",
    )


def pooled_spans(cases: Iterable[Case]) -> dict[str, list[tuple[int, int]]]:
    """Expected spans of each distinct input over all loaded files (for precision)."""
    pool: dict[str, list[tuple[int, int]]] = {}
    for c in cases:
        pool.setdefault(c.input, []).extend((r.start, r.end) for r in c.results)
    return pool


def run_cases(
    cases: list[Case], extract: Callable[..., Any]
) -> Iterator[tuple[Case, list[Pred] | None, str | None]]:
    for case in cases:
        try:
            doc = extract(case.input, published=case.ref.date().isoformat())
        except Exception as exc:  # a crash on one case is a result, not a harness failure
            yield case, None, f"{type(exc).__name__}: {exc}"
            continue
        yield case, _preds(doc), None


def evaluate(
    cases: list[Case],
    extract: Callable[..., Any],
    pool: dict[str, list[tuple[int, int]]] | None = None,
) -> Report:
    pool = pool if pool is not None else pooled_spans(cases)
    report = Report({}, [], [], [], 0.0, sum(len(c.input) for c in cases))
    if cases:  # warm-up: lazy lexicon loading is start-up time, not throughput
        extract(cases[0].input, published=cases[0].ref.date().isoformat())
    t0 = time.perf_counter()
    runs = list(run_cases(cases, extract))
    report.seconds = time.perf_counter() - t0
    for case, preds, error in runs:
        stats = report.per_file.setdefault(case.file, FileStats())
        stats.cases += 1
        report.preds[case.key] = preds or []
        if error is not None:
            report.errors.append((case, error))
        for exp in case.results:
            o = judge(case, exp, preds or [])
            report.outcomes.append(o)
            stats.expected += 1
            stats.found += o.found
            stats.strict += o.strict
            stats.checked += o.value_ok is not None
            stats.value_ok += bool(o.value_ok)
        for p in preds or []:
            stats.preds += 1
            if not any(overlaps(p.start, p.end, s, e) for s, e in pool.get(case.input, [])):
                stats.spurious += 1
                report.spurious.append((case, p))
    return report


def family_counts(cases: Iterable[Case]) -> Counter[str]:
    return Counter(family(c.file, r.text) for c in cases for r in c.results)
