// Stepwise's console: hash-routed pages over the Step Functions API (POST / with X-Amz-Target),
// built with the DOM (text is never parsed as HTML: names and payloads come from users).
"use strict";

const api = async (operation, body) => {
  const res = await fetch("/", {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AWSStepFunctions." + operation },
    body: JSON.stringify(body || {}),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const type = String(data.__type || res.status).replace(/^.*#/, "");
    throw new Error(operation + ": " + type + (data.message ? ": " + data.message : ""));
  }
  return data;
};

function h(tag, attrs, ...children) {
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

const main = () => document.getElementById("main");
const link = (href, text, attrs) => h("a", Object.assign({ href }, attrs || {}), text);
const time = (t) => (t == null ? "" : new Date(t * 1000).toISOString().replace("T", " ").replace("Z", ""));
const duration = (ms) => (ms == null ? "" : ms < 1000 ? ms.toFixed(0) + " ms" : ms < 60000 ? (ms / 1000).toFixed(2) + " s"
  : (ms / 60000).toFixed(1) + " min");
const pretty = (json) => { try { return JSON.stringify(JSON.parse(json), null, 2); } catch (e) { return json; } };
const status = (s) => h("span", { class: "status status-" + s }, s);
const machineHref = (arn) => "#/machine/" + encodeURIComponent(arn);
const executionHref = (arn) => "#/execution/" + encodeURIComponent(arn);

function showError(e) {
  const box = document.getElementById("error");
  box.textContent = e.message || String(e);
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 8000);
}

function table(headers, rows) {
  return h("table", {}, h("thead", {}, h("tr", {}, headers.map((x) => h("th", {}, x)))), h("tbody", {}, rows));
}

/** Fetches every page of a listing (nextToken), up to a bound. */
async function all(operation, body, key, bound) {
  let out = [], token;
  do {
    const page = await api(operation, Object.assign({}, body, token ? { nextToken: token } : {}));
    out = out.concat(page[key] || []);
    token = page.nextToken;
  } while (token && out.length < (bound || 100000));
  return out;
}

// ---- graphs ----

const graphs = new Map(); // "direction definition" -> the SVG text, so a live page redraws without asking again

/** The SVG of a definition, laid out by the server (the layout `stepwise graph` uses). */
async function graphSvg(definition, direction) {
  const key = direction + " " + definition;
  if (!graphs.has(key)) {
    const res = await fetch("/console/graph.svg?direction=" + direction, { method: "POST", body: definition });
    const text = await res.text();
    if (!res.ok) throw new Error(text);
    if (graphs.size > 50) graphs.clear();
    graphs.set(key, text);
  }
  return graphs.get(key);
}

/** A state's name from its node's id, a JSON Pointer ending in States/NAME. */
const stateName = (id) => id.slice(id.lastIndexOf("States/") + 7).replace(/~1/g, "/").replace(/~0/g, "~");

function download(name, blob) {
  const a = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * A drawn definition: zoom with the wheel or the buttons, pan by dragging, Fit, top-down or
 * left-right, export as SVG or PNG. colour(statuses) marks each state with what happened to it.
 */
function graphView(definition, fileName, statuses) {
  const box = h("div", { class: "graph", id: "graph" });
  const state = graphView.state || (graphView.state = { direction: "TB" });
  let svg = null, full = null, view = null;
  const apply = () => svg && svg.setAttribute("viewBox", view.join(" "));
  const fit = () => { view = full.slice(); apply(); };
  const zoom = (f, cx, cy) => {
    if (!svg) return;
    const [x, y, w, hgt] = view;
    const px = cx == null ? x + w / 2 : cx, py = cy == null ? y + hgt / 2 : cy;
    view = [px - (px - x) * f, py - (py - y) * f, w * f, hgt * f];
    apply();
  };
  const draw = async () => {
    try {
      const text = await graphSvg(definition, state.direction);
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      svg = document.importNode(doc.documentElement, true);
      full = svg.getAttribute("viewBox").split(/\s+/).map(Number);
      svg.removeAttribute("width");
      svg.removeAttribute("height");
      svg.style.height = Math.min(640, Math.max(220, full[3] * (box.clientWidth || 900) / Math.max(full[2], 1))) + "px";
      box.replaceChildren(svg);
      fit();
      if (statuses) colour(statuses);
    } catch (e) {
      box.replaceChildren(h("pre", { class: "problem" }, e.message));
    }
  };
  const colour = (byName) => {
    if (!svg) return;
    svg.querySelectorAll("g.sw-kind-state").forEach((g) => {
      const st = byName.get(stateName(g.getAttribute("data-id"))) || "not-reached";
      g.setAttribute("data-status", st);
      g.classList.forEach((c) => c.startsWith("st-") && g.classList.remove(c));
      g.classList.add("st-" + st);
    });
  };
  box.addEventListener("wheel", (e) => {
    if (!svg) return;
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, view[0] + ((e.clientX - r.left) / r.width) * view[2],
      view[1] + ((e.clientY - r.top) / r.height) * view[3]);
  }, { passive: false });
  let drag = null;
  box.addEventListener("mousedown", (e) => { if (svg) drag = { x: e.clientX, y: e.clientY, v: view.slice() }; });
  window.addEventListener("mouseup", () => { drag = null; });
  box.addEventListener("mousemove", (e) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    view = [drag.v[0] - ((e.clientX - drag.x) / r.width) * drag.v[2], drag.v[1] - ((e.clientY - drag.y) / r.height) * drag.v[3],
      drag.v[2], drag.v[3]];
    apply();
  });
  const dirButton = h("button", { id: "graph-direction", onclick: () => {
    state.direction = state.direction === "TB" ? "LR" : "TB";
    dirButton.textContent = state.direction === "TB" ? "Left to right" : "Top down";
    draw();
  } }, state.direction === "TB" ? "Left to right" : "Top down");
  const tools = h("div", { class: "toolbar" },
    h("button", { id: "graph-fit", onclick: fit }, "Fit"), h("button", { onclick: () => zoom(1 / 1.25) }, "+"),
    h("button", { onclick: () => zoom(1.25) }, "−"), dirButton,
    h("button", { id: "export-svg", onclick: async () => download(fileName + ".svg",
      new Blob([await graphSvg(definition, state.direction)], { type: "image/svg+xml" })) }, "Export SVG"),
    h("button", { id: "export-png", onclick: async () => {
      const res = await fetch("/console/graph.png?direction=" + state.direction, { method: "POST", body: definition });
      if (res.ok) download(fileName + ".png", await res.blob()); else showError(new Error(await res.text()));
    } }, "Export PNG"),
    statuses && h("span", { class: "legend" }, ["not-reached", "in-progress", "succeeded", "retried", "caught", "failed", "cancelled"]
      .map((st) => h("span", { class: "key st-" + st }, st.replace("-", " ")))));
  draw();
  return { element: h("div", {}, tools, box), colour };
}

// ---- a new state machine ----

/** The text range of a JSON Pointer's last key in a definition (an approximation: keys in order). */
function pointerRange(text, pointer) {
  let at = 0, found = null;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(key)) continue;
    const i = text.indexOf(JSON.stringify(key), at);
    if (i < 0) break;
    found = [i, i + JSON.stringify(key).length];
    at = found[1];
  }
  return found;
}

