// Export buttons under a chronology or a timeline: each posts the timeline as it is now
// (after the editor's changes) to /api/export and downloads the file.

import { exportTimeline } from "./api.js";
import { clear, el, say } from "./dom.js";

export const FORMATS = [
  ["csv", "CSV (إكسل)"],
  ["md", "Markdown"],
  ["timelinejs-html", "صفحة TimelineJS"],
  ["vis-html", "صفحة vis-timeline"],
  ["timelinejs", "TimelineJS ‏(JSON)"],
  ["vis", "vis ‏(JSON)"],
];

/** Fill `box` with one button a format; `current()` gives the timeline JSON to send. */
export function exportButtons(box, current, errorNode) {
  clear(box);
  box.append(el("span", { class: "exports-label" }, "تصدير:"));
  for (const [format, name] of FORMATS) {
    const button = el("button", { type: "button", class: "export", dataset: { format } }, name);
    button.addEventListener("click", async () => {
      button.disabled = true;
      say(errorNode, "");
      try {
        const timeline = current();
        if (!timeline.entries.length) throw new Error("لم يبقَ سطر للتصدير");
        await exportTimeline(timeline, format);
      } catch (e) {
        say(errorNode, `تعذر التصدير: ${e.message}`);
      } finally {
        button.disabled = false;
      }
    });
    box.append(button);
  }
}
