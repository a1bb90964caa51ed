// The production bundle budget: how much JavaScript each page makes the browser download before it
// can run (the entry, its modulepreloads and everything they import statically), gzipped.
// Lazy chunks (screens other than the overview, charts, the workbook reader, MSAL in local mode) are
// not initial and are not counted.
// `npm run size [-- <distDir>]` after `npm run build`; exits 1 when a page is over its budget.
import { existsSync, readFileSync } from "node:fs";
import { posix, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** Budgets in bytes of gzipped JavaScript, per HTML page of the build. */
export const BUDGETS: Record<string, number> = {
  // The tab: React, Fluent UI v9, PnPjs, i18next with the first-paint words, and the overview screen.
  // Every other screen, panel and dialog, the rest of the words and teams-js load on demand
  // (src/ui/components/Lazy.tsx, src/i18n/first-paint.ts). 239.9 KB measured December 2026, down from 349.3.
  "index.html": 250 * 1024,
  // The MSAL redirect bridge runs in the sign-in popup. It shares a chunk of MSAL with the tab's
  // lazily loaded sign-in code (about 24 KB gzip, measured November 2026), which the browser has
  // usually cached by the time the popup opens; the bridge's own code is under 1 KB.
  "auth-redirect.html": 32 * 1024,
};

export interface PageSize {
  page: string;
  files: string[];
  gzipBytes: number;
  rawBytes: number;
  budget: number;
  withinBudget: boolean;
}

/** Static imports in built ES modules (`import{x}from"./a.js"`, `import"./b.js"`), not `import("./c.js")`. */
const STATIC_IMPORT = /(?:^|[^.\w$])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const EXPORT_FROM = /(?:^|[^.\w$])export\s*[\w$*{}\s,]*?from\s*["']([^"']+\.js)["']/g;

function htmlEntryScripts(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g))
    found.push(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g))
    found.push(match[1]!);
  return found;
}

/** Resolves a page's initial JavaScript files (paths relative to distDir, posix). */
export function initialScripts(distDir: string, page: string): string[] {
  const html = readFileSync(resolve(distDir, page), "utf8");
  const seen = new Set<string>();
  const queue = htmlEntryScripts(html)
    .filter((src) => !/^[a-z]+:\/\//i.test(src))
    .map((src) => posix.normalize(posix.join(posix.dirname(page), src)).replace(/^\/+/, ""));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(resolve(distDir, file), "utf8");
    for (const pattern of [STATIC_IMPORT, EXPORT_FROM]) {
      for (const match of code.matchAll(pattern)) {
        const target = match[1]!;
        if (!target.startsWith(".")) continue;
        queue.push(posix.normalize(posix.join(posix.dirname(file), target)));
      }
    }
  }
  return [...seen].sort();
}

export function measure(distDir: string, budgets: Record<string, number> = BUDGETS): PageSize[] {
  return Object.entries(budgets)
    .filter(([page]) => existsSync(resolve(distDir, page)))
    .map(([page, budget]) => {
      const files = initialScripts(distDir, page);
      let gzipBytes = 0;
      let rawBytes = 0;
      for (const file of files) {
        const bytes = readFileSync(resolve(distDir, file));
        rawBytes += bytes.length;
        gzipBytes += gzipSync(bytes, { level: 9 }).length;
      }
      return { page, files, gzipBytes, rawBytes, budget, withinBudget: gzipBytes <= budget };
    });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const distDir = resolve(process.argv[2] ?? resolve(import.meta.dirname, "../../dist"));
  if (!existsSync(resolve(distDir, "index.html"))) {
    console.error(`No build in ${distDir}: run npm run build first.`);
    process.exit(2);
  }
  const sizes = measure(distDir);
  const missing = Object.keys(BUDGETS).filter((page) => !sizes.some((size) => size.page === page));
  for (const page of missing)
    console.log(`MISSING ${page}: the build has no such page (auth-redirect.html is needed for sign-in)`);
  for (const size of sizes) {
    console.log(
      `${size.withinBudget ? "ok  " : "OVER"} ${size.page}: initial JS ${kb(size.gzipBytes)} gzip (${kb(size.rawBytes)} raw, ${size.files.length} files), budget ${kb(size.budget)}`,
    );
  }
  process.exitCode = missing.length === 0 && sizes.every((size) => size.withinBudget) ? 0 : 1;
}
