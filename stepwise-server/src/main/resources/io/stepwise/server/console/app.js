// The console's pages by the location's hash.
import { h, main } from "./common.js";
import { executionPage } from "./execution.js";
import { activitiesPage, machinePage, machinesPage } from "./machines.js";
import { newMachinePage } from "./new-machine.js";
import { SignInRequired, onSignedIn } from "./sign-in.js";
import { executionsPage } from "./executions.js";
import { mapRunPage } from "./mapruns.js";

export async function route() {
  if (executionPage.stop) executionPage.stop(); // an execution followed live
  const hash = location.hash || "#/";
  const [, page, arg] = hash.match(/^#\/([^/]*)\/?(.*)$/) || [];
  try {
    if (page === "machine") await machinePage(decodeURIComponent(arg));
    else if (page === "execution") await executionPage(decodeURIComponent(arg));
    else if (page === "activities") await activitiesPage();
    else if (page === "new") await newMachinePage();
    else if (page === "edit") await newMachinePage(decodeURIComponent(arg));
    else if (page === "executions") await executionsPage();
    else if (page === "maprun") await mapRunPage(decodeURIComponent(arg));
    else await machinesPage();
  } catch (e) {
    if (e instanceof SignInRequired) return; // its form is shown; signing in routes again
    main().replaceChildren(h("p", { class: "problem" }, e.message));
  }
}
onSignedIn(route);

window.addEventListener("hashchange", route);
route();
