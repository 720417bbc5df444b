// The console's front end: plain JavaScript, no build step. Every text from the server is put on
// the page as text (textContent), never as HTML.
"use strict";

const words = {
  en: { title: "Kiosk console", sign_in: "Sign in", name: "Name", password: "Password", logout: "Sign out", fleet: "Kiosks",
        kiosk: "Kiosk", site: "Site", version: "Version", last_report: "Last report", printer: "Printer", expires: "Content expires",
        free: "Free space", problem: "Last problem", silent: "silent", behind: "behind", paper: "printer", expiring: "expiring",
        never: "never", published: "Published version", ago: "min ago", summary: "{n} kiosks, {bad} need attention" },
  it: { title: "Console dei chioschi", sign_in: "Accedi", name: "Nome", password: "Password", logout: "Esci", fleet: "Chioschi",
        kiosk: "Chiosco", site: "Sede", version: "Versione", last_report: "Ultimo rapporto", printer: "Stampante", expires: "Contenuti scadono",
        free: "Spazio libero", problem: "Ultimo problema", silent: "muto", behind: "indietro", paper: "stampante", expiring: "in scadenza",
        never: "mai", published: "Versione pubblicata", ago: "min fa", summary: "{n} chioschi, {bad} da controllare" },
};
let lang = localStorage.getItem("console.lang") || (navigator.language.startsWith("it") ? "it" : "en");
let csrf = "";

const $ = (id) => document.getElementById(id);
const t = (key) => words[lang][key] || words.en[key] || key;

function translate() {
  document.documentElement.lang = lang;
  $("lang").value = lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
}

async function api(method, path, body) {
  const headers = { "X-CSRF-Token": csrf };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  const data = res.status === 204 ? {} : await res.json();
  return { ok: res.ok, status: res.status, data };
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;
  row.appendChild(td);
  return td;
}

async function showFleet() {
  const { ok, data } = await api("GET", "/api/fleet");
  if (!ok) return showLogin();
  const body = $("kiosks");
  body.replaceChildren();
  let bad = 0;
  const now = Date.now() / 1000;
  for (const k of data.kiosks) {
    const row = document.createElement("tr");
    row.dataset.kiosk = k.name;
    const flags = ["silent", "behind", "paper", "expiring"].filter((f) => k[f]);
    if (flags.length) { row.className = "bad"; bad++; }
    const name = cell(row, k.name + " ");
    for (const f of flags) {
      const span = document.createElement("span");
      span.className = "flag";
      span.textContent = t(f);
      name.appendChild(span);
    }
    const r = k.report || {};
    cell(row, k.site);
    cell(row, r.version ?? "");
    cell(row, k.received_at ? Math.round((now - k.received_at) / 60) + " " + t("ago") : t("never"));
    cell(row, r.printer ?? "");
    cell(row, r.content_expires ?? "");
    cell(row, r.free_bytes !== undefined ? (r.free_bytes / 1e9).toFixed(1) + " GB" : "");
    cell(row, r.last_error ?? "");
    body.appendChild(row);
  }
  $("fleet-summary").textContent = t("published") + ": " + data.published_version + " · " +
    t("summary").replace("{n}", data.kiosks.length).replace("{bad}", bad);
  $("login").hidden = true;
  $("fleet").hidden = false;
  $("who").hidden = false;
}

function showLogin() {
  $("login").hidden = false;
  $("fleet").hidden = true;
  $("who").hidden = true;
}

async function start() {
  translate();
  $("lang").addEventListener("change", () => { lang = $("lang").value; localStorage.setItem("console.lang", lang); translate(); showFleet(); });
  $("login").addEventListener("submit", async (e) => {
    e.preventDefault();
    const { ok, data } = await api("POST", "/api/login", { name: $("name").value, password: $("password").value });
    if (!ok) { $("login-problem").textContent = data.error; return; }
    csrf = data.csrf;
    $("user").textContent = data.user.name + " (" + data.user.role + ")";
    $("login-problem").textContent = "";
    showFleet();
  });
  $("logout").addEventListener("click", async () => { await api("POST", "/api/logout"); csrf = ""; showLogin(); });
  const me = await api("GET", "/api/me");
  if (!me.ok) return showLogin();
  csrf = me.data.csrf;
  $("user").textContent = me.data.user.name + " (" + me.data.user.role + ")";
  showFleet();
  setInterval(() => { if (!$("fleet").hidden) showFleet(); }, 30000);
}

start();
