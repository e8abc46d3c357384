// An article's text with its annotations (timexes, entities, quantities, events, a
// timeline line) as nested elements. Offsets are Python code points into the original
// text; JavaScript strings count UTF-16 units, so they are converted first. Annotations
// that cross (one starts inside another and ends after it) are split at the boundary:
// both halves carry the same data-id.

import { durationLabel, valueLabel } from "./dates.js";
import { el } from "./dom.js";

/** A function from a code-point offset to a UTF-16 offset of `text`. */
export function unitOffsets(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const units = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return (i) => units[i]; // undefined out of the text: such a span is left out
}

const order = (a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank;

/**
 * The text as a fragment. Each annotation: {start, end, kind, id?, title?, tag?, wide?};
 * `kind` becomes the element's class, `tag` its element (default "mark"). A `wide` span
 * (an event's words, a timeline line) is widened rather than cut what it crosses, so the
 * dates, entities and quantities stay whole.
 */
export function annotated(text, annotations) {
  const unit = unitOffsets(text);
  const spans = annotations
    .map((a, rank) => ({ ...a, rank, at: [a.start, a.end], start: unit(a.start), end: unit(a.end) }))
    .filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end))
    .filter((a) => a.start >= 0 && a.start < a.end && a.end <= text.length);
  const whole = spans.filter((a) => !a.wide);
  for (const a of spans.filter((w) => w.wide)) {
    for (const b of whole) {
      if (b.start < a.start && a.start < b.end) a.start = b.start;
      if (b.start < a.end && a.end < b.end) a.end = b.end;
    }
  }
  spans.sort(order);
  const fragment = document.createDocumentFragment();
  fill(fragment, text, 0, text.length, spans);
  return fragment;
}

function fill(parent, text, from, to, spans) {
  let cursor = from;
  let pending = spans;
  while (pending.length) {
    const [first, ...others] = pending;
    const start = Math.max(first.start, cursor);
    const end = Math.min(first.end, to);
    pending = others;
    if (start >= end) continue;
    if (start > cursor) parent.append(text.slice(cursor, start));
    const inside = [];
    const after = [];
    for (const s of pending) {
      if (s.start >= end) after.push(s);
      else if (s.end <= end) inside.push(s);
      else {
        inside.push({ ...s, end, split: true }); // both halves are parts, neither the whole
        after.push({ ...s, start: end, split: true });
      }
    }
    pending = after.sort(order);
    const node = element(first);
    fill(node, text, start, end, inside);
    parent.append(node);
    cursor = end;
  }
  if (cursor < to) parent.append(text.slice(cursor, to));
}

/** The element of a span; data-start/end keep its offsets into the original text. */
function element(span) {
  const data = { kind: span.kind, start: span.at[0], end: span.at[1] };
  if (span.id) data.id = span.id;
  return el(span.tag || "mark", {
    class: ["ann", span.kind, span.cls, span.split && "split"].filter(Boolean).join(" "),
    title: span.title,
    dataset: data,
  });
}

export const ENTITY_TYPES = { PER: "شخص", LOC: "مكان", ORG: "منظمة", MISC: "كيان آخر" };
const TIMEX_TYPES = { DATE: "تاريخ", TIME: "وقت", DURATION: "مدة", SET: "تكرار" };

/** The annotations of a document JSON (extract or article) with their hover titles. */
export function documentSpans(doc, labels = {}) {
  const timexes = (doc.timexes || []).map((t) => ({
    start: t.start, end: t.end, kind: "timex", id: t.id,
    title: timexTitle(t, labels[t.id] || valueLabel(t.value)),
  }));
  const entities = (doc.entities || []).map((e) => ({
    start: e.start, end: e.end, kind: "entity", cls: e.label, id: e.id,
    title: ENTITY_TYPES[e.label] || e.label,
  }));
  const quantities = (doc.quantities || []).map((q, i) => ({
    start: q.start, end: q.end, kind: "quantity", id: q.id || `q${i + 1}`,
    title: `كمية: ${Number(q.value).toLocaleString("ar")}${q.unit ? ` ${q.unit}` : ""}`,
  }));
  return [...timexes, ...entities, ...quantities];
}

/** "تاريخ: 14 نيسان/أبريل 2018 (2018-04-14)": the readable date first, the value beside. */
export function timexTitle(t, label) {
  const kind = TIMEX_TYPES[t.type] || t.type;
  if (!label || label === t.value) label = durationLabel(t.value, t.type === "SET") || label;
  const readable = label && label !== t.value ? `${label} (${t.value})` : t.value;
  return `${kind}: ${readable}`;
}
