// The folder boundaries are the linter's to enforce: these cases show it refuses each crossing
// (and lets the allowed direction through), so a change to the lint configuration cannot quietly drop one.
import { readdirSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

/** Every folder under src/, read from the disk, so a folder added later is covered without a change here. */
const SRC_FOLDERS = readdirSync(new URL("../../../src", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const importing = (from: string) => `import { example } from "${from}";\nexport const x = example;\n`;

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the folder boundaries", () => {
  it("the tab and the data layer never import the local SharePoint server; the server may import itself", async () => {
    expect(
      await refusals(
        "src/ui/screens/Example.tsx",
        'import { startLocalSharePoint } from "../../localsp/server";\nexport const x = startLocalSharePoint;\n',
      ),
    ).toEqual([expect.stringMatching(/stand-in for development and tests/)]);
    expect(
      await refusals("src/sharepoint/example.ts", 'import { seed } from "../localsp/seed";\nexport const x = seed;\n'),
    ).toHaveLength(1);
    expect(
      await refusals("src/localsp/example.ts", 'import { seed } from "./seed";\nexport const x = seed;\n'),
    ).toEqual([]);
  }, 60_000);

  it("the core (plan, indicators, workbook) imports no UI, SharePoint or I/O, and nothing outward", async () => {
    expect(
      await refusals(
        "src/plan/example.ts",
        'import { Button } from "@fluentui/react-components";\nexport const x = Button;\n',
      ),
    ).toEqual([expect.stringMatching(/no UI/)]);
    expect(
      await refusals("src/indicators/example.ts", 'import { spfi } from "@pnp/sp";\nexport const x = spfi;\n'),
    ).toEqual([expect.stringMatching(/nothing of SharePoint/)]);
    expect(
      await refusals(
        "src/workbook/example.ts",
        'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
      ),
    ).toEqual([expect.stringMatching(/no I\/O/)]);
    expect(
      await refusals("src/plan/example.ts", 'import { seed } from "../localsp/seed";\nexport const x = seed;\n'),
    ).toEqual([expect.stringMatching(/point inward/)]);
    expect(
      await refusals("src/ui/example.ts", 'import { rollUp } from "../plan/rag";\nexport const x = rollUp;\n'),
    ).toEqual([]);
  }, 60_000);

  it("the indicators import only their own folder and src/shared: never the workbook reader, whose records they count", async () => {
    expect(await refusals("src/indicators/likelihood.ts", importing("../workbook/people"))).toEqual([
      expect.stringMatching(/input model is src\/indicators\/input/),
    ]);
    expect(await refusals("src/indicators/context.ts", importing("../workbook/types"))).toHaveLength(1);
    expect(await refusals("src/indicators/input/records.ts", importing("../../workbook"))).toHaveLength(1);
    expect(SRC_FOLDERS).toEqual(expect.arrayContaining(["indicators", "shared", "workbook", "plan", "ui"]));
    for (const folder of SRC_FOLDERS.filter((name) => name !== "indicators" && name !== "shared")) {
      expect(await refusals("src/indicators/example.ts", importing(`../${folder}/example`)), folder).not.toEqual([]);
    }
    expect(await refusals("src/indicators/likelihood.ts", importing("../shared/id-index"))).toEqual([]);
    expect(await refusals("src/indicators/compute.ts", importing("./input"))).toEqual([]);
  }, 60_000);

  it("the indicators' input model stands alone, and the workbook reader uses it and nothing else of the indicators", async () => {
    expect(await refusals("src/indicators/input/records.ts", importing("./ethnicity"))).toEqual([]);
    expect(await refusals("src/indicators/input/records.ts", importing("../types"))).toEqual([
      expect.stringMatching(/input model imports nothing outside/),
    ]);
    expect(await refusals("src/workbook/read.ts", importing("../indicators/input"))).toEqual([]);
    expect(await refusals("src/workbook/records/staff.ts", importing("../../indicators/input"))).toEqual([]);
    expect(await refusals("src/workbook/people.ts", importing("../shared/id-index"))).toEqual([]);
    for (const target of [
      "../indicators",
      "../indicators/index",
      "../indicators/compute",
      "../indicators/input/records",
    ]) {
      expect(await refusals("src/workbook/read.ts", importing(target)), target).toEqual([
        expect.stringMatching(/only their input model/),
      ]);
      expect(await refusals("src/workbook/records/staff.ts", importing(`../${target}`)), target).toEqual([
        expect.stringMatching(/only their input model/),
      ]);
    }
    expect(await refusals("src/workbook/read.ts", importing("../plan/rag"))).toEqual([
      expect.stringMatching(/only its own folder/),
    ]);
  }, 60_000);

  it("src/shared, which both import, imports no other folder", async () => {
    for (const folder of SRC_FOLDERS.filter((name) => name !== "shared")) {
      expect(await refusals("src/shared/example.ts", importing(`../${folder}/example`)), folder).not.toEqual([]);
    }
    expect(await refusals("src/shared/example.ts", importing("./id-index"))).toEqual([]);
  }, 60_000);

  it("code outside a folder with an index.ts imports that index (or a sub-folder's own), never a file inside it", async () => {
    const inside = async (filePath: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath });
      return (result?.messages ?? []).filter((m) => m.ruleId === "wres/public-faces").map((m) => m.message);
    };
    expect(
      await inside("src/ui/example.ts", 'import { rollUp } from "../plan/rag";\nexport const x = rollUp;\n'),
    ).toEqual(['Import "plan" through its index ("../plan"), not a file inside it.']);
    expect(
      await inside(
        "src/ui/screens/Example.tsx",
        'import type { PlanStore } from "../../sharepoint/types";\nexport type X = PlanStore;\n',
      ),
    ).toEqual([expect.stringMatching(/"sharepoint" through its index \("\.\.\/\.\.\/sharepoint"\)/)]);
    expect(await inside("src/reports/example.ts", 'export { rules } from "../plan/cycle/rules";\n')).toEqual([
      expect.stringMatching(/"\.\.\/plan\/cycle"/),
    ]);
    expect(
      await inside(
        "src/ui/example.ts",
        'import { rollUp } from "../plan";\nimport { mayMove } from "../plan/cycle";\nexport const x = [rollUp, mayMove];\n',
      ),
    ).toEqual([]);
    expect(
      await inside("src/plan/cycle/example.ts", 'import { rollUp } from "../rag";\nexport const x = rollUp;\n'),
    ).toEqual([]);
    // Loading one module on demand, apart from the first download.
    expect(await inside("src/ui/example.ts", 'export const load = () => import("../sharepoint/upgrade");\n')).toEqual(
      [],
    );
  }, 60_000);
});
