// The folder boundaries are the linter's to enforce: these cases show it refuses each crossing
// (and lets the allowed direction through), so a change to the lint configuration cannot quietly drop one.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the folder boundaries", () => {
  it("the tab and the data layer never import the local SharePoint server; the server may import itself", async () => {
    expect(await refusals("src/ui/screens/Example.tsx", 'import { startLocalSharePoint } from "../../localsp/server";\nexport const x = startLocalSharePoint;\n')).toEqual([
      expect.stringMatching(/stand-in for development and tests/),
    ]);
    expect(await refusals("src/sharepoint/example.ts", 'import { seed } from "../localsp/seed";\nexport const x = seed;\n')).toHaveLength(1);
    expect(await refusals("src/localsp/example.ts", 'import { seed } from "./seed";\nexport const x = seed;\n')).toEqual([]);
  }, 60_000);

  it("the core (plan, indicators, workbook) imports no UI, SharePoint or I/O, and nothing outward", async () => {
    expect(await refusals("src/plan/example.ts", 'import { Button } from "@fluentui/react-components";\nexport const x = Button;\n')).toEqual([expect.stringMatching(/no UI/)]);
    expect(await refusals("src/indicators/example.ts", 'import { spfi } from "@pnp/sp";\nexport const x = spfi;\n')).toEqual([expect.stringMatching(/nothing of SharePoint/)]);
    expect(await refusals("src/workbook/example.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n')).toEqual([expect.stringMatching(/no I\/O/)]);
    expect(await refusals("src/plan/example.ts", 'import { seed } from "../localsp/seed";\nexport const x = seed;\n')).toEqual([expect.stringMatching(/point inward/)]);
    expect(await refusals("src/ui/example.ts", 'import { rollUp } from "../plan/rag";\nexport const x = rollUp;\n')).toEqual([]);
  }, 60_000);
});
