// A topic: the coverage chart, then the day timeline or the milestones, which an editor
// trims (strike a line, pick another candidate line for a date) before exporting.

import { getJSON } from "./api.js";
import { articles, bdi, byId, clear, counted, el, link, say } from "./dom.js";
import { coverageChart } from "./chart.js";
import { dayLabel, firstDay, lastDay } from "./dates.js";
import { exportButtons } from "./exports.js";
import { openArticle, searchFor } from "./archive.js";

const CANDIDATES = 3; // other lines offered per date
let edited = null; // the timeline as the server gave it, items carrying `struck`

export function setupTopic() {
  byId("topic-form").addEventListener("submit", (event) => {
    event.preventDefault();
    build();
  });
  exportButtons(byId("topic-exports"), exported, byId("topic-error"));
}

function params() {
  return {
    q: byId("topic-q").value.trim(),
    from: byId("topic-from").value,
    to: byId("topic-to").value,
    source: byId("topic-source").value,
    variants: byId("topic-variants").checked,
  };
}

async function build() {
  const error = byId("topic-error");
  const form = byId("topic-form");
  say(error, "");
  if (!form.reportValidity()) return;
  const base = params();
  const mode = document.querySelector('input[name="topic-mode"]:checked').value;
  const asked = {
    ...base, mode, dates: byId("topic-dates").value, per_date: byId("topic-per-date").value,
    candidates: CANDIDATES,
  };
  form.setAttribute("aria-busy", "true");
  // the chart counts articles by publication day; milestones' bounds are not about those
  const days = mode === "days" ? { from: firstDay(base.from), to: lastDay(base.to) } : { from: "", to: "" };
  try {
    const [coverage, timeline] = await Promise.all([
      getJSON("/api/coverage", { q: base.q, ...days, source: base.source, variants: base.variants }),
      getJSON("/api/timeline", asked),
    ]);
    edited = timeline;
    byId("topic-result").hidden = false;
    chart(coverage, { ...base, ...days }, timeline);
    render();
  } catch (e) {
    say(error, e.message);
  } finally {
    form.removeAttribute("aria-busy");
  }
}

