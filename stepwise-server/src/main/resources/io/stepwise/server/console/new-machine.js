// The page to paste a definition, see its problems and its graph, and create the state machine.
import { api, h, main, machineHref } from "./common.js";
import { graphView } from "./graph.js";

/** The text range of a JSON Pointer's last key in a definition (an approximation: keys in order). */
export function pointerRange(text, pointer) {
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

/**
 * A new state machine, or (editing: the ARN of one) a new definition for an existing one: its
 * problems and graph shown before it is created or updated.
 */
export async function newMachinePage(editing) {
  const m = editing ? await api("DescribeStateMachine", { stateMachineArn: editing }) : null;
  let text = JSON.stringify({ Comment: "A new state machine", StartAt: "Hello", States: { Hello: { Type: "Pass", End: true } } }, null, 2);
  if (m) { try { text = JSON.stringify(JSON.parse(m.definition), null, 2); } catch (e) { text = m.definition; } }
  const editor = h("textarea", { id: "definition-editor", spellcheck: "false", rows: 18 }, text);
  const name = h("input", { id: "machine-name", placeholder: "name", size: 30, value: m ? m.name : null, disabled: !!m });
  const type = h("select", { id: "machine-type", disabled: !!m }, ["STANDARD", "EXPRESS"].map((t) =>
    h("option", { selected: m && m.type === t }, t)));
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
  const create = h("button", { class: "primary", id: m ? "update-machine" : "create-machine", onclick: async () => {
    try {
      if (!(await check())) return;
      if (m) {
        await api("UpdateStateMachine", { stateMachineArn: m.stateMachineArn, definition: editor.value });
        location.hash = machineHref(m.stateMachineArn);
        return;
      }
      const r = await api("CreateStateMachine", { name: name.value.trim(), definition: editor.value, type: type.value,
        roleArn: "arn:aws:iam::123456789012:role/stepwise-console" });
      location.hash = machineHref(r.stateMachineArn);
    } catch (e) { showError(e); }
  } }, m ? "Update" : "Create");
  main().replaceChildren(h("h1", {}, m ? "Edit " + m.name : "New state machine"),
    h("div", { class: "toolbar" }, name, type, h("button", { id: "check-definition", onclick: () => check().catch(showError) }, "Check"),
      create),
    editor, problems, preview);
  await check();
}

