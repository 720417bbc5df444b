// The fleet: each kiosk's last report, in red when it has gone silent (no report in two
// intervals), runs an older version than the published one, needs paper, or its content expires
// within 30 days.
import { api } from "./api.js";
import { el } from "./dom.js";
import { t } from "./words.js";

export async function fleetPage(root) {
  const { ok, data } = await api("GET", "/api/fleet");
  if (!ok) { root.replaceChildren(el("p", { class: "problem", text: data.error })); return; }
  const now = Date.now() / 1000;
  let bad = 0;
  const rows = data.kiosks.map((k) => {
    const flags = ["silent", "behind", "paper", "expiring"].filter((f) => k[f]);
    if (flags.length) bad++;
    const r = k.report || {};
    return el("tr", { class: flags.length ? "bad" : "", dataset: { kiosk: k.name } },
      el("td", {}, k.name + " ", flags.map((f) => el("span", { class: "flag", text: t(f) }))),
      el("td", { text: k.site }), el("td", { text: r.version ?? "" }),
      el("td", { text: k.received_at ? Math.round((now - k.received_at) / 60) + " " + t("ago") : t("never") }),
      el("td", { text: r.printer ?? "" }), el("td", { text: r.content_expires ?? "" }),
      el("td", { text: r.free_bytes !== undefined ? (r.free_bytes / 1e9).toFixed(1) + " GB" : "" }), el("td", { text: r.last_error ?? "" }));
  });
  root.replaceChildren(el("h2", { text: t("fleet") }),
    el("p", { id: "fleet-summary", text: t("published") + ": " + data.published_version + " · " + t("summary").replace("{n}", data.kiosks.length).replace("{bad}", bad) }),
    el("div", { class: "scroll" }, el("table", {}, el("thead", {}, el("tr", {}, ["kiosk", "site", "version", "last_report", "printer", "expires", "free", "problem"].map((h) => el("th", { text: t(h) })))),
      el("tbody", { id: "kiosks" }, rows))));
  setTimeout(() => { if (root.isConnected) fleetPage(root); }, 30000);  // while shown, kept current
}