/** The coverage chart; `asked` the query, outlet and publication days it was drawn for. */
function chart(coverage, asked, timeline) {
  let days = timeline.entries.map((e) => e.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (timeline.mode === "milestones") {
    // milestones reach back decades: dot those within the days of publication only
    const published = coverage.coverage.map((c) => c.day);
    days = days.filter((d) => d >= published[0] && d <= published[published.length - 1]);
  }
  const box = clear(byId("topic-chart"));
  const note = byId("topic-coverage-note");
  if (!coverage.coverage.length) {
    note.textContent = "لا مقالة تطابق هذا الموضوع";
    return;
  }
  const top = [...coverage.coverage].sort((a, b) => b.articles - a.articles).slice(0, 3);
  note.textContent = `${articles(coverage.matched)} تطابق «${coverage.query}»؛ ذروة التغطية: ` +
    top.map((c) => `${dayLabel(c.day)} (${c.articles.toLocaleString("ar")})`).join("، ");
  // a bar opens its articles in the archive
  const open = (first, last) => searchFor({ ...asked, from: first, to: last });
  box.append(coverageChart(coverage.coverage, { start: asked.from, end: asked.to, marked: days, open }));
  box.append(el("p", { class: "note" }, "انقر عمودا لترى مقالاته في الأرشيف."));
}

function render() {
  const t = edited;
  byId("topic-heading").textContent = t.mode === "milestones" ? "المحطات الكبرى" : "الخط الزمني اليومي";
  const read = t.read && t.read < t.matched ? ` (قُرئت أفضل ${t.read.toLocaleString("ar")} منها)` : "";
  byId("topic-summary").textContent = t.entries.length
    ? `${counted(t.entries.length, ["تاريخ واحد", "تاريخان", "تواريخ", "تاريخا"])} من ${articles(t.matched)}${read}. اشطب ما لا يلزم أو اختر سطرا آخر، ثم صدّر ما بقي.`
    : "لا جملة مؤرخة تطابق هذا الموضوع";
  const list = clear(byId("topic-entries"));
  t.entries.forEach((entry) => list.append(entryNode(entry)));
}

function entryNode(entry) {
  const node = el("li", { class: "entry", dataset: { date: entry.date } },
    el("h3", { class: "date" }, entry.label || entry.date),
    cited(entry));
  entry.items.forEach((item, i) => node.append(itemNode(entry, i)));
  return node;
}

function cited(entry) {
  const c = entry.cited_by;
  if (!c || !c.articles) return null;
  const outlets = counted(c.outlets, ["مصدر واحد", "مصدرين", "مصادر", "مصدرا"]);
  return el("p", { class: "cited" }, `تذكره ${articles(c.articles)} من ${outlets}`);
}

function itemNode(entry, i) {
  const item = entry.items[i];
  const node = el("div", { class: item.struck ? "item struck" : "item", dataset: { doc: item.doc_id || "" } });
  const strike = el("button", { type: "button", class: "strike" }, item.struck ? "أعِد السطر" : "اشطب");
  strike.addEventListener("click", () => {
    item.struck = !item.struck;
    node.replaceWith(itemNode(entry, i));
  });
  node.append(
    el("p", { class: "line" }, bdi(item.text)),
    el("p", { class: "meta" }, source(item), item.title ? [" · «", bdi(item.title, "title"), "»"] : null,
      item.published ? [" · نُشر ", dayLabel(item.published)] : null,
      item.url ? [" · ", link(item.url)] : null),
    el("div", { class: "tools" }, strike, context(item), choices(entry, i)),
  );
  return node;
}

/** The outlet, and the other outlets that said the same ("also"), by name where known. */
function source(item) {
  const others = (item.also_sources || []).filter((s) => s && s !== item.source);
  const n = (item.also || []).length;
  let more = null;
  if (others.length) more = ["، وأيضا: ", others.map((s, k) => [k ? "، " : "", bdi(s, "source")])];
  else if (n) {
    const forms = ["ومقالة أخرى", "ومقالتان أخريان", "مقالات أخرى", "مقالة أخرى"];
    more = ` (${counted(n, forms).replace(/^(\d)/, "و$1")})`;
  }
  return [item.source ? bdi(item.source, "source") : null, more];
}

function context(item) {
  if (!item.doc_id) return null;
  const button = el("button", { type: "button", class: "context" }, "في سياقه");
  const line = Number.isInteger(item.start) ? { start: item.start, end: item.end } : null;
  button.addEventListener("click", () => openArticle(item.doc_id, line, "topic"));
  return button;
}

/**
 * A menu of the date's other lines (the entry's `candidates`); picking one puts it in
 * place of this line, which becomes a candidate in turn.
 */
function choices(entry, i) {
  const others = entry.candidates || [];
  if (!others.length) return null;
  const menu = el("select", { class: "candidates", "aria-label": "سطر آخر لهذا التاريخ" },
    el("option", { value: "" }, `سطر آخر (${others.length.toLocaleString("ar")})`),
    others.map((c, k) => el("option", { value: String(k) }, short(c.text))));
  menu.addEventListener("change", () => {
    if (menu.value === "") return;
    const k = Number(menu.value);
    const { candidates, ...shown } = { ...entry.items[i], struck: false }; // the server also lists them on items
    entry.items[i] = { ...others[k], struck: false };
    entry.candidates = [shown, ...others.filter((_, j) => j !== k)];
    menu.closest(".entry").replaceWith(entryNode(entry));
  });
  return menu;
}

function short(text, most = 90) {
  return text.length > most ? `${text.slice(0, most)}…` : text;
}

/** What is left after the editor's changes, as a timeline JSON for /api/export. */
export function exported() {
  if (!edited) return { entries: [] };
  const entries = edited.entries
    .map(({ candidates, ...e }) => ({
      ...e,
      items: e.items.filter((it) => !it.struck).map(({ struck, candidates, ...kept }) => kept),
    }))
    .filter((e) => e.items.length);
  return { ...edited, entries };
}
