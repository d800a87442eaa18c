// A step's details: status and timing, each attempt, the task's request and response, the
// variables it read and assigned, and each stage of its input and output processing.
import { api, h, time, duration, pretty } from "./common.js";

const TASK_END = /^(Task|Activity|Lambda(Function)?)(Succeeded|Failed|TimedOut)$/;
const TASK_START = /^(Task|Activity|Lambda(Function)?)Scheduled$/;

/** Each attempt of a Task: from its scheduling to its result, with the back-off before the next. */
export function attempts(v) {
  const out = [];
  let cur = null;
  for (const e of v.events) {
    if (TASK_START.test(e.type)) {
      cur = { start: e.timestamp, end: null, status: "in-progress", error: null, request: detailsOf(e) };
      out.push(cur);
    } else if (cur && TASK_END.test(e.type)) {
      const d = detailsOf(e) || {};
      cur.end = e.timestamp;
      cur.status = /Succeeded$/.test(e.type) ? "succeeded" : "failed";
      cur.error = d.error || (cur.status === "failed" ? e.type : null);
      cur.cause = d.cause || null;
      cur.response = d.output != null ? d.output : null;
      cur = null;
    }
  }
  return out;
}

function detailsOf(e) {
  const k = Object.keys(e).find((x) => x.endsWith("EventDetails"));
  return k ? e[k] : null;
}

const block = (title, text, id) => [h("h3", {}, title), h("pre", id ? { id } : {}, text == null ? "" : pretty(text))];

/** Finds a state's definition by name anywhere in a parsed definition (inside Map and Parallel too). */
function stateDefinition(def, name) {
  if (!def || typeof def !== "object") return null;
  if (def.States && def.States[name]) return def.States[name];
  for (const s of Object.values(def.States || {})) {
    for (const inner of [s.ItemProcessor, s.Iterator, ...(s.Branches || [])]) {
      const found = stateDefinition(inner, name);
      if (found) return found;
    }
  }
  return null;
}

/** The iterations' (or branches') results, in order: a Map's or Parallel's result before ResultSelector. */
function childResults(v, definition) {
  let scopes = v.children.slice();
  if (v.type === "Parallel") {
    const branches = (stateDefinition(definition, v.name) || {}).Branches || [];
    const order = (s) => branches.findIndex((b) => s.visits[0] && b.StartAt === s.visits[0].name);
    scopes.sort((a, b) => order(a) - order(b));
  } else {
    scopes.sort((a, b) => a.index - b.index);
  }
  const results = [];
  for (const s of scopes) {
    const ended = s.visits.filter((x) => x.end != null);
    const last = ended[ended.length - 1];
    if (!last || last.output == null) return null;
    results.push(JSON.parse(last.output));
  }
  return results;
}

/**
 * The TestState request that reproduces the stages of the visit's processing from what its
 * history recorded: its input, the variables it read, and (mocked) the result its task returned
 * or the error it raised. Null when the history does not hold enough (a distributed Map, a state
 * still running).
 */
export function stagesRequest(v, execution, definition) {
  if (v.end == null && v.status !== "caught") return null;
  const req = { definition: JSON.stringify(definition), stateName: v.name, input: v.input, inspectionLevel: "DEBUG" };
  if (Object.keys(v.variables).length) req.variables = JSON.stringify(v.variables);
  let mock = null;
  if (v.type === "Task") {
    const last = attempts(v).pop();
    if (!last || last.status === "in-progress") return null;
    mock = last.status === "succeeded" ? { result: last.response == null ? "null" : last.response, fieldValidationMode: "NONE" }
      : { errorOutput: { error: last.error || "States.TaskFailed", cause: last.cause || "" } };
    if (last.status === "failed") req.stateConfiguration = { retrierRetryCount: v.retries };
  } else if (v.type === "Map" || v.type === "Parallel") {
    if (v.mapRunArn) return null;
    const results = childResults(v, definition);
    if (results == null) return null;
    mock = { result: JSON.stringify(results) };
  }
  if (mock) {
    req.mock = mock;
    req.context = JSON.stringify({
      Execution: { Id: execution.executionArn, Name: execution.name, StartTime: new Date(execution.startDate * 1000).toISOString(),
        Input: JSON.parse(execution.input || "{}"), RoleArn: execution.roleArn || "" },
      StateMachine: { Id: execution.stateMachineArn, Name: execution.stateMachineArn.replace(/^.*:stateMachine:/, "").replace(/:.*$/, "") },
      State: { Name: v.name, EnteredTime: new Date(v.start * 1000).toISOString(), RetryCount: v.retries },
    });
  }
  return req;
}

const compact = (json) => { try { return JSON.stringify(JSON.parse(json)); } catch (e) { return json; } };