async function newMachinePage() {
  const editor = h("textarea", { id: "definition-editor", spellcheck: "false", rows: 18 },
    JSON.stringify({ Comment: "A new state machine", StartAt: "Hello", States: { Hello: { Type: "Pass", End: true } } }, null, 2));
  const name = h("input", { id: "machine-name", placeholder: "name", size: 30 });
  const type = h("select", { id: "machine-type" }, h("option", {}, "STANDARD"), h("option", {}, "EXPRESS"));
  const problems = h("ul", { id: "problems" });
  const preview = h("div", { id: "preview" });
  const check = async () => {
    const r = await api("ValidateStateMachineDefinition", { definition: editor.value, type: type.value });
    problems.replaceChildren(...(r.diagnostics || []).map((d) => h("li", { class: d.severity === "ERROR" ? "problem" : "hint" },
      h("a", { href: "#", "data-pointer": d.location || "", onclick: (e) => {
        e.preventDefault();
        const range = pointerRange(editor.value, d.location || "");
        editor.focus();
        if (range) editor.setSelectionRange(range[0], range[1]);
      } }, d.location || "/"), " " + d.code + ": " + d.message)));
    if (r.result === "OK") preview.replaceChildren(graphView(editor.value, name.value || "definition").element);
    else preview.replaceChildren();
    return r.result === "OK";
  };
  const create = h("button", { class: "primary", id: "create-machine", onclick: async () => {
    try {
      if (!(await check())) return;
      const r = await api("CreateStateMachine", { name: name.value.trim(), definition: editor.value, type: type.value,
        roleArn: "arn:aws:iam::123456789012:role/stepwise-console" });
      location.hash = machineHref(r.stateMachineArn);
    } catch (e) { showError(e); }
  } }, "Create");
  main().replaceChildren(h("h1", {}, "New state machine"),
    h("div", { class: "toolbar" }, name, type, h("button", { id: "check-definition", onclick: () => check().catch(showError) }, "Check"),
      create),
    editor, problems, preview);
  await check();
}

