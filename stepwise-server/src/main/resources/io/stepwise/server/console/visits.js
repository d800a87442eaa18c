// An execution's history as a tree of state visits: the top level, each Map's iterations and each
// Parallel's branches, each visit with what happened to it. Pure: events in, the tree out.
//
// A state's events chain to each other by previousEventId; an iteration opens at
// MapIterationStarted (which names its Map and index) and a branch at the first state entered after
// ParallelStateStarted. The Map's and Parallel's own events (MapStateSucceeded, ...) are found by
// walking out of the iteration or branch the previous event was in.

const END_OF_ITERATION = /^MapIteration(Succeeded|Failed|Aborted)$/;
const OWN_EVENT = /^(Map|Parallel)State(Started|Succeeded|Failed|Aborted)$|^MapRun/;

/** A scope: the execution, an iteration of a Map, or a branch of a Parallel. */
function scope(kind, owner, parent, index) {
  // a retried Map or Parallel runs its iterations or branches again: each run is an attempt
  const attempt = owner ? owner.runs : 0;
  const key = owner ? owner.key + (attempt > 1 ? "@" + attempt : "") + (kind === "iteration" ? "[" + index + "]" : "{" + index + "}") : "";
  return { kind, owner, parent, index, attempt, key, visits: [], vars: {}, status: "in-progress", start: null, end: null };
}

/** The variables a state in the scope reads: its own and those of the scopes around it. */
function variablesIn(s) {
  const chain = [];
  for (let x = s; x; x = x.parent) chain.unshift(x.vars);
  return Object.assign({}, ...chain);
}

function lastOpen(s, test) {
  for (let i = s.visits.length - 1; i >= 0; i--) {
    const v = s.visits[i];
    if (v.end == null && (!test || test(v))) return v;
  }
  return null;
}

/** The innermost open visit that passes the test, from the scope outwards. */
function enclosing(s, test) {
  for (let x = s; x; x = x.parent) {
    const v = lastOpen(x, test);
    if (v) return v;
    if (x.owner && x.owner.end == null && test(x.owner)) return x.owner;
  }
  return null;
}

function errorOf(e) {
  const d = Object.values(e).find((x) => x && typeof x === "object" && ("error" in x || "cause" in x));
  return { error: d && d.error ? d.error : e.type, cause: d ? d.cause || null : null };
}

/**
 * The tree of visits. Each visit: name, type, start, end, status (succeeded, retried, caught,
 * failed, cancelled, in-progress), input, output, events, attempts, retries, error, cause,
 * variables (those it could read when entered), assigned (what it assigned), children (a Map's
 * iterations, a Parallel's branches) and scope. Also each event's visit, for the history.
 */
