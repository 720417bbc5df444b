// Editing a guide (or a screen's texts, or a table) in the bundle's markup: a toolbar for the
// markup, problems checked as you type and listed with their fix, the kiosk's own picture of the
// screen beside it redrawn on every save, both texts shown when someone else saved the same
// lines meanwhile, and the file's history with each change undoable.
import { api, is, session } from "./api.js";
import { debounce, el, options } from "./dom.js";
import { historyPane } from "./history.js";
import { previewPane } from "./preview.js";
import { conflictPanel, problemList } from "./problems.js";
import { t } from "./words.js";

const TABLES = ["places.csv", "stops.csv", "notices.csv", "links.csv", "guides.csv", "categories.csv"];

// Wraps the selection in `before`/`after`, or puts `before` at the start of each selected line.
function markup(area, before, after, perLine) {
  const { selectionStart: s, selectionEnd: e, value } = area;
  let replaced;
  if (perLine) {
    const lineStart = value.lastIndexOf("\n", s - 1) + 1;
    const block = value.slice(lineStart, e);
    replaced = block.split("\n").map((line) => before + line.replace(/^(#+ |\d+\. |- )/, "")).join("\n");
    area.setRangeText(replaced, lineStart, e, "end");
  } else {
    replaced = before + value.slice(s, e) + after;
    area.setRangeText(replaced, s, e, "end");
  }
  area.dispatchEvent(new Event("input"));
  area.focus();
}

export async function editorPage(root, start = {}) {
  const src = await api("GET", "/api/source");
  if (!src.ok) { root.replaceChildren(el("p", { class: "problem", text: src.data.error }), problemList(src.data.problems || [])); return; }
  const { languages, guides, links } = src.data;
  const mine = is("translator") ? languages.filter((l) => session.user.languages.includes(l.code)) : languages;
  const langSelect = options(el("select", { id: "edit-lang", "aria-label": t("language") }), mine.map((l) => [l.code, l.code + " · " + l.name]),
    start.lang || (is("translator") ? mine[0]?.code : src.data.source_language));
  const fileSelect = el("select", { id: "edit-file", "aria-label": t("file") },
    el("optgroup", { label: t("guides") }, guides.map((g) => el("option", { value: "guide:" + g.id, text: g.title }))),
    el("optgroup", { label: t("texts") }, el("option", { value: "strings", text: t("screen_texts") })),
    is("translator") ? "" : el("optgroup", { label: t("tables") }, TABLES.map((name) => el("option", { value: "table:" + name, text: name }))));
  if (start.guide) fileSelect.value = "guide:" + start.guide;

  const area = el("textarea", { id: "edit-text", spellcheck: "true", rows: 24, "aria-label": t("text") });
  const readOnly = is("publisher");
  area.readOnly = readOnly;
  const linkChoice = options(el("select", { "aria-label": t("insert_link") }), [["", t("insert_link")], ...links.map((l) => [l.id, l.id + " (" + l.kind + ")"])]);
  linkChoice.addEventListener("change", () => {
    if (!linkChoice.value) return;
    const link = links.find((l) => l.id === linkChoice.value);
    markup(area, link.kind === "tel" ? "[](link:" + link.id + ")" : "[", link.kind === "tel" ? "" : "](link:" + link.id + ")", false);
    linkChoice.value = "";
  });
  const tool = (label, title, before, after, perLine) => el("button", { type: "button", class: "tool", title, "aria-label": title, text: label,
    onclick: () => markup(area, before, after, perLine) });
  const toolbar = el("div", { class: "toolbar", role: "toolbar", "aria-label": t("markup") },
    tool("H1", t("heading"), "# ", "", true), tool("H2", t("subheading"), "## ", "", true), tool("1.", t("step"), "1. ", "", true),
    tool("•", t("list_item"), "- ", "", true), tool("B", t("bold"), "**", "**", false), linkChoice);
  const problems = el("div", { class: "problems-box" });
  const status = el("p", { class: "status", role: "status" });
  const save = el("button", { id: "save", text: t("save"), disabled: readOnly });
  const preview = previewPane(languages);
  const history = historyPane(() => load());
  const editor = el("div", { class: "editor" }, el("div", { class: "row" }, langSelect, fileSelect), toolbar, area, el("div", { class: "row" }, save, status), problems);
  root.replaceChildren(el("div", { class: "edit-layout" }, editor, preview.element), history.element);

  let path = "", revision = "", loaded = "";
  const current = () => {
    const f = fileSelect.value;
    if (f.startsWith("guide:")) return { path: "lang/" + langSelect.value + "/guides/" + f.slice(6) + ".md", route: "guide/" + f.slice(6) };
    if (f === "strings") return { path: "lang/" + langSelect.value + "/strings.txt", route: "home" };
    return { path: f.slice(6), route: "home" };
  };
  const pick = (p) => {  // a problem's line selected in the text
    if (!p.line || p.file !== path) return;
    const lines = area.value.split("\n");
    const s = lines.slice(0, p.line - 1).join("\n").length + (p.line > 1 ? 1 : 0);
    area.focus();
    area.setSelectionRange(s, s + (lines[p.line - 1] || "").length);
  };
  let loads = 0;  // a file chosen while another is still loading: only the last one is shown
  async function load() {
    const ask = ++loads;
    ({ path } = current());
    const lang = languages.find((l) => l.code === langSelect.value);
    area.dir = path.startsWith("lang/") && lang ? lang.direction : "ltr";
    area.lang = path.startsWith("lang/") ? langSelect.value : "";
    const { ok, data } = await api("GET", "/api/file?" + new URLSearchParams({ path }));
    if (ask !== loads) return;
    area.value = ok ? data.text : "";
    revision = ok ? data.revision : "";
    loaded = area.value;
    status.textContent = ok ? "" : data.error;
    problems.replaceChildren();
    history.load(path, !readOnly);
    preview.show(current().route, langSelect.value);
  }
  const check = debounce(async () => {
    if (area.value === loaded) { problems.replaceChildren(); return; }
    const { ok, data } = await api("POST", "/api/check", { path, text: area.value });
    if (ok) problems.replaceChildren(problemList(data.problems, pick));
  }, 700);
  area.addEventListener("input", () => { status.textContent = area.value === loaded ? "" : t("unsaved"); check(); });
  async function store(base) {
    const text = area.value;
    const { ok, status: code, data } = await api("PUT", "/api/file", { path, text, base });
    if (ok) {
      revision = data.revision;
      loaded = text;
      if (data.merged) { const again = await api("GET", "/api/file?" + new URLSearchParams({ path })); area.value = loaded = again.data.text; revision = again.data.revision; }
      problems.replaceChildren();
      await history.load(path, !readOnly);
      status.textContent = data.merged ? t("saved_merged") : t("saved");
      preview.redraw();
    } else if (code === 409) {
      status.textContent = "";
      problems.replaceChildren(conflictPanel(data.error, data.yours, data.theirs,
        () => load(), () => { problems.replaceChildren(); store(data.revision); }));
    } else if (code === 422) {
      status.textContent = data.error;
      problems.replaceChildren(problemList(data.problems, pick));
    } else status.textContent = data.error;
  }
  save.addEventListener("click", () => store(revision));
  langSelect.addEventListener("change", load);
  fileSelect.addEventListener("change", load);
  await load();
}
