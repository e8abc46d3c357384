// The server's JSON API (see the README's "Serve" section). Errors come back as
// {"error": "one clear line"}; they are raised as ApiError carrying that line.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    q.set(key, value === true ? "true" : String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

async function answer(response) {
  if (response.ok) return response;
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body && body.error) message = body.error;
  } catch {
    /* not JSON: keep the status line */
  }
  throw new ApiError(message, response.status);
}

async function send(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError("تعذر الاتصال بالخادم", 0);
  }
  return answer(response);
}

export async function getJSON(path, params = {}) {
  return (await send(path + query(params), { headers: { Accept: "application/json" } })).json();
}

export async function postJSON(path, body, params = {}) {
  const init = {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  };
  return send(path + query(params), init);
}

/** The file name a response offers (Content-Disposition), or a fallback. */
function fileName(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** POST a timeline to /api/export and hand the file to the browser as a download. */
export async function exportTimeline(timeline, format) {
  const response = await postJSON("/api/export", timeline, { format });
  const blob = await response.blob();
  const name = fileName(response, `timeline.${format}`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name, blob };
}