const STAGES = [["input", "Input"], ["afterInputPath", "After InputPath"], ["afterParameters", "After Parameters"],
  ["afterArguments", "After Arguments"], ["afterItemsPath", "After ItemsPath"], ["afterItemSelector", "After ItemSelector"],
  ["result", "The result"], ["afterResultSelector", "After ResultSelector"], ["afterResultPath", "After ResultPath"]];

/** The stages, asked of TestState; their place in the page fills in when it answers. */
function stagesView(v, execution, definition) {
  const box = h("div", { id: "step-stages" });
  const req = definition && stagesRequest(v, execution, definition);
  if (!req) {
    box.append(h("p", { class: "hint" }, v.mapRunArn ? "A distributed Map's stages are in its Map Run's executions."
      : "The stages show once the state has ended."));
    return box;
  }
  box.append(h("p", { class: "hint" }, "Working out each stage…"));
  api("TestState", req).then((r) => {
    const d = Object.assign({}, r.inspectionData || {}, { output: r.output });
    let previous = null;
    // each stage with what it made of the one before; one that changed nothing says so
    const row = (k, label) => {
      const text = d[k] == null ? "" : d[k];
      const same = previous != null && k !== "result" && k !== "variables" && text === previous;
      if (k !== "variables") previous = text;
      return h("tr", { "data-stage": k }, h("th", {}, label), h("td", {}, same ? h("span", { class: "hint" }, "unchanged")
        : h("pre", {}, text.length < 120 ? compact(text) : pretty(text))));
    };
    const rows = STAGES.filter(([k]) => d[k] != null).map(([k, label]) => row(k, label));
    rows.push(row("output", "After OutputPath or Output"));
    if (d.variables != null) rows.push(row("variables", "Variables after Assign"));
    box.replaceChildren(h("table", { class: "stages" }, h("tbody", {}, rows)));
  }).catch((e) => box.replaceChildren(h("p", { class: "hint" }, "The stages could not be worked out: " + e.message)));
  return box;
}

/** The details of one visit, to put below the states table. */
export function stepDetails(v, execution, definition) {
  const tries = attempts(v);
  if (v.type === "Fail" && !v.error) {
    // an iteration's Fail state: its error is the definition's (the history names it only at the top level)
    const def = stateDefinition(definition, v.name) || {};
    v = Object.assign({}, v, { error: def.Error || null, cause: def.Cause || null });
  }
  const parts = [h("h2", {}, v.name),
    h("dl", { class: "summary" }, h("dt", {}, "Status"), h("dd", { class: "st-" + v.status, id: "step-status" }, v.status),
      h("dt", {}, "Type"), h("dd", {}, v.type), h("dt", {}, "Started"), h("dd", {}, time(v.start)),
      h("dt", {}, "Duration"), h("dd", {}, v.end ? duration((v.end - v.start) * 1000) : ""),
      v.error && h("dt", {}, "Error"), v.error && h("dd", { class: "problem", id: "step-error" }, v.error),
      v.cause && h("dt", {}, "Cause"), v.cause && h("dd", { id: "step-cause" }, v.cause),
      h("dt", {}, "Retries"), h("dd", { id: "step-retries" }, v.retries))];
  if (tries.length) {
    parts.push(h("h3", {}, "Attempts"), h("table", { id: "step-attempts" }, h("thead", {}, h("tr", {},
      ["#", "Status", "Scheduled", "Took", "Back-off after", "Error"].map((x) => h("th", {}, x)))),
    h("tbody", {}, tries.map((t, i) => h("tr", {}, h("td", {}, i + 1), h("td", { class: "st-" + t.status }, t.status),
      h("td", {}, time(t.start)), h("td", {}, t.end ? duration((t.end - t.start) * 1000) : ""),
      h("td", {}, tries[i + 1] && t.end ? duration((tries[i + 1].start - t.end) * 1000) : ""),
      h("td", { class: "problem" }, t.error ? t.error + (t.cause ? ": " + t.cause : "") : ""))))));
    const last = tries[tries.length - 1];
    if (last.request) parts.push(...block("The task's request", JSON.stringify(last.request), "step-request"));
    if (last.response != null) parts.push(...block("The task's response", last.response, "step-response"));
  }
  parts.push(...block("Input", v.input, "step-input"));
  parts.push(h("h3", {}, "Each stage"), stagesView(v, execution, definition));
  if (Object.keys(v.variables).length) parts.push(...block("Variables it could read", JSON.stringify(v.variables)));
  if (v.assigned) parts.push(...block("Variables it assigned", JSON.stringify(Object.fromEntries(Object.entries(v.assigned)
    .map(([k, x]) => { try { return [k, JSON.parse(x)]; } catch (e) { return [k, x]; } })))));
  parts.push(...block("Output", v.output, "step-output"));
  parts.push(h("h3", {}, "Its events"), h("pre", {}, v.events.map((e) => e.id + " " + time(e.timestamp) + " " + e.type).join("\n")));
  return parts;
}
