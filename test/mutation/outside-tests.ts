// A Vitest setup file that lists the functions of the functional core a test file runs outside its tests: while
// it loads, in describe bodies, in beforeAll and afterAll. Stryker credits code to a test only when it runs in
// the test or its beforeEach, so every mutant of these functions is static and is run against every related
// test (docs/mutation-testing.md). Calls made while the core's own modules load (tables built by a function)
// are listed too, and cannot be helped. Run: npx vitest run --config test/mutation/outside-tests.config.ts <files>
import { Session } from "node:inspector/promises";
import { afterAll, afterEach, beforeEach } from "vitest";

const CORE = /\/src\/(indicators|plan|workbook)\/(.+\.ts)/;
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
const outside = new Set<string>();
let testFile = "";

/** Takes the calls since the last take; keeps those made outside a test. */
async function take(inTest: boolean): Promise<void> {
  const { result } = await session.post("Profiler.takePreciseCoverage");
  if (inTest) return;
  for (const script of result) {
    const file = CORE.exec(script.url);
    if (!file) continue;
    const ranges = script.functions.map((f) => f.ranges[0]!);
    // The module's own body (and the wrapper Vite puts it in): unnamed, and holding every other function.
    const isBody = (i: number) =>
      !script.functions[i]!.functionName &&
      ranges.every(
        (g) =>
          (ranges[i]!.startOffset <= g.startOffset && ranges[i]!.endOffset >= g.endOffset) ||
          (g.startOffset <= ranges[i]!.startOffset && g.endOffset >= ranges[i]!.endOffset),
      );
    for (const [i, f] of script.functions.entries()) {
      if (ranges[i]!.count === 0 || isBody(i)) continue;
      outside.add(`src/${file[1]}/${file[2]} ${f.functionName || "(anonymous)"}`);
    }
  }
}

beforeEach(({ task }) => {
  testFile = task.file.filepath;
  return take(false);
});
afterEach(() => take(true));
afterAll(async () => {
  await take(false);
  console.log(
    `${testFile}: ${outside.size} functions of the core ran outside any test:\n${[...outside].sort().join("\n")}`,
  );
});
