// Validation problems as the server words them (file, line, item, problem, fix), each a line a
// content manager can act on; a click can take them to the line.
import { el } from "./dom.js";
import { t } from "./words.js";

export function problemList(problems, onPick) {
  if (!problems.length) return el("p", { class: "ok", role: "status", text: t("no_problems") });
  return el("ul", { class: "problems", role: "alert" }, problems.map((p) => el("li", {},
    el("button", { class: "link", text: (p.line ? p.file + ":" + p.line : p.file) + (p.item ? " · " + p.item : ""), onclick: () => onPick && onPick(p) }),
    el("div", { text: p.problem }),
    p.fix ? el("div", { class: "fix", text: t("fix") + ": " + p.fix }) : "")));
}

// Someone else's save and yours, side by side, when both changed the same lines.
export function conflictPanel(message, yours, theirs, onTakeTheirs, onKeepMine) {
  return el("section", { class: "conflict", role: "alert" },
    el("p", { class: "problem", text: message }),
    el("div", { class: "side-by-side" },
      el("figure", {}, el("figcaption", { text: t("your_text") }), el("pre", { class: "yours", text: yours })),
      el("figure", {}, el("figcaption", { text: t("their_text") }), el("pre", { class: "theirs", text: theirs }))),
    el("div", { class: "row" }, el("button", { text: t("take_theirs"), onclick: onTakeTheirs }), el("button", { class: "secondary", text: t("keep_mine"), onclick: onKeepMine })));
}
