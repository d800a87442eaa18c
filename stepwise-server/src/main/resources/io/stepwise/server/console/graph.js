// A drawn definition, laid out by the server (the layout `stepwise graph` uses).
import { h, showError } from "./common.js";

const graphs = new Map(); // "direction definition" -> the SVG text, so a live page redraws without asking again

/** The SVG of a definition, laid out by the server (the layout `stepwise graph` uses). */
export async function graphSvg(definition, direction) {
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
export const stateName = (id) => id.slice(id.lastIndexOf("States/") + 7).replace(/~1/g, "/").replace(/~0/g, "~");

export function download(name, blob) {
  const a = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * A drawn definition: zoom with the wheel or the buttons, pan by dragging, Fit, top-down or
 * left-right, export as SVG or PNG. colour(statuses) marks each state with what happened to it.
 */
export function graphView(definition, fileName, statuses) {
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
      const width = box.clientWidth || 900, height = parseFloat(svg.style.height);
      if (Math.min(width / full[2], height / full[3]) < 0.6) {
        // too big to read whole (150 states and more): start at full size on the start, Fit shows it all
        const start = svg.querySelector("g.sw-kind-start circle");
        const cx = start ? Number(start.getAttribute("cx")) : full[0] + full[2] / 2;
        const cy = start ? Number(start.getAttribute("cy")) : full[1];
        view = [cx - width / 2, Math.max(full[1], cy - 40), width, height];
        apply();
      } else {
        fit();
      }
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

