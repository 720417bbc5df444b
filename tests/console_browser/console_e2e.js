// The web console end to end in Debian's chromium, driven by Playwright: an editor changes a
// hub's hours and fixes a guide in Italian (watching the kiosk's preview change), meets a
// conflict, tries markup that looks like HTML; a translator translates the changed text into
// Arabic side by side and cannot publish; a publisher reviews the diff and publishes; a headless
// kiosk installs the new version and its next report shows it in the fleet table. The XSS and
// CSRF cases run in the browser too. Screenshots of the main pages go to SHOTS.
// Usage: node console_e2e.js CONSOLE_URL SHOTS_DIR XSS_KIOSK_TOKEN
"use strict";
const { chromium } = require("playwright-core");
const assert = require("node:assert/strict");

const [url, shots, xssToken] = process.argv.slice(2);
const WAIT = { timeout: 60000 };
let step = "start";
const say = (s) => { step = s; console.log("-- " + s); };

async function signIn(page, name, password) {
  await page.goto(url + "#fleet");
  await page.fill("#name", name);
  await page.fill("#password", password);
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#nav:not([hidden])", WAIT);
}

// Loads the page afresh (a new query, so even the page already shown is fetched again).
async function open(page, id) {
  await page.goto(url + "?at=" + Date.now() + "#" + id);
  await page.waitForSelector(`#page-${id}[data-ready=yes]`, WAIT);
}

// Waits for the preview to be drawn once more than `before` times, in `lang`.
async function previewDrawn(page, before, lang) {
  await page.waitForFunction(([n, l]) => {
    const p = document.querySelector(".preview");
    return p && p.dataset.state === "drawn" && Number(p.dataset.count) > n && (!l || p.dataset.lang === l);
  }, [before, lang], WAIT);
}
const previewCount = (page) => page.evaluate(() => Number(document.querySelector(".preview")?.dataset.count || 0));

