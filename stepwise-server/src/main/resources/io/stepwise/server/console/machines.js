// State machines, activities, and one state machine's page.
import { all, api, h, main, link, time, duration, pretty, status, machineHref, executionHref, showError, table } from "./common.js";
import { graphView } from "./graph.js";
import { data } from "./data.js";

export async function machinesPage() {
  const machines = await all("ListStateMachines", { maxResults: 1000 }, "stateMachines", 10000);
  main().replaceChildren(
    h("h1", {}, "State machines"),
    h("div", { class: "toolbar" }, link("#/new", "Create a state machine", { id: "new-machine" })),
    machines.length === 0 ? h("p", { class: "hint" }, "No state machines yet: create one with the API, the AWS CLI or the SDKs.")
      : table(["Name", "Type", "Created"], machines.map((m) => h("tr", {},
        h("td", {}, link(machineHref(m.stateMachineArn), m.name, { "data-machine": m.name })), h("td", {}, m.type),
        h("td", {}, time(m.creationDate))))));
}

/** Each activity with its tasks not yet answered: waiting for a worker, and taken by one (from the console's data endpoint). */
export async function activitiesPage() {
  const activities = await all("ListActivities", { maxResults: 1000 }, "activities", 10000);
  if (activities.length === 0) {
    main().replaceChildren(h("h1", {}, "Activities"), h("p", { class: "hint" }, "No activities."));
    return;
  }
  const shown = activities.slice(0, 100);
  const tasks = await Promise.all(shown.map((a) => data("activities/tasks", { activityArn: a.activityArn, maxResults: 100 })
    .catch((e) => ({ error: e.message }))));
  const execution = (t) => link(executionHref(t.executionArn), t.executionArn.replace(/^.*:execution:/, ""), { "data-task-execution": t.executionArn });
  const limits = (t) => [t.timeoutSeconds ? "timeout " + t.timeoutSeconds + " s" : "", t.heartbeatSeconds ? "heartbeat " + t.heartbeatSeconds + " s" : ""]
    .filter(Boolean).join(", ");
  const section = (a, t) => {
    if (t.error) return h("section", { class: "activity" }, h("h2", {}, a.name), h("p", { class: "problem" }, t.error));
    const more = (flag) => (flag ? " (the oldest 100)" : "");
    return h("section", { class: "activity", "data-activity": a.name },
      h("h2", {}, a.name), h("div", { class: "mono hint" }, a.activityArn + " · created " + time(a.creationDate)),
      h("h3", {}, "Waiting for a worker: " + t.scheduled.length + more(t.moreScheduled)),
      t.scheduled.length === 0 ? h("p", { class: "hint" }, "None: GetActivityTask would wait.")
        : table(["Execution", "State", "Scheduled", "Limits", "Input"], t.scheduled.map((x) => h("tr", { "data-task": "scheduled" },
          h("td", {}, execution(x)), h("td", {}, x.stateName || ""), h("td", {}, time(x.scheduledDate)), h("td", {}, limits(x)),
          h("td", { class: "mono" }, (x.input || "").slice(0, 200))))),
      h("h3", {}, "Running (taken by a worker): " + t.running.length + more(t.moreRunning)),
      t.running.length === 0 ? h("p", { class: "hint" }, "None.")
        : table(["Execution", "State", "Worker", "Started", "Scheduled", "Limits"], t.running.map((x) => h("tr", { "data-task": "running" },
          h("td", {}, execution(x)), h("td", {}, x.stateName || ""), h("td", { "data-worker": x.workerName || "" }, x.workerName || "(no name)"),
          h("td", {}, time(x.startedDate)), h("td", {}, time(x.scheduledDate)), h("td", {}, limits(x))))));
  };
  main().replaceChildren(h("div", {}, h("h1", {}, "Activities"),
    h("p", { class: "hint" }, "Heartbeats are not recorded in an execution's history, so a running task shows when a worker took it and its heartbeat limit."),
    activities.length > shown.length ? h("p", { class: "hint" }, "The first " + shown.length + " of " + activities.length + " activities.") : null,
    shown.map((a, i) => section(a, tasks[i]))));
}

export async function machinePage(arn) {
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
    h("div", { class: "toolbar" }, link("#/edit/" + encodeURIComponent(arn), "Edit the definition", { id: "edit-machine" })),
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