// ---- state machines and activities ----

async function machinesPage() {
  const machines = await all("ListStateMachines", { maxResults: 1000 }, "stateMachines", 10000);
  main().replaceChildren(
    h("h1", {}, "State machines"),
    h("div", { class: "toolbar" }, link("#/new", "Create a state machine", { id: "new-machine" })),
    machines.length === 0 ? h("p", { class: "hint" }, "No state machines yet: create one with the API, the AWS CLI or the SDKs.")
      : table(["Name", "Type", "Created"], machines.map((m) => h("tr", {},
        h("td", {}, link(machineHref(m.stateMachineArn), m.name, { "data-machine": m.name })), h("td", {}, m.type),
        h("td", {}, time(m.creationDate))))));
}

async function activitiesPage() {
  const activities = await all("ListActivities", { maxResults: 1000 }, "activities", 10000);
  main().replaceChildren(h("h1", {}, "Activities"),
    activities.length === 0 ? h("p", { class: "hint" }, "No activities.")
      : table(["Name", "ARN", "Created"], activities.map((a) => h("tr", {}, h("td", {}, a.name), h("td", { class: "mono" },
        a.activityArn), h("td", {}, time(a.creationDate))))));
}

async function machinePage(arn) {
  const [m, versions, aliases] = await Promise.all([api("DescribeStateMachine", { stateMachineArn: arn }),
    api("ListStateMachineVersions", { stateMachineArn: arn }).catch(() => ({ stateMachineVersions: [] })),
    api("ListStateMachineAliases", { stateMachineArn: arn }).catch(() => ({ stateMachineAliases: [] }))]);
  const input = h("textarea", { id: "start-input", spellcheck: "false" }, "{}");
  const name = h("input", { id: "start-name", placeholder: "name (optional)", size: 30 });
  const problem = h("span", { class: "problem", id: "start-problem" });
  const start = h("button", { class: "primary", id: "start-execution", onclick: async () => {
    try {
      JSON.parse(input.value);
    } catch (e) {
      problem.textContent = "The input is not JSON: " + e.message;
      return;
    }
    try {
      const body = { stateMachineArn: arn, input: input.value };
      if (name.value.trim()) body.name = name.value.trim();
      const r = await api("StartExecution", body);
      location.hash = executionHref(r.executionArn);
    } catch (e) { showError(e); }
  } }, "Start execution");
  input.addEventListener("input", () => {
    try { JSON.parse(input.value); input.classList.remove("invalid"); problem.textContent = ""; }
    catch (e) { input.classList.add("invalid"); problem.textContent = "Not JSON yet: " + e.message; }
  });
  const filter = h("select", { id: "status-filter" }, ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED",
    "PENDING_REDRIVE"].map((s) => h("option", { value: s }, s || "any status")));
  const list = h("div", { id: "executions" });
  const more = h("button", { id: "more" }, "More");
  let token = null;
  const load = async (fresh) => {
    if (fresh) { token = null; list.replaceChildren(); }
    const body = { stateMachineArn: arn, maxResults: 50 };
    if (filter.value) body.statusFilter = filter.value;
    if (token) body.nextToken = token;
    const page = await api("ListExecutions", body);
    token = page.nextToken;
    more.hidden = !token;
    const rows = page.executions.map((e) => h("tr", {}, h("td", {}, link(executionHref(e.executionArn), e.name,
      { "data-execution": e.name })), h("td", {}, status(e.status)), h("td", {}, time(e.startDate)), h("td", {}, time(e.stopDate)),
      h("td", {}, e.stopDate ? duration((e.stopDate - e.startDate) * 1000) : ""), h("td", {}, e.redriveCount || 0)));
    if (!list.firstChild) list.append(table(["Name", "Status", "Started", "Stopped", "Duration", "Redrives"], rows));
    else list.querySelector("tbody").append(...rows);
  };
  filter.addEventListener("change", () => load(true).catch(showError));
  more.addEventListener("click", () => load(false).catch(showError));
  main().replaceChildren(
    h("h1", {}, m.name),
    h("dl", { class: "summary" }, h("dt", {}, "ARN"), h("dd", { class: "mono" }, m.stateMachineArn), h("dt", {}, "Type"),
      h("dd", {}, m.type), h("dt", {}, "Status"), h("dd", {}, m.status), h("dt", {}, "Created"), h("dd", {}, time(m.creationDate)),
      h("dt", {}, "Role"), h("dd", {}, m.roleArn), h("dt", {}, "Logging"), h("dd", {}, (m.loggingConfiguration || {}).level || "OFF"),
      h("dt", {}, "Versions"), h("dd", {}, versions.stateMachineVersions.map((v) => v.stateMachineVersionArn.replace(/^.*:/, "")).join(", ") || "none"),
      h("dt", {}, "Aliases"), h("dd", {}, aliases.stateMachineAliases.map((a) => a.stateMachineAliasArn.replace(/^.*:/, "")).join(", ") || "none")),
    h("h2", {}, "Start an execution"), h("div", { class: "toolbar" }, name, start, problem), input,
    h("h2", {}, "Executions"), h("div", { class: "toolbar" }, "Status ", filter), list, more,
    h("h2", {}, "Graph"), graphView(m.definition, m.name).element,
    h("h2", {}, "Definition"), h("pre", { id: "definition" }, pretty(m.definition)));
  await load(true);
}

