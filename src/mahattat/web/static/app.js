// The page's entry point: tabs, the server's status (store, outlets), and the three views.

import { getJSON } from "./js/api.js";
import { echoDates } from "./js/dates.js";
import { articles, byId, counted, el } from "./js/dom.js";
import { setupArchive } from "./js/archive.js";
import { setupExtract } from "./js/extract.js";
import { setupTabs } from "./js/tabs.js";
import { setupTopic } from "./js/topic.js";

async function status() {
  const line = byId("status");
  let s;
  try {
    s = await getJSON("/api/status");
  } catch (e) {
    line.textContent = `الخادم لا يجيب: ${e.message}`;
    line.classList.add("error");
    return;
  }
  document.body.dataset.store = s.store ? "yes" : "no";
  if (s.store) {
    const outlets = counted((s.sources || []).length, ["مصدر واحد", "مصدرين", "مصادر", "مصدرا"]);
    line.textContent = `الأرشيف: ${articles(s.articles || 0)} من ${outlets}`;
    line.title = s.store;
    for (const id of ["search-source", "topic-source"]) {
      for (const source of s.sources || []) {
        const name = typeof source === "string" ? source : source.name || source.source;
        if (name) byId(id).append(el("option", { value: name }, name));
      }
    }
  } else {
    line.textContent = "لا أرشيف مفتوح: الاستخراج من نص يعمل، والبحث يحتاج أرشيفا";
  }
  for (const hint of document.querySelectorAll("[data-needs-store]")) {
    // the server's hint is a command line: isolated, in its own direction
    hint.replaceChildren("لا أرشيف بعد. لإنشائه: ", el("span", { dir: "auto", class: "command" }, s.hint || ""));
    hint.hidden = Boolean(s.store) || !s.hint;
  }
  for (const form of ["search-form", "topic-form"]) {
    for (const input of byId(form).elements) input.disabled = !s.store;
  }
}

setupTabs();
setupExtract();
setupArchive();
setupTopic();
echoDates();
status();
document.body.dataset.ready = "true"; // for tests: the modules loaded and the views are wired