// A second session beside the browser's, as another tab or person would have.
async function apiSession(name, password) {
  const login = await fetch(url + "api/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name, password }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get("set-cookie").split(";")[0];
  const { csrf } = await login.json();
  return (method, path, body) => fetch(url + path.replace(/^\//, ""), { method, headers: { Cookie: cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body) });
}

async function shot(page, name) {
  if (shots) await page.screenshot({ path: `${shots}/console-${name}.png` });
}

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-GB" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    say("an editor signs in and sets a hub's hours; the form reads them back in words before saving");
    await signIn(page, "Ed", "ed's long password");
    await open(page, "places");
    await page.click("text=/^hub-nord ·/");
    await page.waitForSelector("#field-opening_hours", WAIT);
    await page.fill("#field-opening_hours", "Tu,Th 09:00-12:00 Monday");
    await page.waitForSelector("#note-opening_hours .problem", WAIT);  // a word the hours cannot read, with its fix
    assert.match(await page.textContent("#note-opening_hours"), /Monday/);
    await page.fill("#field-opening_hours", "Tu,Th 09:00-12:00");
    await page.waitForFunction(() => document.querySelector("#note-opening_hours .hours-meaning")?.textContent.includes("09:00–12:00"), null, WAIT);
    await page.fill("#field-lat", "145.1");  // a problem shown at its field, before saving
    await page.waitForSelector("#field-lat[aria-invalid=true]", WAIT);
    assert.match(await page.textContent("#note-lat"), /between -90 and 90/);
    await page.fill("#field-lat", "45.0960");
    await page.waitForSelector("#field-lat:not([aria-invalid])", WAIT);
    await page.click("#save-row");
    await page.waitForFunction(() => document.querySelector(".row-form .status")?.textContent === "Saved.", null, WAIT);
    await page.waitForSelector(".preview[data-state=drawn][data-route='place/hub-nord']", WAIT);
    await shot(page, "places");

    say("the editor fixes the Italian guide and the kiosk's preview is drawn again from the saved text");
    await open(page, "edit");
    await page.selectOption("#edit-lang", "it");
    await page.selectOption("#edit-file", "guide:food-help");
    await page.waitForFunction(() => document.querySelector("#edit-text").value.includes("Torino Solidale"), null, WAIT);
    await previewDrawn(page, 0, "it");
    let drawn = await previewCount(page);
    const text = await page.inputValue("#edit-text");
    const fixed = text.replace("spesso sole e senza nessuno che le aiuti", "spesso sole, senza nessuno che le possa aiutare");
    assert.notEqual(fixed, text);
    await page.fill("#edit-text", fixed);
    await page.click("#save");
    await page.waitForFunction(() => document.querySelector(".editor .status").textContent === "Saved.", null, WAIT);
    await previewDrawn(page, drawn, "it");
    await shot(page, "guide-editor");

    say("someone else saves the same line meanwhile: both texts are shown, nothing is overwritten");
    const other = await apiSession("Ed", "ed's long password");
    const file = await (await other("GET", "/api/file?path=lang/it/guides/food-help.md")).json();
    const theirs = file.text.replace("Chiedi al **Servizio Stranieri** della Città.", "Chiedi al **Servizio Stranieri** della Città di Torino.");
    assert.equal((await other("PUT", "/api/file", { path: file.path, text: theirs, base: file.revision })).status, 200);
    const mine = (await page.inputValue("#edit-text")).replace("Chiedi al **Servizio Stranieri** della Città.", "Chiedi allo sportello del **Servizio Stranieri**.");
    await page.fill("#edit-text", mine);
    await page.click("#save");
    await page.waitForSelector(".conflict", WAIT);
    assert.match(await page.textContent(".conflict .yours"), /Chiedi allo sportello/);
    assert.match(await page.textContent(".conflict .theirs"), /della Città di Torino\./);
    await page.click("text=Take theirs (reload)");
    await page.waitForFunction(() => document.querySelector("#edit-text").value.includes("della Città di Torino."), null, WAIT);

    say("text that looks like HTML is saved as text and shown as text; the change is then undone");
    const withHtml = (await page.inputValue("#edit-text")) + "\n<img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script>\n";
    await page.fill("#edit-text", withHtml);
    await page.click("#save");
    await page.waitForFunction(() => document.querySelector(".editor .status").textContent === "Saved.", null, WAIT);
    await page.click(".history li:first-child button");
    await page.waitForSelector(".diff .added", WAIT);
    assert.match(await page.textContent(".diff"), /<img src=x onerror="window.__xss=1"> <script>window.__xss=2<\/script>/);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator(".diff img, .diff script").count(), 0);
    await page.click("text=Undo this change");
    await page.waitForSelector(".change .saved", WAIT);
    const restored = await (await other("GET", "/api/file?path=lang/it/guides/food-help.md")).json();
    assert.ok(!restored.text.includes("<img"));
    assert.ok(restored.text.includes("le possa aiutare"));

    say("a report with markup in it is shown as text in the fleet table");
    const report = await fetch(url + "api/report", { method: "POST", headers: { Authorization: "Bearer " + xssToken, "Content-Type": "application/json" },
      body: JSON.stringify({ version: 1, last_error: "<img src=x onerror=\"window.__xss=3\">" }) });
    assert.equal(report.status, 204);
    await open(page, "fleet");
    assert.match(await page.textContent("tr[data-kiosk=xss-test]"), /<img src=x onerror="window.__xss=3">/);
    assert.equal(await page.evaluate(() => window.__xss), undefined);

    say("a change without the CSRF token is refused in the browser too");
    const csrfless = await page.evaluate(async () => (await fetch("/api/file", { method: "PUT", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: "places.csv", text: "x", base: "" }) })).status);
    assert.equal(csrfless, 403);
    await page.click("#logout");
    await page.waitForSelector("#login:not([hidden])", WAIT);

    say("a translator sees only Arabic, translates the changed block side by side and watches the Arabic preview");
    await signIn(page, "Tara", "tara's long password");
    assert.equal(await page.locator("#nav-places").count(), 0);
    await open(page, "translate");
    assert.deepEqual(await page.$$eval("#tr-lang option", (o) => o.map((x) => x.value)), ["ar"]);
    const block = page.locator(".tr-item.outdated[data-context^='guide:food-help:body']").first();
    await block.waitFor(WAIT);
    assert.match(await block.locator(".tr-from").textContent(), /le possa aiutare/);
    await block.locator("textarea").focus();
    await previewDrawn(page, 0, "ar");
    drawn = await previewCount(page);
    await block.locator("textarea").fill("**تورينو المتضامنة** شبكة من مدينة تورينو مع العديد من جمعيات القطاع الثالث. تساعد الأشخاص الذين يمرون بصعوبات، وغالبًا ما يكونون وحدهم دون من يستطيع مساعدتهم.");
    await page.click("#tr-save");
    await page.waitForFunction(() => /item\(s\) saved/.test(document.querySelector("#page-translate .status").textContent), null, WAIT);
    await previewDrawn(page, drawn, "ar");
    await shot(page, "translate");

    say("the translator cannot publish, nor change Italian");
    await open(page, "review");
    assert.equal(await page.locator("#publish").count(), 0);
    const refusals = await page.evaluate(async () => {
      const { csrf } = await (await fetch("/api/me")).json();
      const h = { "Content-Type": "application/json", "X-CSRF-Token": csrf };
      const publish = await fetch("/api/publish", { method: "POST", headers: h, body: JSON.stringify({ head: "x" }) });
      const italian = await fetch("/api/file", { method: "PUT", headers: h, body: JSON.stringify({ path: "lang/it/strings.txt", text: "x", base: "" }) });
      return [publish.status, italian.status];
    });
    assert.deepEqual(refusals, [403, 403]);
    await page.click("#logout");

    say("a publisher reviews the diff in old and new wording and publishes with their own key");
    await signIn(page, "Pia", "pia's long password");
    await open(page, "review");
    const changes = await page.textContent("#changes");
    assert.match(changes, /hub-nord/);
    assert.match(changes, /Tu,Th 09:00-12:00/);
    assert.match(changes, /le possa aiutare/);
    assert.ok(await page.locator("#changes del").count() > 0);
    await shot(page, "review");
    await page.click("#publish");
    await page.waitForFunction(() => /Published version 2/.test(document.querySelector("#publish-status").textContent), null, WAIT);

    say("the kiosk installs version 2 and its next report shows it in the fleet table");
    const deadline = Date.now() + 90000;
    let version = "";
    while (Date.now() < deadline) {
      await open(page, "fleet");
      version = await page.textContent("tr[data-kiosk=hub-centro-1] td:nth-child(3)");
      if (version === "2") break;
      await page.waitForTimeout(2000);
    }
    assert.equal(version, "2");
    assert.doesNotMatch(await page.textContent("tr[data-kiosk=hub-centro-1]"), /behind/);
    await shot(page, "fleet");
    assert.deepEqual(errors, []);
    console.log("console_e2e: all steps passed");
  } catch (e) {
    console.error(`console_e2e: FAILED at "${step}": ${e.message}`);
    if (shots) await page.screenshot({ path: `${shots}/failed.png` }).catch(() => {});
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