// ---- an execution ----

/**
 * Each state's visits, from the history, with what happened: succeeded, retried (succeeded after
 * failed attempts), caught (left by a Catch), failed, cancelled (the execution ended first) or in
 * progress; its attempts, last error and timing, and its events.
 */
function statesOf(events, running) {
  const visits = [];
  const open = new Map(); // state name -> its visit not yet exited
  let last = null;
  for (const e of events) {
    const entered = e.stateEnteredEventDetails, exited = e.stateExitedEventDetails;
    if (entered) {
      last = { name: entered.name, type: e.type.replace(/StateEntered$/, ""), start: e.timestamp, end: null, status: "in-progress",
        input: entered.input, output: null, events: [e], attempts: 0, failures: 0, lastOk: false, error: null, cause: null };
      visits.push(last);
      open.set(entered.name, last);
    } else if (exited) {
      const v = open.get(exited.name);
      if (v) {
        v.end = e.timestamp; v.output = exited.output; v.events.push(e);
        v.status = v.failures === 0 ? "succeeded" : v.lastOk ? "retried" : "caught";
        open.delete(exited.name);
      }
    } else if (last && /^Execution(Failed|TimedOut)$/.test(e.type) && open.get(last.name) === last) {
      // a Fail state's error and cause are the execution's
      const d = e.executionFailedEventDetails || e.executionTimedOutEventDetails || {};
      last.events.push(e); last.failures++; last.error = d.error || e.type; last.cause = d.cause || null;
    } else if (last && !/^Execution/.test(e.type)) {
      last.events.push(e);
      if (/Scheduled$/.test(e.type)) last.attempts++;
      if (/Succeeded$/.test(e.type)) last.lastOk = true;
      if (/(Failed|TimedOut)$/.test(e.type) || e.type === "FailStateEntered") {
        const d = Object.values(e).find((x) => x && typeof x === "object" && ("error" in x || "cause" in x));
        last.failures++; last.lastOk = false;
        last.error = d && d.error ? d.error : e.type; last.cause = d ? d.cause : null;
      }
    }
  }
  for (const v of open.values()) {
    if (!running) v.status = v.failures > 0 || v.type === "Fail" ? "failed" : "cancelled";
  }
  for (const v of visits) v.retries = Math.max(0, v.attempts - 1);
  return visits;
}

