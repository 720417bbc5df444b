// The kiosk's own picture of a screen (the console runs the kiosk program on the source), with
// its language and orientation; redrawn when asked, e.g. after a save.
import { picture } from "./api.js";
import { el, options } from "./dom.js";
import { t } from "./words.js";

export function previewPane(languages) {
  const lang = options(el("select", { "aria-label": t("preview_language") }), languages.map((l) => [l.code, l.code + " · " + l.name]));
  const orientation = options(el("select", { "aria-label": t("orientation") }), [["landscape", t("landscape")], ["portrait", t("portrait")]]);
  const img = el("img", { class: "preview-picture", alt: t("preview_alt") });
  const state = el("p", { class: "preview-state", role: "status" });
  const pane = el("aside", { class: "preview" }, el("div", { class: "row" }, el("strong", { text: t("preview") }), lang, orientation), state, img);
  let route = "home", drawn = 0;
  async function draw() {
    const ask = ++drawn, started = performance.now();
    state.textContent = t("drawing");
    pane.dataset.state = "drawing";
    const q = new URLSearchParams({ lang: lang.value, route, orientation: orientation.value });
    const got = await picture("/api/preview?" + q);
    if (ask !== drawn) return;  // a newer picture was asked for meanwhile
    if (!got.ok) { state.textContent = got.error; pane.dataset.state = "error"; return; }
    if (img.src) URL.revokeObjectURL(img.src);
    img.src = got.url;
    img.alt = t("preview_alt") + ": " + route + " (" + lang.value + ")";
    state.textContent = t("drawn_in").replace("{ms}", Math.round(performance.now() - started));
    pane.dataset.state = "drawn";
    pane.dataset.route = route;
    pane.dataset.lang = lang.value;
    pane.dataset.count = String(Number(pane.dataset.count || 0) + 1);
  }
  lang.addEventListener("change", draw);
  orientation.addEventListener("change", draw);
  return {
    element: pane,
    show(newRoute, newLang) { route = newRoute; if (newLang) lang.value = newLang; return draw(); },
    redraw: draw,
  };
}
