// The console's pages by the location's hash.
import { h, main } from "./common.js";
import { executionPage } from "./execution.js";
import { activitiesPage, machinePage, machinesPage } from "./machines.js";
import { newMachinePage } from "./new-machine.js";

export async function route() {
  if (executionPage.stop) executionPage.stop(); // an execution followed live
  const hash = location.hash || "#/";
  const [, page, arg] = hash.match(/^#\/([^/]*)\/?(.*)$/) || [];
  try {
    if (page === "machine") await machinePage(decodeURIComponent(arg));
    else if (page === "execution") await executionPage(decodeURIComponent(arg));
    else if (page === "activities") await activitiesPage();
    else if (page === "new") await newMachinePage();
    else await machinesPage();
  } catch (e) {
    main().replaceChildren(h("p", { class: "problem" }, e.message));
  }
}

window.addEventListener("hashchange", route);
route();
