// An execution's page: summary, graph coloured by state, states table as a tree with a Map
// iteration picker, a step's details, and the event history.
import { all, api, h, main, link, time, duration, pretty, status, machineHref, executionHref, showError, table } from "./common.js";
import { graphView } from "./graph.js";
import { route } from "./app.js";
import { visitTree, flatten, iterationsByConcern, defaultIteration, graphStatuses } from "./visits.js";
import { attempts, stepDetails } from "./step-details.js";
import { historyView } from "./history.js";
import { keepingView, watchExecution } from "./live.js";
import { mapRunsView } from "./mapruns.js";

// what the person chose on this execution's page, kept while it re-renders as the execution runs
const chosen = { arn: null, iterations: new Map(), step: null };

/** The timeline bar of a visit: its whole span, with each attempt of a Task as a segment and back-off between. */
function timelineBar(v, t0, span, t1) {
  const pct = (t) => ((t - t0) / span) * 100;
  const end = v.end || t1;
  const bar = h("div", { class: "bar" }, h("span", { class: "st-" + v.status + " whole",
    style: "left:" + pct(v.start) + "%;width:" + Math.max(0.5, pct(end) - pct(v.start)) + "%" }));
  const tries = attempts(v);
  if (tries.length > 1) {
    for (const a of tries) {
      bar.append(h("span", { class: "attempt st-" + a.status, title: a.status + (a.error ? ": " + a.error : ""),
        style: "left:" + pct(a.start) + "%;width:" + Math.max(0.3, pct(a.end || t1) - pct(a.start)) + "%" }));
    }
  }
  return bar;
}

/** A select of a Map's iterations, failed ones first. */
function iterationPicker(v, rerender) {
  const current = chosen.iterations.get(v.key);
  const shown = v.children.find((c) => c.key === current) || defaultIteration(v);
  const sel = h("select", { class: "iteration-picker", "data-map": v.name, onclick: (e) => e.stopPropagation(),
    onchange: () => { chosen.iterations.set(v.key, sel.value); rerender(); } },
  iterationsByConcern(v).map((c) => h("option", { value: c.key, selected: shown === c },
    "iteration " + c.index + " · " + c.status + (v.runs > 1 ? " (attempt " + c.attempt + ")" : ""))));
  return h("span", { class: "iterations" }, " ", sel, " ", h("span", { class: "hint" }, v.children.length + " iterations"));
}

/** known: what the page read already and the events since (drawn again live), else it is read. */
export async function executionPage(arn, known) {
  if (chosen.arn !== arn) Object.assign(chosen, { arn, iterations: new Map(), step: null });
  const [d, sm] = known ? [known.d, known.sm] : await Promise.all([api("DescribeExecution", { executionArn: arn }),
    api("DescribeStateMachineForExecution", { executionArn: arn }).catch(() => null)]);
  const events = known ? known.events : await all("GetExecutionHistory", { executionArn: arn, maxResults: 1000 }, "events", 25000);
  const running = d.status === "RUNNING";
  const tree = visitTree(events, running);
  let definition = null;
  try { definition = sm ? JSON.parse(sm.definition) : null; } catch (e) { definition = null; }
  const t0 = d.startDate, t1 = d.stopDate || Math.max(t0, ...events.map((e) => e.timestamp));
  const span = Math.max(1e-3, t1 - t0);
  const details = h("div", { id: "step-details" });
  const graph = sm && graphView(sm.definition, d.name, graphStatuses(tree, chosen.iterations));
  const statesBody = h("tbody", {});
  const pick = (v) => {
    chosen.step = v.key;
    statesBody.querySelectorAll("tr.chosen").forEach((r) => r.classList.remove("chosen"));
    const row = statesBody.querySelector("tr[data-key=\"" + CSS.escape(v.key) + "\"]");
    if (row) row.classList.add("chosen");
    details.replaceChildren(...stepDetails(v, d, definition));
  };
  const renderStates = () => {
    statesBody.replaceChildren(...flatten(tree.root, chosen.iterations).map(({ visit: v, depth }) => {
      const name = h("td", { class: "state-name", style: "padding-left:" + (8 + depth * 18) + "px" },
        v.scope.kind === "iteration" && v.scope.visits[0] === v ? h("span", { class: "hint" }, "[" + v.scope.index + "] ") : null,
        v.scope.kind === "branch" && v.scope.visits[0] === v ? h("span", { class: "hint" }, "branch " + (v.scope.index + 1)
          + (v.scope.owner.runs > 1 ? " (attempt " + v.scope.attempt + ")" : "") + " ") : null,
        v.name, v.type === "Map" && v.children.length ? iterationPicker(v, rerender) : null,
        v.mapRunArn ? [" ", link("#/maprun/" + encodeURIComponent(v.mapRunArn), "Map Run", { class: "map-run" })] : null);
      const row = h("tr", { class: "pick", "data-state": v.name, "data-status": v.status, "data-key": v.key }, name,
        h("td", { class: "st-" + v.status }, v.status), h("td", {}, v.type), h("td", {}, time(v.start)),
        h("td", {}, v.end ? duration((v.end - v.start) * 1000) : ""), h("td", {}, timelineBar(v, t0, span, t1)));
      row.addEventListener("click", () => pick(v));
      return row;
    }));
  };
  const rerender = () => {
    renderStates();
    if (graph) graph.colour(graphStatuses(tree, chosen.iterations));
    const v = tree.all.find((x) => x.key === chosen.step);
    if (v) pick(v);
  };
  renderStates();
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
      h("dt", {}, "State transitions"), h("dd", {}, tree.all.length), h("dt", {}, "Redrive count"), h("dd", {}, d.redriveCount || 0),
      d.parentExecutionArn ? [h("dt", {}, "Parent"), h("dd", {}, link(executionHref(d.parentExecutionArn), d.parentExecutionArn))] : null,
      d.error ? [h("dt", {}, "Error"), h("dd", { class: "problem" }, d.error)] : null,
      d.cause ? [h("dt", {}, "Cause"), h("dd", {}, d.cause)] : null),
    graph && h("h2", {}, "Graph"), graph && graph.element,
    h("h2", {}, "States"), h("table", { id: "states" }, h("thead", {}, h("tr", {},
      ["State", "Status", "Type", "Started", "Duration", "Timeline"].map((x) => h("th", {}, x)))), statesBody), details,
    h("h2", {}, "Input"), h("pre", { id: "execution-input" }, pretty(d.input || "")),
    h("h2", {}, "Output"), h("pre", { id: "execution-output" }, d.output == null ? "" : pretty(d.output)),
    h("h2", {}, "Event history (" + events.length + ")"), historyView(events, tree, (v) => { revealVisit(v); rerender(); pick(v);
      details.scrollIntoView(); }));
  main().querySelector("dl.summary").after(mapRunsView(arn)); // its Distributed Map Runs, if any (mapruns.js)
  const again = tree.all.find((x) => x.key === chosen.step);
  if (again) pick(again);
  if (running && !known) {
    // followed live (live.js): drawn again with the events stored since, read again once it has ended
    let seen = events;
    executionPage.stop = watchExecution(arn, events.length ? events[events.length - 1].id : 0, (more) => {
      seen = seen.concat(more);
      keepingView(() => executionPage(arn, { d, sm, events: seen }));
    }, () => keepingView(route));
  }
}

/** Makes the iterations that hold a visit the chosen ones, so its row shows. */
function revealVisit(v) {
  for (let s = v.scope; s && s.owner; s = s.owner.scope) {
    if (s.kind === "iteration") chosen.iterations.set(s.owner.key, s.key);
  }
}
