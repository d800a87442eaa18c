// An execution's page: summary, graph coloured by state, states table, a step's details, history.
import { all, api, h, main, link, time, duration, pretty, status, machineHref, executionHref, showError, table } from "./common.js";
import { graphView } from "./graph.js";
import { route } from "./app.js";
import { mapRunsView } from "./mapruns.js";

/**
 * Each state's visits, from the history, with what happened: succeeded, retried (succeeded after
 * failed attempts), caught (left by a Catch), failed, cancelled (the execution ended first) or in
 * progress; its attempts, last error and timing, and its events.
 */
export function statesOf(events, running) {
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
export function latestStatus(visits) {
  const m = new Map();
  for (const v of visits) m.set(v.name, v.status);
  return m;
}

export async function executionPage(arn) {
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
  main().querySelector("dl.summary").after(mapRunsView(arn)); // its Distributed Map Runs, if any (mapruns.js)
  if (running) {
    // until the live event stream arrives: the page reads the execution again while it runs
    executionPage.timer = setTimeout(() => { if (location.hash === executionHref(arn)) route(); }, 500);
  }
}

