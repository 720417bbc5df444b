// The reference library's side of hours_reference_test.sh: each case's state and next change,
// one line per case in the cases' order ("open 2026-06-24T16:00:00.000Z", "closed", "error").
// Run with TZ=Europe/Rome: the library reads dates on the process's clock.
// Usage: node reference.js CASES.tsv
const OpeningHours = require("opening_hours");
const lines = require("fs").readFileSync(process.argv[2], "utf8").split("\n").filter(line => line);
const place = {lat: 45.07, lon: 7.68, address: {country_code: "it", state: "Piemonte"}};
for (const line of lines) {
  const [text, when] = line.split("\t");
  let answer = "error";
  try {
    const hours = new OpeningHours(text, place), at = new Date(when + ":00");
    const limit = new Date(at.getTime() + 400 * 86400e3);
    const stateAt = t => hours.getUnknown(t) ? "unknown" : hours.getState(t) ? "open" : "closed";
    const state = stateAt(at);
    // The library also reports moments where only the rule or the comment changes (and, after a
    // change of clock, some where nothing does); the kiosk's next change is the next other state.
    let next = hours.getNextChange(at, limit);
    while (next && stateAt(next) === state) next = hours.getNextChange(next, limit);
    answer = state + (next ? " " + next.toISOString() : "");
  } catch (e) {
    // a text the library refuses: "error", compared like any answer
  }
  console.log(answer);
}
