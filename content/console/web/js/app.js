// The console's front end: sign in, then one page at a time (a module each), chosen in the
// navigation the user's role allows. Plain JavaScript modules, no build step.
import { api, is, session } from "./api.js";
import { auditPage } from "./audit.js";
import { $, el } from "./dom.js";
import { editorPage } from "./editor.js";
import { fleetPage } from "./fleet.js";
import { placesPage } from "./places.js";
import { reviewPage } from "./review.js";
import { translatePage } from "./translate.js";
import { lang, setLang, t } from "./words.js";

const PAGES = [
  { id: "fleet", show: fleetPage, allowed: () => true },
  { id: "edit", show: editorPage, allowed: () => true },
  { id: "translate", show: translatePage, allowed: () => true },
  { id: "places", show: placesPage, allowed: () => !is("translator") },
  { id: "review", show: reviewPage, allowed: () => true },
  { id: "audit", show: auditPage, allowed: () => is("administrator") },
];

function signedIn(data) {
  session.csrf = data.csrf;
  session.user = data.user;
  $("user").textContent = data.user.name + " (" + data.user.role + (data.user.languages.length ? ": " + data.user.languages.join(", ") : "") + ")";
  $("login").hidden = true;
  $("who").hidden = false;
  const nav = $("nav");
  nav.replaceChildren(...PAGES.filter((p) => p.allowed()).map((p) => el("a", { href: "#" + p.id, id: "nav-" + p.id, "data-t": "nav_" + p.id, text: t("nav_" + p.id) })));
  nav.hidden = false;
  route();
}

function signedOut() {
  session.csrf = "";
  session.user = null;
  $("login").hidden = false;
  $("who").hidden = true;
  $("nav").hidden = true;
  $("page").replaceChildren();
}

async function route() {
  if (!session.user) return;
  const wanted = location.hash.slice(1) || "fleet";
  const page = PAGES.find((p) => p.id === wanted && p.allowed()) || PAGES[0];
  for (const a of $("nav").children) a.setAttribute("aria-current", a.id === "nav-" + page.id ? "page" : "false");
  const root = el("section", { id: "page-" + page.id, class: "page" });
  $("page").replaceChildren(root);
  await page.show(root);
  root.dataset.ready = "yes";  // for the browser tests: the page has its data
}

async function start() {
  setLang(lang());
  $("lang").value = lang();
  $("lang").addEventListener("change", () => { setLang($("lang").value); if (session.user) signedIn(session); });
  $("login").addEventListener("submit", async (e) => {
    e.preventDefault();
    const { ok, data } = await api("POST", "/api/login", { name: $("name").value, password: $("password").value });
    if (!ok) { $("login-problem").textContent = data.error; return; }
    $("login-problem").textContent = "";
    $("password").value = "";
    signedIn(data);
  });
  $("logout").addEventListener("click", async () => { await api("POST", "/api/logout"); signedOut(); });
  window.addEventListener("hashchange", route);
  window.addEventListener("signed-out", signedOut);
  const me = await api("GET", "/api/me");
  if (me.ok) signedIn(me.data); else signedOut();
}

start();
