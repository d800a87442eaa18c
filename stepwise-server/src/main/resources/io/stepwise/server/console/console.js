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

// ---- state machines and activities ----

async function machinesPage() {
  const machines = await all("ListStateMachines", { maxResults: 1000 }, "stateMachines", 10000);
  main().replaceChildren(
    h("h1", {}, "State machines"),
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

async function executionPage(arn) {
  const d = await api("DescribeExecution", { executionArn: arn });
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
    else await machinesPage();
  } catch (e) {
    main().replaceChildren(h("p", { class: "problem" }, e.message));
  }
}

window.addEventListener("hashchange", route);
route();
