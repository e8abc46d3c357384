// The archive: search with the CLI's query language, filters, and the article view
// (opened from a hit, or from a timeline line, which is then marked in its context).

import { getJSON } from "./api.js";
import { articles, bdi, byId, clear, el, link, say } from "./dom.js";
import { chronology, eventSpans, legend } from "./chronology.js";
import { annotated, documentSpans } from "./spans.js";
import { showTab } from "./tabs.js";

const PAGE = 20;
let last = null; // the last search: its parameters and the hits shown
let backTo = "archive"; // where the article view's back button leads

export function setupArchive() {
  byId("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search(0);
  });
  byId("search-more").addEventListener("click", () => search(last ? last.shown : 0));
  byId("article-back").addEventListener("click", closeArticle);
}

/** Search the archive for `asked` ({q, from, to, source, variants}) from another view. */
export function searchFor(asked) {
  byId("search-q").value = asked.q;
  byId("search-from").value = asked.from || "";
  byId("search-to").value = asked.to || "";
  byId("search-source").value = asked.source || "";
  byId("search-entity").value = "";
  byId("search-variants").checked = Boolean(asked.variants);
  for (const input of document.querySelectorAll("#search-form input.when")) {
    input.dispatchEvent(new Event("input")); // their Arabic reading
  }
  showTab("archive");
  return search(0);
}

function params() {
  return {
    q: byId("search-q").value.trim(),
    from: byId("search-from").value,
    to: byId("search-to").value,
    source: byId("search-source").value,
    entity: byId("search-entity").value.trim(),
    variants: byId("search-variants").checked,
    limit: PAGE,
  };
}

async function search(offset) {
  const error = byId("search-error");
  const form = byId("search-form");
  say(error, "");
  const asked = offset ? last.params : params();
  form.setAttribute("aria-busy", "true");
  try {
    const found = await getJSON("/api/search", { ...asked, offset });
    if (!offset) clear(byId("search-hits"));
    last = { params: asked, shown: offset + found.hits.length, matched: found.matched };
    backTo = "archive";
    closeArticle();
    showHits(found);
  } catch (e) {
    say(error, e.message);
  } finally {
    form.removeAttribute("aria-busy");
  }
}

function showHits(found) {
  const list = byId("search-hits");
  for (const hit of found.hits) list.append(hitItem(hit));
  byId("search-summary").textContent = found.matched
    ? `${articles(found.matched)} تطابق البحث؛ المعروض ${last.shown.toLocaleString("ar")}`
    : "لا مقالة تطابق البحث";
  byId("search-more").hidden = last.shown >= found.matched;
  const note = byId("search-variants-note");
  const others = found.variants || [];
  note.hidden = !others.length;
  clear(note);
  if (!others.length) return;
  const included = last.params.variants;
  note.append(included ? "مع التهجئات الأخرى: " : "تهجئات أخرى في الأرشيف: ");
  others.forEach((v, i) => note.append(i ? "، " : "", bdi(v.spelling), ` (${articles(v.articles)})`));
  if (!included) {
    const add = el("button", { type: "button", class: "add-variants" }, "أضفها إلى البحث");
    add.addEventListener("click", () => {
      byId("search-variants").checked = true;
      search(0);
    });
    note.append(" ", add);
  }
}

function hitItem(hit) {
  const open = el("button", { type: "button", class: "title-link" }, bdi(hit.title || hit.doc_id));
  open.addEventListener("click", () => openArticle(hit.doc_id, null, "archive"));
  return el("li", { class: "hit", dataset: { doc: hit.doc_id } },
    open,
    el("p", { class: "meta" },
      el("span", { class: "date" }, hit.published_ar || hit.published),
      hit.source ? [" · ", bdi(hit.source, "source")] : null,
      hit.url ? [" · ", link(hit.url)] : null),
    el("p", { class: "snippet" }, bdi(hit.snippet || "")));
}

/**
 * The article `docId`, its dates and entities marked; `line` ({start, end}) a timeline
 * line to mark in its context. `from` names the tab the back button returns to.
 */
export async function openArticle(docId, line = null, from = "archive") {
  backTo = from;
  showTab("archive");
  const view = byId("article-view");
  const error = byId("search-error");
  say(error, "");
  try {
    const doc = await getJSON(`/api/articles/${encodeURIComponent(docId)}`);
    showArticle(doc, line);
    byId("search-result").hidden = true;
    view.hidden = false;
    const marked = view.querySelector(".line");
    (marked || view).scrollIntoView({ block: marked ? "center" : "start" });
  } catch (e) {
    say(error, e.message);
  }
}

function showArticle(doc, line) {
  byId("article-title").replaceChildren(bdi(doc.title || doc.doc_id));
  byId("article-meta").replaceChildren(
    el("span", { class: "date" }, doc.published_ar || doc.published),
    doc.source ? " · " : "", doc.source ? bdi(doc.source, "source") : "",
    doc.url ? " · " : "", link(doc.url) || "",
  );
  legend(byId("article-legend"), doc);
  const labels = doc.labels || {};
  const spans = [...eventSpans(doc), ...documentSpans(doc, labels)];
  if (line) spans.unshift({ start: line.start, end: line.end, kind: "line", title: "السطر في الخط الزمني", wide: true });
  const box = clear(byId("article-doc"));
  box.append(annotated(doc.text, spans));
  chronology(byId("article-chronology"), box, doc, labels, doc.text);
}

function closeArticle() {
  byId("article-view").hidden = true;
  byId("search-result").hidden = false;
  if (backTo !== "archive") {
    showTab(backTo);
    backTo = "archive";
  }
}
