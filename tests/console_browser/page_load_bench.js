// How fast the console's pages come up in chromium on loopback: for each page, from asking for it
// to its data on screen (the page's data-ready mark), and for the guide editor also to the
// kiosk's preview drawn. Each page loaded afresh RUNS times (after one unmeasured load); medians
// and slowest printed. Run by console_browser_test.sh with CONSOLE_BROWSER_SCRIPT=page_load_bench.js.
// Usage: node page_load_bench.js CONSOLE_URL [RUNS]
"use strict";
const { chromium } = require("playwright-core");

const [url, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 15);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(url);
  await page.fill("#name", "Pia");
  await page.fill("#password", "pia's long password");
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#nav:not([hidden])");
  const rows = [];
  for (const id of ["fleet", "edit", "translate", "places", "review"]) {
    const ready = [], drawn = [];
    for (let k = 0; k <= runs; k++) {
      const start = Date.now();
      await page.goto(url + "?at=" + start + "#" + id);
      await page.waitForSelector(`#page-${id}[data-ready=yes]`, { timeout: 60000 });
      const readyAt = Date.now();
      let drawnAt = 0;
      if (await page.locator(".preview").count()) {
        await page.waitForSelector(".preview[data-state=drawn]", { timeout: 60000 });
        drawnAt = Date.now();
      }
      if (k === 0) continue;  // the first load fills caches
      ready.push(readyAt - start);
      if (drawnAt) drawn.push(drawnAt - start);
    }
    rows.push(`${id.padEnd(10)} page ready: median ${median(ready)} ms, slowest ${Math.max(...ready)} ms` +
      (drawn.length ? `; preview drawn: median ${median(drawn)} ms, slowest ${Math.max(...drawn)} ms` : ""));
  }
  console.log(`console pages on loopback, ${runs} loads each (chromium ${browser.version()}, 1366×768):`);
  for (const r of rows) console.log("  " + r);
  await browser.close();
})().catch((e) => { console.error(e.message); process.exitCode = 1; });
