// Matching articles per day as an SVG bar chart, time running right to left like the
// page. Long ranges are drawn by week or month so that a bar stays visible; the three
// highest bars (the coverage peaks) carry their count, the timeline's days a dot.

import { articles } from "./dom.js";
import { MONTHS, dayLabel, dayNumber, fromDayNumber, monthLabel } from "./dates.js";

const SVG = "http://www.w3.org/2000/svg";
const W = 1000;
const H = 240;
const PAD = { top: 24, bottom: 46, side: 36 };

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Days grouped into bars: {first, last, articles} by day, week (7 days) or month. */
export function bars(coverage, start, end) {
  const counts = new Map(coverage.map((c) => [c.day, c.articles]));
  const days = coverage.map((c) => c.day).sort();
  const first = dayNumber(start || days[0]);
  const last = dayNumber(end || days[days.length - 1]);
  const span = last - first + 1;
  const out = [];
  if (span <= 200) {
    for (let n = first; n <= last; n++) {
      const day = fromDayNumber(n);
      out.push({ first: day, last: day, articles: counts.get(day) || 0, unit: "day" });
    }
  } else if (span <= 1000) {
    for (let n = first; n <= last; n += 7) {
      let sum = 0;
      for (let k = n; k < n + 7 && k <= last; k++) sum += counts.get(fromDayNumber(k)) || 0;
      out.push({ first: fromDayNumber(n), last: fromDayNumber(Math.min(n + 6, last)), articles: sum, unit: "week" });
    }
  } else {
    const months = new Map();
    for (let n = first; n <= last; n++) {
      const day = fromDayNumber(n);
      const key = day.slice(0, 7);
      if (!months.has(key)) months.set(key, { first: day, last: day, articles: 0, unit: "month" });
      const bar = months.get(key);
      bar.last = day;
      bar.articles += counts.get(day) || 0;
    }
    out.push(...months.values());
  }
  return out;
}

function barTitle(bar) {
  const when = bar.unit === "month"
    ? monthLabel(bar.first.slice(0, 4), Number(bar.first.slice(5, 7)))
    : bar.first === bar.last ? dayLabel(bar.first) : `${dayLabel(bar.first)} – ${dayLabel(bar.last)}`;
  return `${when}: ${articles(bar.articles)}`;
}

/**
 * The chart as an <svg>; `marked` holds the days of the timeline, `open(first, last)` is
 * called with a bar's days when it is clicked.
 */
export function coverageChart(coverage, { start, end, marked = [], open = null } = {}) {
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "coverage", role: "img" });
  if (!coverage.length) return chart;
  // the range holds the timeline's days too (a day told of before its first report)
  const known = [...coverage.map((c) => c.day), ...marked].sort();
  const all = bars(coverage, start || known[0], end || known[known.length - 1]);
  const top = Math.max(1, ...all.map((b) => b.articles));
  const width = (W - 2 * PAD.side) / all.length;
  const height = H - PAD.top - PAD.bottom;
  const x = (i) => W - PAD.side - (i + 1) * width; // right to left
  const y = (n) => PAD.top + height - (n / top) * height;
  chart.append(svg("title", {}, `عدد المقالات المطابقة في كل ${all[0].unit === "day" ? "يوم" : all[0].unit === "week" ? "أسبوع" : "شهر"}`));
  chart.append(svg("line", { x1: PAD.side, x2: W - PAD.side, y1: y(0), y2: y(0), class: "axis" }));
  chart.append(svg("line", { x1: PAD.side, x2: W - PAD.side, y1: y(top), y2: y(top), class: "grid" }));
  chart.append(svg("text", { x: W - 4, y: y(top) + 4, class: "tick", "text-anchor": "start" }, top.toLocaleString("ar")));
  const peaks = new Set([...all].filter((b) => b.articles).sort((a, b) => b.articles - a.articles).slice(0, 3));
  const days = new Set(marked);
  all.forEach((bar, i) => {
    const rect = svg("rect", {
      x: x(i) + width * 0.1, width: Math.max(width * 0.8, 0.8), y: y(bar.articles),
      height: y(0) - y(bar.articles), class: peaks.has(bar) ? "bar peak" : "bar",
      "data-day": bar.first, "data-articles": bar.articles,
    });
    rect.append(svg("title", {}, barTitle(bar)));
    if (open && bar.articles) rect.addEventListener("click", () => open(bar.first, bar.last));
    chart.append(rect);
    if (peaks.has(bar)) {
      chart.append(svg("text", { x: x(i) + width / 2, y: y(bar.articles) - 4, class: "peak-count", "text-anchor": "middle" },
        bar.articles.toLocaleString("ar")));
    }
    if ([...days].some((d) => d >= bar.first && d <= bar.last)) {
      chart.append(svg("circle", { cx: x(i) + width / 2, cy: y(0) + 7, r: 3.5, class: "marked" }));
    }
  });
  ticks(chart, all, x, width, y(0));
  return chart;
}

/** Month names under the first bar of each month, thinned to about eight. */
function ticks(chart, all, x, width, base) {
  const starts = [];
  all.forEach((bar, i) => {
    const month = bar.first.slice(0, 7);
    if (i === 0 || month !== all[i - 1].first.slice(0, 7)) starts.push([i, bar.first]);
  });
  const step = Math.max(1, Math.ceil(starts.length / 8));
  starts.forEach(([i, day], k) => {
    if (k % step) return;
    const name = `${MONTHS[Number(day.slice(5, 7)) - 1].split("/")[0]} ${day.slice(0, 4)}`;
    chart.append(svg("line", { x1: x(i) + width, x2: x(i) + width, y1: base, y2: base + 14, class: "axis" }));
    chart.append(svg("text", { x: x(i) + width - 3, y: base + 30, class: "tick", "text-anchor": "start" }, name));
  });
}
