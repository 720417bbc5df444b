// Review and publish: everything that changed since the published version, in the words kiosks
// would show (old and new), who changed it; a publisher approves and publishes with their own
// key; the publish log, with a rollback to an earlier version; coverage per language.
import { api, is } from "./api.js";
import { changesOnly, lineDiff } from "./diff.js";
import { el, when } from "./dom.js";
import { problemList } from "./problems.js";
import { lang, t } from "./words.js";

// `SUBJECT: FIELD "old" → "new"` (kiosk-bundle diff's line) with the old and the new wording
// apart: the old text starts at the line's first quote. A guide's body (its lines joined by
// " / ") shows only the lines that differ, each old and new.
function changeLine(line) {
  const open = line.indexOf("\""), arrow = line.indexOf("\" → \"", open);
  if (open < 0 || arrow < 0 || !line.endsWith("\"")) return el("li", { text: line });
  const subject = line.slice(0, open), was = line.slice(open + 1, arrow), now = line.slice(arrow + 5, line.length - 1);
  const wording = (tag, text) => el(tag, { dir: "auto", text: text || t("empty_value"), class: text ? "" : "empty" });
  if (!/ line \d+ $/.test(subject)) return el("li", {}, el("span", { class: "subject", text: subject }), wording("del", was), " → ", wording("ins", now));
  const lines = changesOnly(lineDiff(was.split(" / ").join("\n"), now.split(" / ").join("\n")), 0).filter((op) => op.kind !== "same");
  return el("li", {}, el("span", { class: "subject", text: subject.replace(/ line \d+ $/, "") }),
    el("div", { class: "body-change" }, lines.map((op) => op.kind === "gap" ? el("div", { class: "gap", text: "⋯" })
      : el("div", {}, wording(op.kind === "added" ? "ins" : "del", op.text)))));
}

// The build marks a guide outdated in every language when its source changes: one line for all.
function grouped(lines) {
  const outdated = new Map(), out = [];
  for (const line of lines) {
    const m = /^guide (\S+), in (\S+): outdated "0" → "1"$/.exec(line);
    if (!m) { out.push(changeLine(line)); continue; }
    if (!outdated.has(m[1])) { outdated.set(m[1], []); out.push(m[1]); }
    outdated.get(m[1]).push(m[2]);
  }
  return out.map((item) => typeof item !== "string" ? item
    : el("li", { class: "outdated-note", text: t("marked_outdated").replace("{guide}", item).replace("{n}", outdated.get(item).length).replace("{langs}", outdated.get(item).join(", ")) }));
}

export async function reviewPage(root) {
  const status = el("p", { class: "status", role: "status", id: "publish-status" });
  root.replaceChildren(el("p", { text: t("loading") }));
  const [review, log, coverage] = await Promise.all([api("GET", "/api/review"), api("GET", "/api/publish-log"), api("GET", "/api/coverage")]);
  if (!review.ok) { root.replaceChildren(el("p", { class: "problem", text: review.data.error })); return; }
  const r = review.data;
  const password = el("input", { type: "password", id: "key-password", autocomplete: "off", "aria-label": t("key_password") });
  const publish = el("button", { id: "publish", text: t("approve_publish").replace("{v}", r.next_version), disabled: r.problems.length > 0 || !is("publisher") });
  publish.addEventListener("click", async () => {
    publish.disabled = true;
    status.textContent = t("publishing");
    const res = await api("POST", "/api/publish", { head: r.head, password: password.value });
    status.textContent = res.ok ? t("published_as").replace("{v}", res.data.version).replace("{key}", res.data.key) : res.data.error;
    if (res.ok) setTimeout(() => reviewPage(root), 1500); else publish.disabled = false;
  });
  const rollback = (entry) => el("button", { class: "secondary", text: t("roll_back_to").replace("{v}", entry.version), dataset: { version: entry.version },
    onclick: async () => {
      if (!confirm(t("roll_back_confirm").replace("{v}", entry.version).replace("{next}", r.published_version + 1))) return;
      status.textContent = t("publishing");
      const res = await api("POST", "/api/rollback", { version: entry.version, password: password.value });
      status.textContent = res.ok ? t("published_as").replace("{v}", res.data.version).replace("{key}", res.data.key) : res.data.error;
      if (res.ok) setTimeout(() => reviewPage(root), 1500);
    } });
  root.replaceChildren(
    el("h2", { text: t("review") }),
    el("p", { id: "review-summary", text: r.published_version ? t("since_version").replace("{v}", r.published_version).replace("{n}", r.changes.length) : t("nothing_published") }),
    r.problems.length ? problemList(r.problems) : "",
    el("ul", { class: "changes", id: "changes" }, grouped(r.changes)),
    el("details", {}, el("summary", { text: t("changes_by").replace("{n}", r.commits.length) }),
      el("ul", {}, r.commits.map((c) => el("li", { text: when(c.time, lang()) + " · " + c.author + " · " + c.message.trim() })))),
    is("publisher") ? el("div", { class: "row publish-row" }, el("label", {}, t("key_password") + " ", password), publish) : el("p", { text: t("publisher_only") }),
    status,
    el("h2", { text: t("publish_log") }),
    el("table", { id: "publish-log" }, el("thead", {}, el("tr", {}, [t("version"), t("when"), t("publisher"), t("changes"), ""].map((h) => el("th", { text: h })))),
      el("tbody", {}, (log.ok ? log.data : []).map((e) => el("tr", {}, el("td", { text: e.version }), el("td", { text: e.time }), el("td", { text: e.publisher }),
        el("td", { text: e.change_count + (e.changes.length ? ": " + e.changes.slice(0, 3).join("; ") : "") }),
        el("td", {}, is("publisher") && e.from_console && e.version < r.published_version ? rollback(e) : ""))))),
    el("h2", { text: t("coverage") }),
    el("table", { id: "coverage" }, el("tbody", {}, (coverage.ok ? coverage.data : []).map((l) => el("tr", {},
      el("th", { text: l.code + " · " + l.name }),
      el("td", {}, el("meter", { min: 0, max: l.total, value: l.translated }), " " + l.translated + "/" + l.total),
      el("td", { text: (l.outdated ? l.outdated + " " + t("outdated") : "") + (l.missing ? " " + l.missing + " " + t("missing") : "") }))))));
}
