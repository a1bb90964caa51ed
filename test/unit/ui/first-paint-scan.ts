// Finds the catalogue keys the tab's first download can show: every module reached from the entry by
// static imports (not `import()`), and every string in it that names a catalogue key.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^;"'`]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  if (/\.(json|css)(\?.*)?$/.test(base)) return null;
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext)]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** The source files a bundler puts in the entry's first download. */
export function staticModules(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const target = resolveImport(file, match[1]!);
      if (target) queue.push(target);
    }
  }
  return [...seen].sort();
}

/**
 * Key paths named in a file: whole literals ("load.failed") and the fixed start of templates
 * (`errors.${kind}` names every key under "errors."). Only paths whose first part is a section.
 */
export function keysNamed(code: string, sections: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(["'`])([a-zA-Z][\w]*(?:\.[\w]+)+)(\1|\.?\$\{)/g)) {
    const path = match[2]!;
    const section = path.split(".")[0]!;
    if (!sections.has(section)) continue;
    found.add(match[3] === "${" || match[3] === ".${" ? `${path}.*` : path);
  }
  for (const match of code.matchAll(/`([a-zA-Z]\w*)\.\$\{/g)) {
    if (sections.has(match[1]!)) found.add(`${match[1]}.*`);
  }
  return [...found];
}
