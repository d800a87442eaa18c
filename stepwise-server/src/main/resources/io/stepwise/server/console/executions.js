// Every state machine's executions, newest first: by status, state machine and start time, a page at a time.
import { all, h, main, link, time, duration, status, machineHref, executionHref, showError, table } from "./common.js";
import { data } from "./data.js";

const STATUSES = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];
const machineName = (arn) => arn.replace(/^.*:stateMachine:/, "");
// a datetime-local field's value is the browser's local time; the endpoint takes an instant
const instant = (field) => (field.value ? new Date(field.value).toISOString() : null);

export async function executionsPage() {
  const machines = await all("ListStateMachines", { maxResults: 1000 }, "stateMachines", 10000);
  const statusFilter = h("select", { id: "exec-status-filter" },
    [""].concat(STATUSES).map((s) => h("option", { value: s }, s || "any status")));
  const machineFilter = h("select", { id: "exec-machine-filter" }, h("option", { value: "" }, "every state machine"),
    machines.map((m) => h("option", { value: m.stateMachineArn }, m.name)));
  const after = h("input", { type: "datetime-local", id: "exec-started-after", step: 1 });
  const before = h("input", { type: "datetime-local", id: "exec-started-before", step: 1 });
  const list = h("div", { id: "all-executions" });
  const more = h("button", { id: "exec-more", hidden: true }, "More");
  const count = h("span", { class: "hint", id: "exec-count" });
  let token = null, shown = 0, generation = 0;
  const load = async (fresh) => {
    // a filter changed while a page loaded: only the latest filters' answer is shown
    const mine = fresh ? ++generation : generation;
    const params = { status: statusFilter.value, stateMachineArn: machineFilter.value, startedAfter: instant(after),
      startedBefore: instant(before), maxResults: 50, nextToken: fresh ? null : token };
    const page = await data("executions", params);
    if (mine !== generation) return;
    if (fresh) { list.replaceChildren(); shown = 0; }
    token = page.nextToken;
    more.hidden = !token;
    const rows = page.executions.map((e) => h("tr", { "data-status": e.status }, h("td", {}, link(executionHref(e.executionArn), e.name,
      { "data-execution": e.name })), h("td", {}, link(machineHref(e.stateMachineArn), machineName(e.stateMachineArn))),
      h("td", {}, status(e.status)), h("td", {}, time(e.startDate)), h("td", {}, time(e.stopDate)),
      h("td", {}, e.stopDate ? duration((e.stopDate - e.startDate) * 1000) : ""), h("td", {}, e.redriveCount || 0)));
    shown += rows.length;
    count.textContent = shown + (token ? "+" : "") + (shown === 1 ? " execution" : " executions");
    if (!list.firstChild) {
      list.append(rows.length ? table(["Name", "State machine", "Status", "Started", "Stopped", "Duration", "Redrives"], rows)
        : h("p", { class: "hint", id: "exec-none" }, "No executions match."));
    } else if (rows.length) list.querySelector("tbody").append(...rows);
  };
  const reload = () => load(true).catch(showError);
  for (const f of [statusFilter, machineFilter, after, before]) f.addEventListener("change", reload);
  more.addEventListener("click", () => load(false).catch(showError));
  main().replaceChildren(h("h1", {}, "Executions"),
    h("div", { class: "toolbar" }, "Status ", statusFilter, " State machine ", machineFilter, " Started from ", after, " to ", before,
      count),
    list, more);
  await load(true);
}
