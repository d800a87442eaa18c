// Distributed Map Runs: an execution's runs (ListMapRuns) and a run's page (DescribeMapRun, its children by ListExecutions).
import { all, api, h, main, link, time, duration, status, executionHref, showError, table } from "./common.js";

export const mapRunHref = (arn) => "#/maprun/" + encodeURIComponent(arn);
// a run's ARN ends with the Map state's label and the run's id: .../Parent/Label:id
const runLabel = (arn) => arn.replace(/^.*:mapRun:/, "");

/** The execution's Map Runs as a section for its page; nothing when it has none. */
export function mapRunsView(executionArn) {
  const box = h("div", { id: "map-runs" });
  all("ListMapRuns", { executionArn, maxResults: 1000 }, "mapRuns", 10000).then((runs) => {
    if (!runs.length) return;
    box.replaceChildren(h("h2", {}, "Map Runs (" + runs.length + ")"), table(["Map Run", "Started", "Stopped"], runs.map((r) =>
      h("tr", {}, h("td", {}, link(mapRunHref(r.mapRunArn), runLabel(r.mapRunArn), { "data-map-run": runLabel(r.mapRunArn) })),
        h("td", {}, time(r.startDate)), h("td", {}, time(r.stopDate))))));
  }).catch(showError);
  return box;
}

const COUNTS = [["pending", "Pending"], ["running", "Running"], ["succeeded", "Succeeded"], ["failed", "Failed"],
  ["timedOut", "Timed out"], ["aborted", "Aborted"], ["pendingRedrive", "Pending redrive"],
  ["failuresNotRedrivable", "Failures not redrivable"], ["total", "Total"], ["resultsWritten", "Results written"]];

export async function mapRunPage(arn) {
  const run = await api("DescribeMapRun", { mapRunArn: arn });
  const counts = (c) => COUNTS.map(([k]) => h("td", { "data-count": k }, c && c[k] != null ? c[k] : ""));
  const filter = h("select", { id: "child-status-filter" }, ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"]
    .map((s) => h("option", { value: s }, s || "any status")));
  const children = h("div", { id: "map-run-executions" });
  const more = h("button", { id: "child-more", hidden: true }, "More");
  let token = null, generation = 0;
  const load = async (fresh) => {
    const mine = fresh ? ++generation : generation;
    const body = { mapRunArn: arn, maxResults: 100 };
    if (filter.value) body.statusFilter = filter.value;
    if (!fresh && token) body.nextToken = token;
    const page = await api("ListExecutions", body);
    if (mine !== generation) return;
    if (fresh) children.replaceChildren();
    token = page.nextToken;
    more.hidden = !token;
    const rows = page.executions.map((e) => h("tr", {}, h("td", {}, link(executionHref(e.executionArn), e.name,
      { "data-execution": e.name })), h("td", {}, status(e.status)), h("td", {}, time(e.startDate)), h("td", {}, time(e.stopDate)),
      h("td", {}, e.stopDate ? duration((e.stopDate - e.startDate) * 1000) : "")));
    if (!children.firstChild) {
      children.append(rows.length ? table(["Child execution", "Status", "Started", "Stopped", "Duration"], rows)
        : h("p", { class: "hint" }, "No child executions" + (filter.value ? " of this status." : " yet.")));
    } else if (rows.length) children.querySelector("tbody").append(...rows);
  };
  filter.addEventListener("change", () => load(true).catch(showError));
  more.addEventListener("click", () => load(false).catch(showError));
  const statusBox = h("dd", { id: "map-run-status" }, status(run.status));
  const stopped = h("dd", {}, time(run.stopDate));
  const itemRow = h("tr", { id: "item-counts" }, h("th", {}, "Items"), counts(run.itemCounts));
  const childRow = h("tr", { id: "execution-counts" }, h("th", {}, "Child executions"), counts(run.executionCounts));
  main().replaceChildren(
    h("h1", {}, "Map Run " + runLabel(arn)),
    h("div", { class: "toolbar" }, link(executionHref(run.executionArn), "← " + run.executionArn.replace(/^.*:execution:/, ""),
      { id: "map-run-parent" })),
    h("dl", { class: "summary" }, h("dt", {}, "Status"), statusBox,
      h("dt", {}, "ARN"), h("dd", { class: "mono" }, run.mapRunArn), h("dt", {}, "Started"), h("dd", {}, time(run.startDate)),
      h("dt", {}, "Stopped"), stopped,
      h("dt", {}, "Max concurrency"), h("dd", { id: "map-run-concurrency" }, run.maxConcurrency === 0 ? "unlimited (0)" : run.maxConcurrency),
      h("dt", {}, "Tolerated failures"), h("dd", { id: "map-run-tolerated" }, (run.toleratedFailureCount || 0) + " or "
        + (run.toleratedFailurePercentage || 0) + "%"),
      h("dt", {}, "Redrive count"), h("dd", {}, run.redriveCount || 0),
      run.redriveDate ? [h("dt", {}, "Redriven"), h("dd", {}, time(run.redriveDate))] : null),
    h("h2", {}, "Counts"),
    table([""].concat(COUNTS.map(([, label]) => label)), [itemRow, childRow]),
    h("h2", {}, "Child executions"), h("div", { class: "toolbar" }, "Status ", filter), children, more);
  await load(true);
  // while it runs its counts and status move: read the run again (the children's list stays as filtered)
  const refresh = async () => {
    if (!statusBox.isConnected) return; // another page, or this one drawn again
    const r = await api("DescribeMapRun", { mapRunArn: arn });
    statusBox.replaceChildren(status(r.status));
    stopped.textContent = time(r.stopDate);
    itemRow.replaceChildren(h("th", {}, "Items"), ...counts(r.itemCounts));
    childRow.replaceChildren(h("th", {}, "Child executions"), ...counts(r.executionCounts));
    if (r.status === "RUNNING") setTimeout(() => refresh().catch(showError), 1000);
  };
  if (run.status === "RUNNING") setTimeout(() => refresh().catch(showError), 1000);
}
