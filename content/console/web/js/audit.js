// The audit log, for administrators: every sign-in, change, refusal and publication.
import { api } from "./api.js";
import { el, when } from "./dom.js";
import { lang, t } from "./words.js";

export async function auditPage(root) {
  const { ok, data } = await api("GET", "/api/audit");
  if (!ok) { root.replaceChildren(el("p", { class: "problem", text: data.error })); return; }
  root.replaceChildren(el("h2", { text: t("audit") }), el("table", { id: "audit" }, el("tbody", {},
    data.map((e) => el("tr", {}, el("td", { text: when(e.at, lang()) }), el("td", { text: e.user }), el("td", { text: e.action }), el("td", { text: e.detail }))))));
}
