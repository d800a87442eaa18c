// An execution followed live: its history as it is stored, over GET /console/executions/events
// (server-sent events), rather than read again and again.

/**
 * Follows an execution from after the event afterId: onEvents(events) is given the events stored
 * since (GetExecutionHistory's shape), a few at a time at most every 100 ms, and onEnd(status) is
 * told once it has ended. A dropped connection is taken up again by the browser where it was
 * (Last-Event-ID). If the server refuses the stream (it does when requests must be signed: an
 * EventSource cannot sign), onEnd(null) is told after a second, so that the page reads the
 * execution again as it would without a stream. Returns the function that stops following.
 */
export function watchExecution(arn, afterId, onEvents, onEnd) {
  const source = new EventSource("/console/executions/events?executionArn=" + encodeURIComponent(arn) + "&after=" + (afterId || 0));
  let pending = [], timer = null;
  const flush = () => { timer = null; const batch = pending; pending = []; if (batch.length) onEvents(batch); };
  const close = () => { source.close(); clearTimeout(timer); timer = null; };
  source.addEventListener("history", (m) => {
    pending = pending.concat(JSON.parse(m.data));
    if (!timer) timer = setTimeout(flush, 100);
  });
  source.addEventListener("end", (m) => { close(); onEnd(JSON.parse(m.data).status); });
  source.addEventListener("error", () => {
    // CONNECTING: the browser reconnects by itself; CLOSED: the server refused (a status other than 200)
    if (source.readyState === EventSource.CLOSED) { close(); timer = setTimeout(() => onEnd(null), 1000); }
  });
  return close;
}

/**
 * Runs render (which draws the page again) keeping what the reader had: the scroll position, the
 * chosen row (by its place among the clickable rows, which live events only add to) and the value
 * of each select with an id.
 */
export async function keepingView(render) {
  const main = document.getElementById("main");
  const rows = () => [...main.querySelectorAll("tr.pick")];
  const chosen = rows().findIndex((r) => r.classList.contains("chosen"));
  const selects = [...main.querySelectorAll("select[id]")].map((s) => [s.id, s.value]);
  const x = window.scrollX, y = window.scrollY;
  await render();
  for (const [id, value] of selects) {
    const s = document.getElementById(id);
    if (s && s.value !== value && [...s.options].some((o) => o.value === value)) {
      s.value = value;
      s.dispatchEvent(new Event("change"));
    }
  }
  if (chosen >= 0 && rows()[chosen]) rows()[chosen].click();
  window.scrollTo(x, y);
}
