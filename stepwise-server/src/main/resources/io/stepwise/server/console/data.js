// The console's own data endpoints (GET /console/api/...): what the Step Functions API cannot list.
// A refused request throws with the server's message, which names the parameter at fault.
export async function data(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== "") query.set(k, v);
  const q = query.toString();
  const res = await fetch("/console/api/" + path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
  const text = await res.text();
  let body = {};
  try { body = text ? JSON.parse(text) : {}; } catch (e) { body = { message: text }; }
  if (!res.ok) throw new Error(path + ": " + (body.message || res.status));
  return body;
}