/** Each state's status in its latest visit (the graph shows where each state ended up). */
function latestStatus(visits) {
  const m = new Map();
  for (const v of visits) m.set(v.name, v.status);
  return m;
}

async function executionPage(arn) {
  const [d, sm] = await Promise.all([api("DescribeExecution", { executionArn: arn }),
    api("DescribeStateMachineForExecution", { executionArn: arn }).catch(() => null)]);
  const events = await all("GetExecutionHistory", { executionArn: arn, maxResults: 1000 }, "events", 25000);
  const running = d.status === "RUNNING";
  const visits = statesOf(events, running);
  const t0 = d.startDate, t1 = d.stopDate || Math.max(t0, ...events.map((e) => e.timestamp));
  const span = Math.max(1e-3, t1 - t0);
  const details = h("div", { id: "step-details" });
  const pick = (v, row) => {
    main().querySelectorAll("tr.chosen").forEach((r) => r.classList.remove("chosen"));
    row.classList.add("chosen");
    details.replaceChildren(h("h2", {}, v.name),
      h("dl", { class: "summary" }, h("dt", {}, "Status"), h("dd", { class: "st-" + v.status }, v.status), h("dt", {}, "Type"),
        h("dd", {}, v.type), h("dt", {}, "Started"), h("dd", {}, time(v.start)), h("dt", {}, "Duration"),
        h("dd", {}, v.end ? duration((v.end - v.start) * 1000) : ""), v.error && h("dt", {}, "Error"),
        v.error && h("dd", { class: "problem", id: "step-error" }, v.error), v.cause && h("dt", {}, "Cause"),
        v.cause && h("dd", { id: "step-cause" }, v.cause), h("dt", {}, "Retries"), h("dd", {}, v.retries)),
      h("h2", {}, "Input"), h("pre", {}, v.input == null ? "" : pretty(v.input)),
      h("h2", {}, "Output"), h("pre", {}, v.output == null ? "" : pretty(v.output)),
      h("h2", {}, "Events"), h("pre", {}, v.events.map((e) => e.id + " " + e.type).join("\n")));
  };
  const rows = visits.map((v) => {
    const left = ((v.start - t0) / span) * 100, width = Math.max(0.5, (((v.end || t1) - v.start) / span) * 100);
    const row = h("tr", { class: "pick", "data-state": v.name, "data-status": v.status }, h("td", {}, v.name),
      h("td", { class: "st-" + v.status }, v.status), h("td", {}, v.type), h("td", {}, time(v.start)),
      h("td", {}, v.end ? duration((v.end - v.start) * 1000) : ""),
      h("td", {}, h("div", { class: "bar" }, h("span", { class: "st-" + v.status, style: "left:" + left + "%;width:" + width + "%" }))));
    row.addEventListener("click", () => pick(v, row));
    return row;
  });
  const typeFilter = h("select", { id: "event-filter" }, [""].concat([...new Set(events.map((e) => e.type))].sort())
    .map((t) => h("option", { value: t }, t || "every type")));
  const history = h("div", {});
  const showHistory = () => history.replaceChildren(table(["Id", "Type", "State", "Time", "Details"], events
    .filter((e) => !typeFilter.value || e.type === typeFilter.value).slice(0, 2000).map((e) => {
      const det = Object.entries(e).find(([k]) => k.endsWith("EventDetails"));
      return h("tr", {}, h("td", {}, e.id), h("td", {}, e.type), h("td", {}, det && det[1].name ? det[1].name : ""),
        h("td", {}, time(e.timestamp)), h("td", { class: "mono" }, det ? JSON.stringify(det[1]).slice(0, 300) : ""));
    })));
  typeFilter.addEventListener("change", showHistory);
  showHistory();
  const act = (op, label, id) => h("button", { id, onclick: async () => {
    try { await api(op, { executionArn: arn }); route(); } catch (e) { showError(e); }
  } }, label);
  const redrivable = ["FAILED", "ABORTED", "TIMED_OUT"].includes(d.status);
  main().replaceChildren(
    h("h1", {}, d.name),
    h("div", { class: "toolbar" }, link(machineHref(d.stateMachineArn), "← " + d.stateMachineArn.replace(/^.*:/, "")),
      running && act("StopExecution", "Stop", "stop-execution"), redrivable && act("RedriveExecution", "Redrive", "redrive-execution")),
    h("dl", { class: "summary" }, h("dt", {}, "Status"), h("dd", { id: "execution-status" }, status(d.status)),
      h("dt", {}, "ARN"), h("dd", { class: "mono" }, d.executionArn), h("dt", {}, "Started"), h("dd", {}, time(d.startDate)),
      h("dt", {}, "Stopped"), h("dd", {}, time(d.stopDate)), h("dt", {}, "Duration"), h("dd", {}, duration((t1 - t0) * 1000)),
      h("dt", {}, "State transitions"), h("dd", {}, visits.length), h("dt", {}, "Redrive count"), h("dd", {}, d.redriveCount || 0),
      d.parentExecutionArn ? [h("dt", {}, "Parent"), h("dd", {}, link(executionHref(d.parentExecutionArn), d.parentExecutionArn))] : null,
      d.error ? [h("dt", {}, "Error"), h("dd", { class: "problem" }, d.error)] : null,
      d.cause ? [h("dt", {}, "Cause"), h("dd", {}, d.cause)] : null),
    sm && h("h2", {}, "Graph"), sm && graphView(sm.definition, d.name, latestStatus(visits)).element,
    h("h2", {}, "States"), table(["State", "Status", "Type", "Started", "Duration", "Timeline"], rows), details,
    h("h2", {}, "Input"), h("pre", { id: "execution-input" }, pretty(d.input || "")),
    h("h2", {}, "Output"), h("pre", { id: "execution-output" }, d.output == null ? "" : pretty(d.output)),
    h("h2", {}, "Event history (" + events.length + ")"), h("div", { class: "toolbar" }, "Type ", typeFilter), history);
  if (running) {
    // until the live event stream arrives: the page reads the execution again while it runs
    executionPage.timer = setTimeout(() => { if (location.hash === executionHref(arn)) route(); }, 500);
  }
}

// ---- routing ----

async function route() {
  clearTimeout(executionPage.timer);
  const hash = location.hash || "#/";
  const [, page, arg] = hash.match(/^#\/([^/]*)\/?(.*)$/) || [];
  try {
    if (page === "machine") await machinePage(decodeURIComponent(arg));
    else if (page === "execution") await executionPage(decodeURIComponent(arg));
    else if (page === "activities") await activitiesPage();
    else if (page === "new") await newMachinePage();
    else await machinesPage();
  } catch (e) {
    main().replaceChildren(h("p", { class: "problem" }, e.message));
  }
}

window.addEventListener("hashchange", route);
route();
