// Stepwise's console: what every page uses: the Step Functions API (POST / with X-Amz-Target),
// DOM building (text is never parsed as HTML: names and payloads come from users), formatting.
import { CONSOLE_HEADER, SignInRequired, showSignIn } from "./sign-in.js";

export const api = async (operation, body) => {
  const res = await fetch("/", {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AWSStepFunctions." + operation, [CONSOLE_HEADER]: "1" },
    body: JSON.stringify(body || {}),
  });
  const text = await res.text();
  let data = {};
  try { data = text ? JSON.parse(text) : {}; } catch (e) { data = { message: text }; }
  if (res.status === 401) {
    // the server verifies signatures and this browser has no session (or its session ended)
    showSignIn(data.message);
    throw new SignInRequired(operation + ": " + (data.message || "sign in to the console with its token"));
  }
  if (!res.ok) {
    const type = String(data.__type || res.status).replace(/^.*#/, "");
    throw new Error(operation + ": " + type + (data.message ? ": " + data.message : ""));
  }
  return data;
};

export function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export const main = () => document.getElementById("main");
export const link = (href, text, attrs) => h("a", Object.assign({ href }, attrs || {}), text);
export const time = (t) => (t == null ? "" : new Date(t * 1000).toISOString().replace("T", " ").replace("Z", ""));
export const duration = (ms) => (ms == null ? "" : ms < 1000 ? ms.toFixed(0) + " ms" : ms < 60000 ? (ms / 1000).toFixed(2) + " s"
  : (ms / 60000).toFixed(1) + " min");
export const pretty = (json) => { try { return JSON.stringify(JSON.parse(json), null, 2); } catch (e) { return json; } };
export const status = (s) => h("span", { class: "status status-" + s }, s);
export const machineHref = (arn) => "#/machine/" + encodeURIComponent(arn);
export const executionHref = (arn) => "#/execution/" + encodeURIComponent(arn);

export function showError(e) {
  const box = document.getElementById("error");
  box.textContent = e.message || String(e);
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 8000);
}

export function table(headers, rows) {
  return h("table", {}, h("thead", {}, h("tr", {}, headers.map((x) => h("th", {}, x)))), h("tbody", {}, rows));
}

/** Fetches every page of a listing (nextToken), up to a bound. */
export async function all(operation, body, key, bound) {
  let out = [], token;
  do {
    const page = await api(operation, Object.assign({}, body, token ? { nextToken: token } : {}));
    out = out.concat(page[key] || []);
    token = page.nextToken;
  } while (token && out.length < (bound || 100000));
  return out;
}

