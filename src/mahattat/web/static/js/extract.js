// The extract view: an article pasted or read from a .txt file, its date → the text with
// its dates, entities and quantities marked, and its chronology beside it.

import { postJSON } from "./api.js";
import { chronology, eventSpans, legend } from "./chronology.js";
import { bdi, byId, clear, say } from "./dom.js";
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
  const box = clear(byId("extract-doc"));
  box.append(annotated(text, [...eventSpans(doc), ...documentSpans(doc, labels)]));
  legend(byId("extract-legend"), doc);
  chronology(byId("extract-chronology"), box, doc, labels, text);
  exportButtons(byId("extract-exports"), () => asTimeline(doc, labels), byId("extract-error"));
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
