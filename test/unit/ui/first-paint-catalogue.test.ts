// The first download carries only the words the shell and the overview can show; the rest of the
// catalogue arrives after the first paint. A word a first-paint module names but the first-paint
// list leaves out would show as its key until then: this fails instead.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import enGB from "../../../src/i18n/locales/en-GB.json";
import { coveredBy, FIRST_PAINT_KEYS, pickKeys } from "../../../src/i18n/first-paint";
import { keysNamed, staticModules } from "./first-paint-scan";

const sections = new Set(Object.keys(enGB));
// Only the UI shows words; the data layer's reason codes reach people through lazily loaded screens.
const firstPaintUi = staticModules("src/ui/main.tsx").filter((file) => /\/src\/ui\//.test(file));

describe("the first-paint catalogue", () => {
  it("holds every word a module in the first download names", () => {
    expect(firstPaintUi.some((file) => file.endsWith("src/ui/screens/Overview.tsx"))).toBe(true);
    const missing: string[] = [];
    for (const file of firstPaintUi) {
      for (const key of keysNamed(readFileSync(file, "utf8"), sections)) {
        const path = key.replace(/\.\*$/, "");
        const covered = key.endsWith(".*")
          ? FIRST_PAINT_KEYS.some((k) => path === k || path.startsWith(`${k}.`))
          : coveredBy(path);
        if (!covered) missing.push(`${file.replace(/^.*\/src\//, "src/")}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("leaves the other screens out of the first download", () => {
    // The screens behind lazyView are not reached by static imports from the entry.
    for (const screen of [
      "ActionPanel",
      "ObjectiveDetail",
      "MyActions",
      "ActionsScreen",
      "ActionForm",
      "IndicatorsScreen",
      "PlanYearScreen",
      "MeetingRoot",
    ]) {
      expect(firstPaintUi.filter((file) => file.includes(`/${screen}.tsx`))).toEqual([]);
    }
    const picked = JSON.stringify(pickKeys(enGB));
    expect(picked.length).toBeLessThan(JSON.stringify(enGB).length / 3);
  });

  it("picks whole sections, branches and single keys with their plural forms, in the catalogue's shape", () => {
    const catalogue = {
      a: { x: "1", y: "2" },
      b: { c: { d: "3", e: "4" }, f: "5", f_one: "6", f_other: "7", fx: "8" },
      g: "9",
    };
    expect(pickKeys(catalogue, ["a", "b.c.d", "b.f"])).toEqual({
      a: { x: "1", y: "2" },
      b: { c: { d: "3" }, f: "5", f_one: "6", f_other: "7" },
    });
    expect(pickKeys(catalogue, ["g"])).toEqual({ g: "9" });
  });

  it("names keys in literals and in the fixed start of templates", () => {
    const code =
      't("load.failed"); t(`errors.${kind}`); t(`cycle.state.${s}`); const file = "index.html"; t("nothing");';
    expect(keysNamed(code, new Set(["load", "errors", "cycle"])).sort()).toEqual([
      "cycle.state.*",
      "errors.*",
      "load.failed",
    ]);
  });
});
