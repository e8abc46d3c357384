// Three views as tabs; the URL's hash (#extract, #archive, #topic) keeps the open one.

const NAMES = ["extract", "archive", "topic"];

export function showTab(name) {
  if (!NAMES.includes(name)) name = NAMES[0];
  for (const other of NAMES) {
    const on = other === name;
    document.getElementById(`tab-${other}`).setAttribute("aria-selected", String(on));
    document.getElementById(`tab-${other}`).tabIndex = on ? 0 : -1;
    document.getElementById(`view-${other}`).hidden = !on;
  }
  if (location.hash !== `#${name}`) history.replaceState(null, "", `#${name}`);
}

export function setupTabs() {
  NAMES.forEach((name, i) => {
    const tab = document.getElementById(`tab-${name}`);
    tab.addEventListener("click", () => showTab(name));
    tab.addEventListener("keydown", (event) => {
      // right-to-left: the left arrow goes to the next tab
      const step = { ArrowLeft: 1, ArrowRight: -1 }[event.key];
      if (!step) return;
      const next = NAMES[(i + step + NAMES.length) % NAMES.length];
      showTab(next);
      document.getElementById(`tab-${next}`).focus();
    });
  });
  showTab(location.hash.slice(1));
}
