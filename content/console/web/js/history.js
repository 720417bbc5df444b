// A file's history: who changed it and when; one change opened shows the lines it removed and
// added, with the wording before and after, and can be undone (a new change, checked like any).
import { api } from "./api.js";
import { changesOnly, lineDiff } from "./diff.js";
import { el, when } from "./dom.js";
import { lang, t } from "./words.js";

export function historyPane(onReverted) {
  const list = el("ol", { class: "history" });
  const detail = el("div", { class: "change" });
  const pane = el("section", { class: "history-pane" }, el("h3", { text: t("history") }), list, detail);
  let path = "", loads = 0;

  async function open(commit, canUndo) {
    const { ok, data } = await api("GET", "/api/change?" + new URLSearchParams({ id: commit.id, path }));
    if (!ok) { detail.replaceChildren(el("p", { class: "problem", text: data.error })); return; }
    const lines = changesOnly(lineDiff(data.before, data.after)).map((op) =>
      op.kind === "gap" ? el("div", { class: "gap", text: "⋯" })
        : el("div", { class: op.kind, dir: "auto" }, el("span", { class: "mark", text: op.kind === "added" ? "+" : op.kind === "removed" ? "−" : " " }), op.text));
    const undo = canUndo && el("button", { text: t("undo_change"), onclick: async () => {
      const res = await api("POST", "/api/revert", { path, id: commit.id });
      if (!res.ok) { detail.append(el("p", { class: "problem", role: "status", text: res.data.error })); return; }
      await onReverted();  // the file and its history read again, then said
      detail.replaceChildren(el("p", { class: "saved", role: "status", text: t("undone") }));
    } });
    detail.replaceChildren(el("h4", { text: commit.message + " · " + commit.author + " · " + when(commit.time, lang()) }), el("div", { class: "diff" }, lines), undo || "");
  }

  return {
    element: pane,
    async load(newPath, canUndo) {
      const ask = ++loads;  // only the last file asked for is listed
      path = newPath;
      detail.replaceChildren();
      const { ok, data } = await api("GET", "/api/history?" + new URLSearchParams({ path }));
      if (ask !== loads) return;
      list.replaceChildren(...(ok ? data : []).map((c) => el("li", {},
        el("button", { class: "link", text: when(c.time, lang()) + " · " + c.author + " · " + c.message.trim(), onclick: () => open(c, canUndo) }))));
    },
  };
}
