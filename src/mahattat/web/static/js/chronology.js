// A document's chronology beside its text (the extract view, an archive article): its
// dated events by date; one hovered or clicked marks its words in the text.

import { append, bdi, clear, el } from "./dom.js";
import { unitOffsets } from "./spans.js";

/** Counts by kind, each in its highlight colour. */
export function legend(node, doc) {
  clear(node);
  const parts = [
    ["timex", "تواريخ وأزمنة", doc.timexes],
    ["entity", "كيانات", doc.entities],
    ["quantity", "كميات", doc.quantities],
  ];
  for (const [kind, name, found] of parts) {
    if (!found) continue; // a kind the answer does not carry is not "0"
    node.append(el("span", { class: `key ${kind}` }, `${name}: ${found.length.toLocaleString("ar")}`));
  }
}

/** The events' words, as spans the chronology can bring forward. */
export function eventSpans(doc) {
  return (doc.events || []).map((v) => ({
    start: v.start, end: v.end, kind: "event", id: v.id, tag: "span", wide: true,
  }));
}

/**
 * The events of `doc` in `list`, by date (the text's order within a date), each with who
 * and where when the answer says; hovering or clicking one marks its words in `docBox`.
 * An event without its words (a stored article's) takes them from `text`.
 */
export function chronology(list, docBox, doc, labels, text) {
  clear(list);
  const unit = unitOffsets(text);
  const names = Object.fromEntries((doc.entities || []).map((e) => [e.id, e.text]));
  const events = [...(doc.events || [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!events.length) list.append(el("li", { class: "empty" }, "لا حدث مؤرخ في هذا النص"));
  for (const v of events) {
    const item = el("li", { class: "event-entry", tabindex: "0", dataset: { id: v.id } },
      el("span", { class: "date" }, labels[v.id] || v.date),
      flags(v),
      el("p", { class: "line" }, bdi(v.display || v.text || text.slice(unit(v.start), unit(v.end)))),
      roles(v, names));
    for (const type of ["mouseenter", "focus"]) item.addEventListener(type, () => focus(docBox, v.id, false));
    item.addEventListener("click", () => focus(docBox, v.id, true));
    list.append(item);
  }
}

function flags(v) {
  const out = [];
  if (v.negated) out.push(el("span", { class: "flag" }, "منفي"));
  if (v.future) out.push(el("span", { class: "flag" }, "مرتقب"));
  return out;
}

function roles(v, names) {
  const rows = [
    ["من", v.actors],
    ["على", v.targets],
    ["أين", v.places],
  ].filter(([, ids]) => ids && ids.length);
  if (!rows.length) return null;
  const dl = el("dl", { class: "roles" });
  for (const [name, ids] of rows) {
    append(dl, [el("dt", {}, name), el("dd", {}, ids.map((id, i) => [i ? "، " : "", bdi(names[id] || id)]))]);
  }
  return dl;
}

/** Mark the event's words in the text; on click also bring them into view. */
function focus(docBox, id, scroll) {
  for (const node of docBox.querySelectorAll(".event.focus")) node.classList.remove("focus");
  const parts = docBox.querySelectorAll(`.event[data-id="${CSS.escape(id)}"]`);
  for (const node of parts) node.classList.add("focus");
  if (scroll && parts.length) parts[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

