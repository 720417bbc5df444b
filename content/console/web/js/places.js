// Places, mobile-unit stops, notices and links, a row at a time in a form: each problem shown at
// the field it concerns with its fix before anything is saved; opening hours read back in words
// with "open now / until" as they are typed; the kiosk's own picture of the place card and of
// the map around it, redrawn after each save.
import { api, is } from "./api.js";
import { debounce, el, options } from "./dom.js";
import { previewPane } from "./preview.js";
import { conflictPanel, problemList } from "./problems.js";
import { lang, t } from "./words.js";

const TABLES = [["places.csv", "places"], ["stops.csv", "stops"], ["notices.csv", "notices"], ["links.csv", "links"]];
const DATE_COLUMNS = ["date", "from", "until"];

function hoursInWords(meaning) {
  if (meaning.error) return el("div", { class: "problem", role: "alert" }, el("div", { text: t("hours_unreadable").replace("{column}", meaning.column) + ": " + meaning.error }),
    el("div", { class: "fix", text: t("fix") + ": " + meaning.fix }));
  if (meaning.empty) return el("div", { text: t("hours_empty") });
  const dayName = (d) => new Date(d + "T12:00:00").toLocaleDateString(lang() === "it" ? "it-IT" : "en-GB", { weekday: "long", day: "numeric", month: "short" });
  const now = t("state_" + meaning.state) + (meaning.until ? " · " + t("then_" + meaning.then) + " " + meaning.until.replace("T", " ").slice(0, 16) : "") +
    (meaning.comment ? " · " + meaning.comment : "");
  return el("div", { class: "hours-meaning" }, el("strong", { text: now }),
    el("table", {}, el("tbody", {}, meaning.week.map((d) => el("tr", {}, el("th", { text: dayName(d.date) }),
      el("td", { text: d.open.length ? d.open.join(", ") : d.unknown.length ? t("day_unknown") + " " + d.unknown.join(", ") : t("day_closed") }))))));
}

function routeFor(table, columns, fields) {
  const at = (name) => fields[columns.indexOf(name)] || "";
  if (table === "places.csv") return "place/" + fields[0];
  if (table === "stops.csv") return "place/" + at("unit");
  if (table === "notices.csv") { const on = at("on"); return on.startsWith("guide:") ? "guide/" + on.slice(6) : on.startsWith("place:") ? "place/" + on.slice(6) : "home"; }
  if (table === "links.csv") return "qr/" + fields[0];
  return "home";
}

