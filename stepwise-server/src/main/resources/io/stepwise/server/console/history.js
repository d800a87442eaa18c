// An execution's event history: filterable by type and by state, a page at a time, each event
// linked to the visit of the state it belongs to.
import { h, time, table } from "./common.js";

const PAGE = 200;

export function historyView(events, tree, openVisit) {
  const typeFilter = h("select", { id: "event-filter" }, [""].concat([...new Set(events.map((e) => e.type))].sort())
    .map((t) => h("option", { value: t }, t || "every type")));
  const stateFilter = h("select", { id: "event-state-filter" }, [""].concat([...new Set(tree.all.map((v) => v.name))].sort())
    .map((n) => h("option", { value: n }, n || "every state")));
  const box = h("div", { id: "history" });
  const more = h("button", { id: "history-more" }, "More events");
  let shown = PAGE;
  const show = () => {
    const matching = events.filter((e) => (!typeFilter.value || e.type === typeFilter.value)
      && (!stateFilter.value || (tree.visitOf.get(e.id) || {}).name === stateFilter.value));
    more.hidden = matching.length <= shown;
    box.replaceChildren(h("p", { class: "hint" }, "Showing " + Math.min(shown, matching.length) + " of " + matching.length),
      table(["Id", "Type", "State", "Time", "Details"], matching.slice(0, shown).map((e) => {
        const det = Object.entries(e).find(([k]) => k.endsWith("EventDetails"));
        const v = tree.visitOf.get(e.id);
        return h("tr", { "data-event": e.id }, h("td", {}, e.id), h("td", {}, e.type),
          h("td", {}, v ? h("a", { href: "#", class: "event-state", onclick: (ev) => { ev.preventDefault(); openVisit(v); } },
            v.name + (v.scope.kind === "iteration" ? " [" + v.scope.index + "]" : "")) : ""),
          h("td", {}, time(e.timestamp)), h("td", { class: "mono" }, det ? JSON.stringify(det[1]).slice(0, 300) : ""));
      })));
  };
  typeFilter.addEventListener("change", () => { shown = PAGE; show(); });
  stateFilter.addEventListener("change", () => { shown = PAGE; show(); });
  more.addEventListener("click", () => { shown += PAGE; show(); });
  show();
  return h("div", {}, h("div", { class: "toolbar" }, "Type ", typeFilter, " State ", stateFilter), box, more);
}
