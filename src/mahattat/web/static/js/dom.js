// DOM helpers. Every piece of data enters the page as a text node: article text is
// untrusted, so nothing here ever parses HTML.

/** An element with attributes (strings), properties (on*: listeners) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Children as nodes; strings and numbers become text nodes. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export const byId = (id) => document.getElementById(id);

/** Text isolated for bidi: a Latin outlet name or a line mixing scripts keeps its order. */
export function bdi(text, cls) {
  return el("bdi", { class: cls }, text ?? "");
}

/** A URL as people read it (percent-escapes decoded), linking to the encoded one. */
export function link(url, text) {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  let shown = url;
  try {
    shown = decodeURI(url);
  } catch {
    /* a malformed escape: show it as it is */
  }
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer", dir: "ltr", class: "url" },
    text ?? shown);
}

/** Show a message in an alert paragraph, or hide it with an empty message. */
export function say(node, message) {
  node.textContent = message || "";
  node.hidden = !message;
}

/**
 * A count with its Arabic noun: `forms` are [one, two, few (3-10), many (11+)], e.g.
 * ["مقالة واحدة", "مقالتان", "مقالات", "مقالة"].
 */
export function counted(n, [one, two, few, many]) {
  if (n === 1) return one;
  if (n === 2) return two;
  const shown = n.toLocaleString("ar");
  return n % 100 >= 3 && n % 100 <= 10 ? `${shown} ${few}` : `${shown} ${many}`;
}

export const articles = (n) => counted(n, ["مقالة واحدة", "مقالتان", "مقالات", "مقالة"]);
