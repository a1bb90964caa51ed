// Counts the mutants Stryker would make in each file of a folder of the functional core, without running a
// test: Stryker's own instrumenter over the files `npm run mutation` mutates. Use it to size a run before
// starting it (`npx tsx test/mutation/count.ts plan`), and to pick files for `--mutate`. The counts are before
// the TypeScript checker, which drops mutants that do not compile (about half, in src/indicators).
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import type { Logger } from "@stryker-mutator/api/logging";
import { FOLDERS, repo, type Folder } from "./results";

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const quiet = new Proxy(
  {},
  { get: (_, name) => (String(name).startsWith("is") ? () => false : () => undefined) },
) as Logger;

export async function countMutants(folder: Folder): Promise<{ file: string; mutants: number }[]> {
  const instrumenter = new Instrumenter(quiet);
  const out: { file: string; mutants: number }[] = [];
  for (const path of tsFiles(resolve(repo, "src", folder)).sort()) {
    const name = relative(repo, path);
    const result = await instrumenter.instrument([{ name, content: readFileSync(path, "utf8"), mutate: true }], {
      plugins: null,
      excludedMutations: [],
      ignorers: [],
    });
    out.push({ file: name, mutants: result.mutants.length });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const named = process.argv.slice(2).filter((a): a is Folder => (FOLDERS as readonly string[]).includes(a));
  for (const folder of named.length > 0 ? named : FOLDERS) {
    const counts = await countMutants(folder);
    console.log(`src/${folder}: ${counts.reduce((n, c) => n + c.mutants, 0)} mutants in ${counts.length} files`);
    for (const c of counts.filter((c) => c.mutants > 0).sort((a, b) => a.mutants - b.mutants))
      console.log(`${String(c.mutants).padStart(6)}  ${c.file}`);
  }
}