export async function placesPage(root) {
  const src = await api("GET", "/api/source");
  const languages = src.ok ? src.data.languages : [{ code: "it", name: "Italiano", direction: "ltr" }];
  const tableSelect = options(el("select", { id: "table", "aria-label": t("table") }), TABLES.map(([name, key]) => [name, t(key)]));
  const rows = el("ul", { class: "rows" });
  const form = el("form", { class: "row-form", id: "row-form" });
  const preview = previewPane(languages);
  const mapButton = el("button", { type: "button", class: "secondary", text: t("show_on_map") });
  root.replaceChildren(el("div", { class: "row" }, tableSelect, el("button", { type: "button", id: "new-row", text: t("new_row"), disabled: !is("editor", "administrator"),
    onclick: () => edit(null) })), el("div", { class: "places-layout" }, rows, form, el("div", {}, preview.element, mapButton)));

  let table = null, editing = null;
  let loads = 0;  // a table chosen while another is still loading: only the last one is shown
  async function load(selectId) {
    const ask = ++loads;
    const { ok, data } = await api("GET", "/api/table?" + new URLSearchParams({ name: tableSelect.value }));
    if (ask !== loads) return;
    if (!ok) { rows.replaceChildren(el("li", { class: "problem", text: data.error })); return; }
    table = data;
    const label = (r) => r.fields[0] + (table.columns.includes("name") ? " · " + r.fields[table.columns.indexOf("name")] : table.columns.includes("date") ? " · " + r.fields[table.columns.indexOf("date")] : "");
    rows.replaceChildren(...table.rows.map((r, k) => el("li", {}, el("button", { class: "link", dataset: { row: k }, text: label(r), onclick: () => edit(r) }))));
    const again = selectId !== undefined ? table.rows.find((r) => r.fields[0] === selectId) : table.rows[0];
    edit(again || null);
  }
  function edit(row) {
    editing = row;
    const fields = row ? [...row.fields] : table.columns.map(() => "");
    const inputs = table.columns.map((column, k) => {
      const input = el("input", { name: column, id: "field-" + column, value: fields[k] || "", readonly: !is("editor", "administrator"),
        type: DATE_COLUMNS.includes(column) && /^\d{4}-\d\d-\d\d$|^$/.test(fields[k] || "") ? "date" : "text" });
      return input;
    });
    const notes = table.columns.map((column) => el("div", { class: "field-note", id: "note-" + column, role: "status" }));
    const general = el("div", { class: "problems-box" });
    const status = el("p", { class: "status", role: "status" });
    const values = () => inputs.map((i) => i.value);
    const hours = inputs[table.columns.indexOf("opening_hours")];
    const explain = debounce(async () => {
      const { data } = await api("GET", "/api/hours?" + new URLSearchParams({ text: hours.value }));
      notes[table.columns.indexOf("opening_hours")].replaceChildren(hoursInWords(data));
    }, 300);
    if (hours) { hours.addEventListener("input", explain); explain(); }
    // Problems at their fields: a problem of this row names its column first ("lat \"145\" is …").
    function place(problems) {
      for (const n of notes) if (!n.querySelector(".hours-meaning") && !(hours && n === notes[table.columns.indexOf("opening_hours")])) n.replaceChildren();
      for (const input of inputs) input.removeAttribute("aria-invalid");
      const left = [];
      for (const p of problems) {
        const k = table.columns.findIndex((c) => p.problem.startsWith(c + " ") || p.problem.startsWith(c + ":"));
        if (k < 0 || (p.item && !p.item.includes('"' + values()[0] + '"'))) { left.push(p); continue; }
        inputs[k].setAttribute("aria-invalid", "true");
        notes[k].append(el("div", { class: "problem", text: p.problem }), el("div", { class: "fix", text: t("fix") + ": " + p.fix }));
      }
      general.replaceChildren(left.length ? problemList(left) : "");
      return problems.length === 0;
    }
    const body = (check) => ({ name: table.name, id: values()[0], fields: values(), base: table.revision, check });
    const check = debounce(async () => {
      if (!values()[0]) return;
      const { ok, data } = await api("PUT", "/api/table-row", body(true));
      if (ok) place(data.problems);
    }, 500);
    inputs.forEach((i) => i.addEventListener("input", check));
    const save = el("button", { id: "save-row", text: t("save"), disabled: !is("editor", "administrator") });
    form.onsubmit = async (e) => {
      e.preventDefault();
      const { ok, status: code, data } = await api("PUT", "/api/table-row", body(false));
      if (ok) {
        await load(values()[0]);  // the form is drawn again from the saved table: say so in the new one
        form.querySelector(".status").textContent = data.merged ? t("saved_merged") : t("saved");
        return;
      }
      if (code === 409 && data.theirs !== undefined) general.replaceChildren(conflictPanel(data.error, data.yours, data.theirs, () => load(values()[0]), () => {}));
      else if (code === 422) { status.textContent = data.error; place(data.problems); }
      else status.textContent = data.error;
    };
    form.replaceChildren(el("h3", { text: row ? fields[0] : t("new_row") }),
      ...table.columns.map((column, k) => el("label", { class: "field" }, el("span", { text: column }), inputs[k], notes[k])),
      el("div", { class: "row" }, save, status), general);
    if (row) preview.show(routeFor(table.name, table.columns, fields));
    mapButton.hidden = table.name !== "places.csv" || !row;
    mapButton.onclick = () => preview.show("map/" + fields[0]);
  }
  tableSelect.addEventListener("change", () => load());
  await load();
}
