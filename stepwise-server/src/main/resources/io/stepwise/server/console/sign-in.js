// The console's sign-in, on a server that verifies signatures (--auth sigv4): a browser cannot sign
// with AWS keys, so the page signs in once with the server's console token and the server answers
// with a session cookie (HttpOnly: never seen by scripts) that every later request carries.
import { h, main } from "./common.js";

/** What api() throws when the server asks for a sign-in: the form is shown already. */
export class SignInRequired extends Error {}

/** The header the console's own requests carry (the server takes a session only with it). */
export const CONSOLE_HEADER = "X-Stepwise-Console";

let signedIn = () => location.reload();

/** What runs once signed in (the app shows the page that asked again). */
export function onSignedIn(callback) { signedIn = callback; }

export function showSignIn(message) {
  if (document.getElementById("sign-in")) return; // several requests were refused at once
  const token = h("input", { id: "sign-in-token", type: "password", size: 50, autocomplete: "current-password", required: true });
  const problem = h("p", { id: "sign-in-problem", class: "problem", hidden: true });
  const submit = h("button", { id: "sign-in-submit", type: "submit", class: "primary" }, "Sign in");
  const form = h("form", { id: "sign-in", onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      const res = await fetch("/console/session", { method: "POST", body: JSON.stringify({ token: token.value }),
        headers: { "Content-Type": "application/json", [CONSOLE_HEADER]: "1" } });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) {
        problem.textContent = data.message || "Sign-in refused (HTTP " + res.status + ")";
        problem.hidden = false;
        token.select();
        return;
      }
      showSignOut();
      signedIn();
    } catch (err) {
      problem.textContent = "The server cannot be reached: " + err.message;
      problem.hidden = false;
    } finally {
      submit.disabled = false;
    }
  } },
  h("h1", {}, "Sign in to the console"),
  h("p", { class: "hint" }, message || "This server verifies signatures: sign in with its console token."),
  h("p", { class: "hint" }, "Unless it was set (--console-token, STEPWISE_CONSOLE_TOKEN, auth.consoleToken), the token is"
    + " in the line of the server's log that gives the console's address."),
  h("div", { class: "toolbar" }, h("label", { for: "sign-in-token" }, "Console token"), token, submit),
  problem);
  main().replaceChildren(form);
  token.focus();
}

/** The header's sign-out button, shown while signed in. */
export function showSignOut() {
  const header = document.querySelector("header");
  if (!header || document.getElementById("sign-out")) return;
  header.append(h("button", { id: "sign-out", type: "button", onclick: async () => {
    await fetch("/console/session", { method: "DELETE", headers: { [CONSOLE_HEADER]: "1" } }).catch(() => null);
    location.reload();
  } }, "Sign out"));
}

// whether this browser is signed in already (a reload keeps the session): then it may sign out
fetch("/console/session").then((r) => (r.ok ? r.json() : {})).then((s) => { if (s.signedIn) showSignOut(); }).catch(() => {});
