// The words the tab's first download carries: what the shell, the overview and their error and
// loading states can show. The whole catalogue (every other screen's words) is fetched after the
// first paint, before any lazily loaded screen is shown (src/ui/components/Lazy.tsx). A unit test
// (test/unit/ui/first-paint-catalogue.test.ts) fails when a first-paint module names a key not here.
// Pure: the Vite plugin (./vite-plugin.ts) applies it to the catalogue file at build time.

/** Key paths: a whole section ("rag"), a branch ("cycle.state") or one key (with its plural forms). */
export const FIRST_PAINT_KEYS: readonly string[] = [
  "app",
  "nav",
  "common",
  "rag",
  "indicator",
  "status",
  "load",
  "boundary",
  "errors",
  "auth",
  "lazy",
  "overview",
  "welcome",
  "objective",
  "closedYear",
  "saved",
  "schemaUpgrade",
  "setUp",
  "action.numbered",
  "action.dueOn",
  "actionsView.nav",
  "indicators.nav",
  "indicators.latest",
  "planYear.open",
  "renumberObjectives.open",
  "cycle.state",
  "cycle.line",
  "cycle.assurance",
];

type Tree = { [key: string]: string | readonly string[] | Tree };

/** Whether a key path is kept: itself, anything under it, or its plural and context forms (`_one`). */
export function coveredBy(path: string, keys: readonly string[] = FIRST_PAINT_KEYS): boolean {
  return keys.some((key) => path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}_`));
}

/** The part of a catalogue that `keys` name, in the same shape. */
export function pickKeys(catalogue: Tree, keys: readonly string[] = FIRST_PAINT_KEYS, prefix = ""): Tree {
  const picked: Tree = {};
  for (const [name, value] of Object.entries(catalogue)) {
    const path = prefix + name;
    if (coveredBy(path, keys)) picked[name] = value;
    else if (typeof value === "object" && !Array.isArray(value) && keys.some((key) => key.startsWith(`${path}.`))) {
      const inner = pickKeys(value as Tree, keys, `${path}.`);
      if (Object.keys(inner).length > 0) picked[name] = inner;
    }
  }
  return picked;
}
