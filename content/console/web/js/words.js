// The console's own words, in English and Italian (the content team's languages); the content's
// languages are the content's business. Missing Italian falls back to English.
const words = {
  en: {
    title: "Kiosk console", sign_in: "Sign in", name: "Name", password: "Password", logout: "Sign out",
    nav_fleet: "Kiosks", nav_edit: "Guides and texts", nav_translate: "Translate", nav_places: "Places and dates", nav_review: "Review and publish", nav_audit: "Audit log",
    fleet: "Kiosks", kiosk: "Kiosk", site: "Site", version: "Version", last_report: "Last report", printer: "Printer", expires: "Content expires",
    free: "Free space", problem: "Last problem", silent: "silent", behind: "behind", paper: "printer", expiring: "expiring",
    never: "never", published: "Published version", ago: "min ago", summary: "{n} kiosks, {bad} need attention",
    language: "Language", file: "File", guides: "Guides", texts: "Texts", screen_texts: "Texts of the screens (strings.txt)", tables: "Tables", text: "Text",
    markup: "Markup", heading: "Heading", subheading: "Smaller heading", step: "Numbered step", list_item: "List item", bold: "Bold",
    insert_link: "Insert a link or phone number…", save: "Save", saved: "Saved.", saved_merged: "Saved, together with a change someone made meanwhile to other lines.",
    unsaved: "Not saved yet.", no_problems: "No problems.", fix: "Fix", your_text: "Your text", their_text: "Saved meanwhile by someone else",
    take_theirs: "Take theirs (reload)", keep_mine: "Save mine over theirs", history: "History", undo_change: "Undo this change", undone: "Undone.",
    preview: "As the kiosk shows it", preview_language: "Preview language", orientation: "Orientation", landscape: "Landscape", portrait: "Portrait",
    preview_alt: "The kiosk's screen", drawing: "The kiosk is drawing the screen…", drawn_in: "Drawn by the kiosk in {ms} ms.",
    show: "Show", show_todo: "Missing and outdated", show_all: "Everything", show_guides: "Guides only", save_translations: "Save translations",
    missing: "missing", outdated: "outdated", done: "translated", still_right: "Still right", was_from: "Translated from",
    tr_counts: "{translated} of {total} translated · {outdated} outdated · {missing} missing", unsaved_items: "{n} item(s) not saved yet.",
    saved_items: "{n} item(s) saved.",
    table: "Table", places: "Places", stops: "Mobile-unit stops", notices: "Notices with dates", links: "Links and phone numbers",
    new_row: "New row", show_on_map: "Show on the map", hours_unreadable: "The hours cannot be read at character {column}",
    hours_empty: "No hours: the kiosk says the hours are not known.", state_open: "Open now", state_closed: "Closed now", state_unknown: "Not known now",
    then_open: "opens", then_closed: "closes", then_unknown: "not known from", day_closed: "closed", day_unknown: "not known",
    empty_value: "(empty)",
    marked_outdated: "guide {guide}: its translations marked outdated in {n} languages ({langs}) until they are checked",
    review: "Review", loading: "Loading…", since_version: "{n} change(s) since version {v}, published now:", nothing_published: "Nothing is published yet: the whole source will be.",
    changes_by: "{n} saved change(s) since then", key_password: "Your key's password", approve_publish: "Approve and publish version {v}",
    publisher_only: "Only a publisher publishes.", publishing: "Publishing…", published_as: "Published version {v}, signed with key {key}.",
    publish_log: "Publish log", when: "When", publisher: "Publisher", changes: "Changes", roll_back_to: "Roll back to {v}",
    roll_back_confirm: "Publish the content of version {v} again, as version {next}?", coverage: "Translation coverage", audit: "Audit log",
  },
  it: {
    title: "Console dei chioschi", sign_in: "Accedi", name: "Nome", password: "Password", logout: "Esci",
    nav_fleet: "Chioschi", nav_edit: "Guide e testi", nav_translate: "Traduzioni", nav_places: "Luoghi e date", nav_review: "Revisione e pubblicazione", nav_audit: "Registro attività",
    fleet: "Chioschi", kiosk: "Chiosco", site: "Sede", version: "Versione", last_report: "Ultimo rapporto", printer: "Stampante", expires: "Contenuti scadono",
    free: "Spazio libero", problem: "Ultimo problema", silent: "muto", behind: "indietro", paper: "stampante", expiring: "in scadenza",
    never: "mai", published: "Versione pubblicata", ago: "min fa", summary: "{n} chioschi, {bad} da controllare",
    language: "Lingua", file: "File", guides: "Guide", texts: "Testi", screen_texts: "Testi delle schermate (strings.txt)", tables: "Tabelle", text: "Testo",
    markup: "Formattazione", heading: "Titolo", subheading: "Titolo minore", step: "Passo numerato", list_item: "Voce di elenco", bold: "Grassetto",
    insert_link: "Inserisci un collegamento o un numero…", save: "Salva", saved: "Salvato.", saved_merged: "Salvato, insieme a una modifica fatta nel frattempo da altri su altre righe.",
    unsaved: "Non ancora salvato.", no_problems: "Nessun problema.", fix: "Come correggere", your_text: "Il tuo testo", their_text: "Salvato nel frattempo da altri",
    take_theirs: "Tieni il loro (ricarica)", keep_mine: "Salva il mio al posto del loro", history: "Cronologia", undo_change: "Annulla questa modifica", undone: "Annullata.",
    preview: "Come lo mostra il chiosco", preview_language: "Lingua dell'anteprima", orientation: "Orientamento", landscape: "Orizzontale", portrait: "Verticale",
    preview_alt: "Lo schermo del chiosco", drawing: "Il chiosco sta disegnando lo schermo…", drawn_in: "Disegnato dal chiosco in {ms} ms.",
    show: "Mostra", show_todo: "Mancanti e da aggiornare", show_all: "Tutto", show_guides: "Solo le guide", save_translations: "Salva le traduzioni",
    missing: "mancante", outdated: "da aggiornare", done: "tradotto", still_right: "Ancora giusta", was_from: "Tradotta da",
    tr_counts: "{translated} di {total} tradotti · {outdated} da aggiornare · {missing} mancanti", unsaved_items: "{n} voce/i non ancora salvate.",
    saved_items: "{n} voce/i salvate.",
    table: "Tabella", places: "Luoghi", stops: "Tappe delle unità mobili", notices: "Avvisi con date", links: "Collegamenti e numeri",
    new_row: "Nuova riga", show_on_map: "Mostra sulla mappa", hours_unreadable: "Gli orari non si leggono al carattere {column}",
    hours_empty: "Nessun orario: il chiosco dice che gli orari non sono noti.", state_open: "Aperto ora", state_closed: "Chiuso ora", state_unknown: "Ora non noto",
    then_open: "apre", then_closed: "chiude", then_unknown: "non noto da", day_closed: "chiuso", day_unknown: "non noto",
    empty_value: "(vuoto)",
    marked_outdated: "guida {guide}: traduzioni segnate da aggiornare in {n} lingue ({langs}) finché non sono controllate",
    review: "Revisione", loading: "Caricamento…", since_version: "{n} modifica/e dalla versione {v}, pubblicata ora:", nothing_published: "Non è ancora pubblicato nulla: sarà pubblicata tutta la sorgente.",
    changes_by: "{n} modifica/e salvate da allora", key_password: "La password della tua chiave", approve_publish: "Approva e pubblica la versione {v}",
    publisher_only: "Pubblica solo chi ha il ruolo di pubblicatore.", publishing: "Pubblicazione…", published_as: "Pubblicata la versione {v}, firmata con la chiave {key}.",
    publish_log: "Registro delle pubblicazioni", when: "Quando", publisher: "Pubblicatore", changes: "Modifiche", roll_back_to: "Torna alla {v}",
    roll_back_confirm: "Pubblicare di nuovo il contenuto della versione {v}, come versione {next}?", coverage: "Copertura delle traduzioni", audit: "Registro attività",
  },
};

let current = localStorage.getItem("console.lang") || (navigator.language.startsWith("it") ? "it" : "en");

export const lang = () => current;
export const t = (key) => words[current][key] ?? words.en[key] ?? key;

export function setLang(code) {
  current = code;
  localStorage.setItem("console.lang", code);
  document.documentElement.lang = code;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
}
