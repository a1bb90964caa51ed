// Benchmark (not a timed test): the tab's indicator run in Chromium's Web Worker against the same
// work in this Node process (what `npm run indicators` does), on the same demo workbooks.
// Run: part of `npm run bench` (skip with --no-worker), or alone:
//   node --import tsx test/bench/indicators-worker-vs-cli.ts [staffRows=100000]
// Both sides are measured warm (a first run, then the measured one), so neither pays for compiling.
import { performance } from "node:perf_hooks";
import { generateTrust } from "../../src/demo/trust";
import { computeResults } from "../../src/indicators";
import { createPlanStore, createSp } from "../../src/sharepoint";
import { readWorkbooks } from "../../src/workbook";
import { launchBrowser, openAs, startApp } from "../support/browser";

const staff = Number(process.argv[2] ?? 100_000);
const trust = generateTrust({ staff, seed: 11, year: "2024/25" });
const mb = trust.files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;

let cli = 0;
for (const label of ["warm-up", "measured"]) {
  const t0 = performance.now();
  computeResults(readWorkbooks(trust.files));
  cli = (performance.now() - t0) / 1000;
  console.log(
    `node (CLI core, ${label}): ${cli.toFixed(2)} s for ${staff} staff rows (${mb.toFixed(1)} MB of workbooks)`,
  );
}

// The demo site (a plan to open); the big workbooks replace the demo ones (same names).
const app = await startApp({ seed: "demo" });
const browser = await launchBrowser();
try {
  const store = createPlanStore(
    createSp({ siteUrl: `${app.url}sites/wres`, getToken: async () => "dev:edi.lead@wres.test", retries: 0 }),
  );
  for (const f of trust.files) await store.uploadDataFile(f.name, f.bytes);
  const { page } = await openAs(browser, app, "edi.lead@wres.test");
  await page.getByRole("tab", { name: "Indicators" }).click();
  await page.getByRole("checkbox", { name: "Select all workbooks" }).check();
  // Warm run (module transforms on the dev server), then the measured one.
  for (const label of ["warm-up", "measured"]) {
    const start = performance.now();
    await page.getByRole("button", { name: /^Run indicators/ }).click();
    await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 600_000 });
    const tab = (performance.now() - start) / 1000;
    console.log(
      `tab (${label}, download from the library + worker run): ${tab.toFixed(2)} s = ${(tab / cli).toFixed(2)}x node`,
    );
    await page.reload();
    await page.getByRole("tab", { name: "Indicators" }).click();
    await page.getByRole("checkbox", { name: "Select all workbooks" }).check();
  }
} finally {
  await browser.close();
  await app.close();
}
