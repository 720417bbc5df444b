// Translating side by side: the text to translate from on the left, the language's own on the
// right, item by item (a screen's text, a guide's title, summary and each block of its body),
// missing and outdated items marked and counted; a translator sees only their languages. The
// kiosk's picture of the guide being translated is beside it, redrawn after each save.
import { api, is, session } from "./api.js";
import { el, options } from "./dom.js";
import { previewPane } from "./preview.js";
import { conflictPanel, problemList } from "./problems.js";
import { t } from "./words.js";

export async function translatePage(root) {
  const src = await api("GET", "/api/source");
  if (!src.ok) { root.replaceChildren(el("p", { class: "problem", text: src.data.error }), problemList(src.data.problems || [])); return; }
  const { languages, source_language: from } = src.data;
  const mine = languages.filter((l) => l.code !== from && (!is("translator") || session.user.languages.includes(l.code)));
  const langSelect = options(el("select", { id: "tr-lang", "aria-label": t("language") }), mine.map((l) => [l.code, l.code + " · " + l.name]));
  const filter = options(el("select", { id: "tr-filter", "aria-label": t("show") }), [["todo", t("show_todo")], ["all", t("show_all")], ["guides", t("show_guides")]]);
  const counts = el("p", { id: "tr-counts", role: "status" });
  const list = el("div", { class: "tr-items" });
  const status = el("p", { class: "status", role: "status" });
  const save = el("button", { id: "tr-save", text: t("save_translations"), disabled: is("publisher") });
  const problems = el("div", { class: "problems-box" });
  const preview = previewPane(languages);
  root.replaceChildren(el("div", { class: "row" }, langSelect, filter, counts),
    el("div", { class: "edit-layout" }, el("div", {}, list, el("div", { class: "row sticky" }, save, status), problems), preview.element));

  let items = [], shownGuide = "";
  const edited = new Map();  // context -> {text, was, confirm}
  function render() {
    const lang = languages.find((l) => l.code === langSelect.value);
    const show = items.filter((it) => filter.value === "all" || (filter.value === "guides" ? it.kind !== "string" : !it.translated || it.outdated));
    list.replaceChildren(...show.map((it) => {
      const area = el("textarea", { rows: Math.min(8, 1 + Math.ceil((it.from.length || 1) / 60)), dir: lang.direction, lang: lang.code,
        "aria-label": it.context, dataset: { context: it.context }, readonly: is("publisher") });
      area.value = edited.has(it.context) ? edited.get(it.context).text : it.text;
      const mark = !it.translated ? "missing" : it.outdated ? "outdated" : "done";
      const confirm = it.outdated && el("label", { class: "confirm" }, el("input", { type: "checkbox", onchange: (e) => note(it, area.value, e.target.checked) }), t("still_right"));
      area.addEventListener("input", () => note(it, area.value, false));
      area.addEventListener("focus", () => {
        const guide = it.context.startsWith("guide:") ? it.context.split(":")[1] : "";
        if (guide && guide !== shownGuide) { shownGuide = guide; preview.show("guide/" + guide, lang.code); }
      });
      return el("div", { class: "tr-item " + mark, dataset: { context: it.context } },
        el("div", { class: "tr-from", lang: it.from_lang },
          el("div", { class: "tr-context" }, el("span", { class: "badge " + mark, text: t(mark) }), " ", it.context),
          el("div", { text: it.from }),
          it.outdated && it.was_from ? el("div", { class: "was", text: t("was_from") + ": " + it.was_from }) : ""),
        el("div", { class: "tr-to" }, area, confirm || ""));
    }));
  }
  function note(it, text, confirm) {
    if (text === it.text && !confirm) edited.delete(it.context);
    else edited.set(it.context, { context: it.context, text, was: it.text, confirm });
    status.textContent = edited.size ? t("unsaved_items").replace("{n}", edited.size) : "";
  }
  let loads = 0;  // a language chosen while another is still loading: only the last one is shown
  async function load() {
    const ask = ++loads;
    edited.clear();
    status.textContent = "";
    const { ok, data } = await api("GET", "/api/translation?" + new URLSearchParams({ lang: langSelect.value }));
    if (ask !== loads) return;
    if (!ok) { list.replaceChildren(el("p", { class: "problem", text: data.error })); return; }
    items = data.items;
    const c = data.counts;
    counts.textContent = t("tr_counts").replace("{translated}", c.translated).replace("{total}", c.total).replace("{outdated}", c.outdated).replace("{missing}", c.missing);
    render();
    if (!shownGuide) { shownGuide = src.data.guides[0]?.id || ""; preview.show(shownGuide ? "guide/" + shownGuide : "home", langSelect.value); }
  }
  save.addEventListener("click", async () => {
    if (!edited.size) return;
    const { ok, status: code, data } = await api("POST", "/api/translation", { lang: langSelect.value, items: [...edited.values()] });
    if (ok) {
      problems.replaceChildren();
      await load();
      status.textContent = t("saved_items").replace("{n}", data.changed);
      preview.redraw();
    } else if (code === 409) {
      problems.replaceChildren(...data.conflicts.map((c) => conflictPanel(data.error + " (" + c.context + ")", c.yours, c.theirs,
        () => { edited.delete(c.context); const it = items.find((i) => i.context === c.context); if (it) it.text = c.theirs; render(); problems.replaceChildren(); },
        () => { const e = edited.get(c.context); e.was = c.theirs; problems.replaceChildren(); })));
    } else {
      status.textContent = data.error;
      problems.replaceChildren(problemList(data.problems || []));
    }
  });
  langSelect.addEventListener("change", () => { shownGuide = ""; load(); });
  filter.addEventListener("change", render);
  await load();
}
