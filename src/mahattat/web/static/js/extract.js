// The extract view: an article pasted or read from a .txt file, its date → the text with
// its dates, entities and quantities marked, and its chronology beside it.

import { postJSON } from "./api.js";
import { append, bdi, byId, clear, el, say } from "./dom.js";
import { today } from "./dates.js";
import { exportButtons } from "./exports.js";
import { annotated, documentSpans } from "./spans.js";

let shown = null; // the last document extracted, with its labels

export function setupExtract() {
  byId("extract-published").value = today();
  byId("extract-file").addEventListener("change", readFile);
  byId("extract-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
}

async function readFile(event) {
  const file = event.target.files[0];
  if (!file) return;
  byId("extract-file-name").replaceChildren(bdi(file.name));
  try {
    byId("extract-text").value = await file.text(); // read here: the file never leaves as a path
    if (!byId("extract-title").value) byId("extract-title").value = file.name.replace(/\.txt$/i, "");
  } catch {
    say(byId("extract-error"), `تعذرت قراءة الملف ${file.name}`);
  }
}

async function run() {
  const error = byId("extract-error");
  const form = byId("extract-form");
  say(error, "");
  const body = {
    text: byId("extract-text").value,
    published: byId("extract-published").value,
  };
  const title = byId("extract-title").value.trim();
  if (title) body.title = title;
  if (!body.text.trim()) return say(error, "الصق نص خبر أولا");
  form.setAttribute("aria-busy", "true");
  try {
    const doc = await (await postJSON("/api/extract", body)).json();
    shown = { doc, labels: doc.labels || {}, text: body.text };
    render(shown);
  } catch (e) {
    say(error, e.message);
  } finally {
    form.removeAttribute("aria-busy");
  }
}

function render({ doc, labels, text }) {
  byId("extract-result").hidden = false;
  const events = (doc.events || []).map((v) => ({
    start: v.start, end: v.end, kind: "event", id: v.id, tag: "span", wide: true,
  }));
  const box = clear(byId("extract-doc"));
  box.append(annotated(text, [...events, ...documentSpans(doc, labels)]));
  legend(byId("extract-legend"), doc);
  chronology(doc, labels);
  exportButtons(byId("extract-exports"), () => asTimeline(doc, labels), byId("extract-error"));
}

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

/** Events by date (the text's order within a date), each with who and where. */
function chronology(doc, labels) {
  const list = clear(byId("extract-chronology"));
  const names = Object.fromEntries((doc.entities || []).map((e) => [e.id, e.text]));
  const events = [...(doc.events || [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!events.length) list.append(el("li", { class: "empty" }, "لا حدث مؤرخ في هذا النص"));
  for (const v of events) {
    const item = el("li", { class: "event-entry", tabindex: "0", dataset: { id: v.id } },
      el("span", { class: "date" }, labels[v.id] || v.date),
      flags(v),
      el("p", { class: "line" }, bdi(v.display || v.text)),
      roles(v, names));
    for (const type of ["mouseenter", "focus"]) item.addEventListener(type, () => focus(v.id, false));
    item.addEventListener("click", () => focus(v.id, true));
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
function focus(id, scroll) {
  for (const node of document.querySelectorAll("#extract-doc .event.focus")) node.classList.remove("focus");
  const parts = document.querySelectorAll(`#extract-doc .event[data-id="${CSS.escape(id)}"]`);
  for (const node of parts) node.classList.add("focus");
  if (scroll && parts.length) parts[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

/** The chronology as a timeline JSON (output-contract) for /api/export. */
export function asTimeline(doc, labels) {
  const byDate = new Map();
  for (const v of doc.events || []) {
    const key = `${v.date}|${v.mod || ""}`;
    if (!byDate.has(key)) {
      byDate.set(key, { date: v.date, mod: v.mod || null, label: labels[v.id] || v.date, score: 0, items: [] });
    }
    byDate.get(key).items.push({
      text: v.display || v.text, doc_id: doc.id || null, start: v.start, end: v.end, url: null, also: [],
    });
  }
  const entries = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    query: doc.title || "نص ملصق",
    mode: "milestones",
    matched: 1,
    articles: 1,
    coverage: [{ day: doc.published, articles: 1 }],
    entries,
  };
}

export const current = () => shown;
