import { resolve } from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { firstPaintCatalogue } from "../../src/i18n/vite-plugin.js";

// The unit tests alone, for mutation testing (npm run mutation): every mutant reruns the unit tests that
// cover it, so the component, integration and browser projects (jsdom, the local SharePoint server,
// Chromium) never run per mutant. The unit tests need neither React nor the local server; tests that load the
// i18n catalogues need the plugin that serves their first-paint part (without it they fail to load).
export default defineConfig({
  plugins: [firstPaintCatalogue()],
  test: {
    root: resolve(import.meta.dirname, "../.."),
    environment: "node",
    include: ["test/unit/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      // Time bounds on the real code (a million rows within a minute, hostile plans within 3 s): instrumented
      // code is several times slower, so these would fail for no fault of the mutant.
      "test/unit/**/*-scale.test.ts",
      // An attacker solving bounds for 50 trusts at 3 thresholds: two minutes a run, rerun for every
      // surviving mutant it covers. Its guarantees are unit-tested in the suppression tests.
      "test/unit/indicators/disclosure-attack.test.ts",
      // Protects 53 generated trusts at 4 thresholds with and without breakdowns: 1 to 4 minutes a run on two
      // shared cores, rerun for nearly every mutant of the disclosure-control files (they all cover it). What it
      // checks is pinned on small tables in suppression.test.ts, protect.test.ts, protect-linked.test.ts and
      // counts-table.test.ts.
      "test/unit/indicators/breakdown-protection.test.ts",
      // Real writers' 12,000-row sheets, written afresh on every run (10 s, nearly all of it writing), for every
      // mutant of the sheet scanner and the zip. stream-slices.test.ts cuts small sheets at every byte instead.
      "test/unit/workbook/stream.test.ts",
      // Bombs of 16 GB and 400 MB, 1,000 sheets on one 8 MB part, 5,000 sheets, each within a CPU time bound:
      // 11 s a run, and a time bound instrumented code can miss. zip-refusals.test.ts pins each refusal small.
      "test/unit/workbook/hostile/zip-bombs.test.ts",
    ],
    // Instrumented code runs slower than the real thing; Stryker sets its own per-mutant timeouts.
    testTimeout: 60_000,
  },
});
