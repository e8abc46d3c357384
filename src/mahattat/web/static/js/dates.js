// Readable Arabic days for what the API gives as bare days (coverage, an item's
// publication day). The month names are those of data/time/labels.json ("month"), which
// the server uses for every other label; a browser test checks that they agree.

export const MONTHS = [
  "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
  "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
  "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2018-04-14" -> "14 نيسان/أبريل 2018"; anything else comes back unchanged. */
export function dayLabel(day) {
  const m = DAY.exec(day || "");
  if (!m) return day || "";
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * A TIMEX3 value the server gave no label for, where it is a plain year, month or day
 * ("2018", "2018-04", "2018-04-14"); anything else comes back unchanged.
 */
export function valueLabel(value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value || "");
  if (!m) return value || "";
  if (m[3]) return dayLabel(value);
  if (m[2]) return monthLabel(m[1], Number(m[2]));
  return m[1];
}

/** "2018-04" -> "نيسان/أبريل 2018" (a chart's month ticks). */
export function monthLabel(year, month) {
  return `${MONTHS[month - 1]} ${year}`;
}

/** Days as UTC midnights, so that a day is always 86 400 000 ms (no summer time). */
export function dayNumber(day) {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86400000);
}

export function fromDayNumber(n) {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first day of a year, month or day value ("2018" -> "2018-01-01"), or "". */
export function firstDay(value) {
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return DAY.test(value) ? value : "";
}

/** The last day of a year, month or day value ("2018-02" -> "2018-02-28"), or "". */
export function lastDay(value) {
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split("-").map(Number);
    return `${value}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  }
  return DAY.test(value) ? value : "";
}

/** Each date field shows, beside it, the date it reads as an Arabic reader reads it. */
export function echoDates(root = document) {
  for (const input of root.querySelectorAll("input.when")) {
    const out = root.querySelector(`output[for="${input.id}"]`);
    const update = () => {
      const v = input.value.trim();
      out.textContent = v && input.checkValidity() ? valueLabel(v) : "";
    };
    input.addEventListener("input", update);
    update();
  }
}

// The nouns of a duration's units: [one, two, few (3-10), many (11+)], and the unit alone
// for an unknown count (PXY: "سنوات").
const UNITS = {
  Y: ["سنة", "سنتان", "سنوات", "سنة"],
  M: ["شهر", "شهران", "أشهر", "شهرا"],
  W: ["أسبوع", "أسبوعان", "أسابيع", "أسبوعا"],
  D: ["يوم", "يومان", "أيام", "يوما"],
  H: ["ساعة", "ساعتان", "ساعات", "ساعة"],
  TM: ["دقيقة", "دقيقتان", "دقائق", "دقيقة"],
  S: ["ثانية", "ثانيتان", "ثوان", "ثانية"],
};
const DURATION = /^P(?:([\dX.]+)Y)?(?:([\dX.]+)M)?(?:([\dX.]+)W)?(?:([\dX.]+)D)?(?:T(?:([\dX.]+)H)?(?:([\dX.]+)M)?(?:([\dX.]+)S)?)?$/;

function amount(n, [one, two, few, many], every) {
  if (n === "X") return few;
  const k = Number(n);
  if (!Number.isInteger(k)) return `${n} ${many}`;
  if (k === 1) return one;
  if (k === 2) return every ? two.replace(/ان$/, "ين") : two; // كل سنتين
  return k % 100 >= 3 && k % 100 <= 10 ? `${k} ${few}` : `${k} ${many}`;
}

/**
 * A TIMEX3 duration as words ("P3M" -> "3 أشهر", "PT2H30M" -> "ساعتان و30 دقيقة"); with
 * `every` (a SET) each unit reads "كل": "P1W" -> "كل أسبوع". Another value: null.
 */
export function durationLabel(value, every = false) {
  const m = DURATION.exec(value || "");
  if (!m || value === "P" || value === "PT") return null;
  const keys = ["Y", "M", "W", "D", "H", "TM", "S"];
  const parts = keys.map((key, i) => m[i + 1] && amount(m[i + 1], UNITS[key], every)).filter(Boolean);
  if (!parts.length) return null;
  const text = parts.join(" و");
  return every ? `كل ${text}` : text;
}
