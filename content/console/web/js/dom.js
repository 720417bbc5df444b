// Building the page from data: every text from the server goes in as a text node or textContent,
// never as HTML, so a guide that contains <script> is shown as those characters.
export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") e.className = value;
    else if (key === "text") e.textContent = value;
    else if (key === "value") e.value = value;
    else if (key.startsWith("on")) e.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(e.dataset, value);
    else e.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) e.append(child);
  return e;
}

export function options(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => el("option", { value, text: label, selected: value === selected })));
  return select;
}

export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

export function when(seconds, lang) {
  return new Date(seconds * 1000).toLocaleString(lang === "it" ? "it-IT" : "en-GB", { dateStyle: "short", timeStyle: "short" });
}
