// The tab as it ships: one production build per test run, served from its static files with the
// local SharePoint server at the same origin (as `npm start` mounts it). A page of the build loads
// in about a second; the dev server took eight (hundreds of modules and a 17 MB dependency chunk
// that the browser may not cache, on every page).
import { execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { promisify } from "node:util";

const repo = resolve(import.meta.dirname, "../..");

/** Paths the SharePoint stand-in answers (as mounted by the dev server's plugin). */
export const SHAREPOINT_PATHS = /^\/(sites\/|_api(\/|$)|_vti_bin\/|_localsp(\/|$))/i;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

/**
 * Builds the tab in local mode (no VITE_WRES_* variables: the build a demo serves) into `outDir`.
 * Vitest's own NODE_ENV=test would make Vite bundle React's development build, so the build gets production.
 */
export async function buildApp(outDir: string): Promise<void> {
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !key.startsWith("VITE_WRES_") && !key.startsWith("VITEST") && key !== "NODE_ENV",
      ),
    ),
    NODE_ENV: "production",
  };
  await promisify(execFile)(
    process.execPath,
    [
      resolve(repo, "node_modules/vite/bin/vite.js"),
      "build",
      "--outDir",
      outDir,
      "--emptyOutDir",
      "--logLevel",
      "error",
    ],
    { cwd: repo, env },
  );
}

/** Answers a request for one of the build's files (index.html at `/`), with `headers` added. */
export function serveFile(distDir: string, path: string, res: ServerResponse, headers: Record<string, string> = {}) {
  const file = normalize(join(distDir, path === "/" ? "index.html" : path));
  if (!file.startsWith(distDir + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    res.writeHead(200, { "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream", ...headers });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
  }
}

/**
 * Serves `distDir` on a free loopback port, handing SharePoint's paths to `sharePoint`. Resolves
 * with the origin's URL (ending in `/`) and the server.
 */
export async function serveBuild(
  distDir: string,
  sharePoint: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    if (SHAREPOINT_PATHS.test(path)) sharePoint(req, res);
    else serveFile(distDir, path, res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Closes a server and the connections it keeps alive. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
