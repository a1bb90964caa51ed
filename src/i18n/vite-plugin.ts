// Serves `./locales/<locale>.json?first-paint`: the part of a catalogue the first download needs
// (./first-paint.ts), so the whole catalogue can be fetched after the first paint. The catalogue
// files stay whole: they are what people edit and what the lazily fetched import reads.
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { pickKeys } from "./first-paint.js";

const QUERY = "?first-paint";
// A virtual module whose name does not end in ".json": Vite's JSON plugin would parse our output as JSON.
const PREFIX = "\0wres-first-paint:";
const SUFFIX = ".first-paint.js";

export function firstPaintCatalogue(): Plugin {
  return {
    name: "wres-first-paint-catalogue",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!source.endsWith(QUERY)) return null;
      const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id + SUFFIX : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(pickKeys(JSON.parse(readFileSync(file, "utf8"))))};`;
    },
  };
}