export function visitTree(events, running) {
  const root = scope("execution", null, null, 0);
  const scopeOf = new Map(); // event id -> scope
  const typeOf = new Map(); // event id -> type
  const visitOf = new Map(); // event id -> visit
  const all = [];
  let lastEntered = null;
  const attach = (v, e) => { if (v) { v.events.push(e); visitOf.set(e.id, v); } };
  for (const e of events) {
    const prevType = typeOf.get(e.previousEventId);
    let at = scopeOf.get(e.previousEventId) || root;
    typeOf.set(e.id, e.type);
    const entered = e.stateEnteredEventDetails, exited = e.stateExitedEventDetails;
    if (entered) {
      if (prevType === "ParallelStateStarted") {
        const parallel = visitOf.get(e.previousEventId);
        if (parallel) {
          at = scope("branch", parallel, parallel.scope, parallel.children.filter((c) => c.attempt === parallel.runs).length);
          at.start = e.timestamp;
          parallel.children.push(at);
        }
      }
      const v = { name: entered.name, type: e.type.replace(/StateEntered$/, ""), start: e.timestamp, end: null,
        status: "in-progress", input: entered.input, output: null, events: [], attempts: 0, failures: 0, lastOk: false,
        error: null, cause: null, variables: variablesIn(at), assigned: null, children: [], runs: 0, scope: at, mapRunArn: null,
        key: at.key + "/" + entered.name + "#" + at.visits.filter((x) => x.name === entered.name).length };
      at.visits.push(v);
      all.push(v);
      lastEntered = v;
      attach(v, e);
      scopeOf.set(e.id, at);
    } else if (exited) {
      const v = enclosing(at, (x) => x.name === exited.name) || lastOpen(root, (x) => x.name === exited.name);
      if (v) {
        v.end = e.timestamp; v.output = exited.output; attach(v, e);
        v.status = v.failures === 0 ? "succeeded" : v.lastOk ? "retried" : "caught";
        v.assigned = exited.assignedVariables || null;
        if (v.assigned) {
          for (const [k, text] of Object.entries(v.assigned)) {
            try { v.scope.vars[k] = JSON.parse(text); } catch (err) { v.scope.vars[k] = text; }
          }
        }
        for (const c of v.children) if (c.status === "in-progress") c.status = "cancelled";
        scopeOf.set(e.id, v.scope);
      } else {
        scopeOf.set(e.id, at);
      }
    } else if (e.type === "MapIterationStarted" || END_OF_ITERATION.test(e.type)) {
      const d = e.mapIterationStartedEventDetails || e.mapIterationSucceededEventDetails || e.mapIterationFailedEventDetails
        || e.mapIterationAbortedEventDetails || {};
      const isMap = (x) => x.type === "Map" && x.name === d.name;
      const map = enclosing(at, isMap) || all.slice().reverse().find((x) => isMap(x) && x.end == null);
      if (!map) { scopeOf.set(e.id, at); continue; }
      let it = map.children.find((c) => c.index === d.index && c.attempt === map.runs);
      if (!it) {
        it = scope("iteration", map, map.scope, d.index);
        it.start = e.timestamp;
        map.children.push(it);
      }
      attach(map, e);
      if (e.type === "MapIterationStarted") {
        scopeOf.set(e.id, it);
      } else {
        it.status = e.type === "MapIterationSucceeded" ? "succeeded" : e.type === "MapIterationFailed" ? "failed" : "cancelled";
        it.end = e.timestamp;
        const failure = errorOf(e);
        if (e.type === "MapIterationFailed" && failure.error !== e.type) Object.assign(it, failure);
        for (const x of it.visits) {
          // the states an iteration ended in without leaving: its Fail state, or the one that failed it
          if (x.end != null) continue;
          x.closed = true;
          x.status = x.type === "Fail" || (x.failures > 0 && !x.lastOk) ? "failed" : "cancelled";
          if (x.type === "Fail" && !x.error && it.error) Object.assign(x, { error: it.error, cause: it.cause });
        }
        scopeOf.set(e.id, map.scope);
      }
    } else if (OWN_EVENT.test(e.type)) {
      const kind = e.type.startsWith("Parallel") ? "Parallel" : "Map";
      const v = enclosing(at, (x) => x.type === kind) || lastEntered;
      attach(v, e);
      if (v && /^(Map|Parallel)StateStarted$/.test(e.type)) v.runs++;
      if (v && e.mapRunStartedEventDetails) v.mapRunArn = e.mapRunStartedEventDetails.mapRunArn;
      if (v && /(Failed|Aborted)$/.test(e.type) && !/^MapRun/.test(e.type)) { v.failures++; v.lastOk = false; Object.assign(v, errorOf(e)); }
      scopeOf.set(e.id, v ? v.scope : at);
    } else if (/^Execution(Failed|TimedOut)$/.test(e.type)) {
      // a Fail state's error and cause are the execution's
      if (lastEntered && lastEntered.end == null) {
        attach(lastEntered, e);
        lastEntered.failures++;
        Object.assign(lastEntered, errorOf(e));
      }
      scopeOf.set(e.id, root);
    } else if (/^Execution/.test(e.type)) {
      scopeOf.set(e.id, root);
    } else {
      const v = lastOpen(at) || lastEntered;
      attach(v, e);
      if (v) {
        if (/Scheduled$/.test(e.type)) v.attempts++;
        if (/Succeeded$/.test(e.type)) v.lastOk = true;
        if (/(Failed|TimedOut)$/.test(e.type) || e.type === "FailStateEntered") {
          v.failures++; v.lastOk = false;
          Object.assign(v, errorOf(e));
        }
      }
      scopeOf.set(e.id, at);
    }
  }
  for (const v of all) {
    if (v.end == null && !v.closed && !running) v.status = v.failures > 0 || v.type === "Fail" ? "failed" : "cancelled";
    v.retries = Math.max(0, v.attempts - 1);
    for (const c of v.children) {
      if (c.status === "in-progress" && !running) c.status = "cancelled";
      c.visits.forEach((x) => { if (x.status === "failed" && c.status === "in-progress") c.status = "failed"; });
    }
  }
  return { root, all, visitOf };
}

/**
 * The visits of a scope and, beneath each Map and Parallel, those of the chosen iteration or every
 * branch. chosen: a Map visit's key -> the key of the iteration picked for it.
 */
export function flatten(s, chosen, depth, out) {
  out = out || [];
  for (const v of s.visits) {
    out.push({ visit: v, depth: depth || 0 });
    if (v.type === "Parallel") {
      for (const b of v.children) flatten(b, chosen, (depth || 0) + 1, out);
    } else if (v.children.length) {
      const it = v.children.find((c) => c.key === chosen.get(v.key)) || defaultIteration(v);
      if (it) flatten(it, chosen, (depth || 0) + 1, out);
    }
  }
  return out;
}

/** A Map's iterations, failed ones first, then by index. */
export function iterationsByConcern(v) {
  const rank = { failed: 0, cancelled: 1, "in-progress": 2, succeeded: 3 };
  return v.children.slice().sort((a, b) => (rank[a.status] ?? 2) - (rank[b.status] ?? 2) || b.attempt - a.attempt || a.index - b.index);
}

/** The iteration shown until another is picked: the first failed one, else the last. */
export function defaultIteration(v) {
  return iterationsByConcern(v).find((c) => c.status === "failed") || v.children[v.children.length - 1] || null;
}

/** Each state's status as the graph shows it: its latest visit, with the chosen iterations' visits for a Map's states. */
export function graphStatuses(tree, chosen) {
  const m = new Map();
  for (const { visit } of flatten(tree.root, chosen)) m.set(visit.name, visit.status);
  return m;
}
