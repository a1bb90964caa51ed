// Hostile corpus, the `npm start` path: the local server mounted on Vite's dev server. Requests
// that arrive while the demo site is seeded wait for it (and cannot break it); a damaged database
// is never replaced by an empty site: every SharePoint request is answered 503 with the reason.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type ViteDevServer } from "vite";
import { localSharePoint } from "../../../src/localsp/vite-plugin";
import { bearer, EDITOR } from "./support";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
  delete process.env.WRES_LOCALSP_DATA;
  delete process.env.WRES_LOCALSP_SEED;
});

async function startVite(dataDir: string, seed: "demo" | "none"): Promise<string> {
  process.env.WRES_LOCALSP_DATA = dataDir;
  process.env.WRES_LOCALSP_SEED = seed;
  const server: ViteDevServer = await createServer({
    configFile: false,
    logLevel: "silent",
    plugins: [localSharePoint()],
    server: { port: 0, host: "127.0.0.1", hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  cleanups.push(() => server.close());
  const address = server.httpServer?.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return `http://127.0.0.1:${address.port}`;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "wres-vite-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const headers = { ...bearer(EDITOR), Accept: "application/json", "Content-Type": "application/json" };

describe("hostile npm start: the Vite-mounted local server", () => {
  it("answers 503 with the one-line reason over a damaged database, and leaves the file alone", async () => {
    const dataDir = tempDir();
    const file = join(dataDir, "localsp.sqlite");
    writeFileSync(file, "");
    const origin = await startVite(dataDir, "demo");
    const res = await fetch(`${origin}/sites/wres/_api/web`, { headers });
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(text).toContain(`localsp: the database ${file} is damaged`);
    expect(text).toContain("move it");
    expect(text).not.toContain("\n");
    const write = await fetch(`${origin}/sites/wres/_api/web/lists`, {
      method: "POST",
      headers,
      body: JSON.stringify({ Title: "Squat", BaseTemplate: 100 }),
    });
    expect(write.status).toBe(503);
    expect(statSync(file).size).toBe(0);
  }, 60_000);

  it("holds writes sent during seeding until the site is ready; the seed stays whole", async () => {
    const dataDir = tempDir();
    const origin = await startVite(dataDir, "demo");
    const web = `${origin}/sites/wres/_api/web`;
    // Sent at once, while the demo plan is still being written.
    const made = await fetch(`${web}/lists`, {
      method: "POST",
      headers,
      body: JSON.stringify({ Title: "Early", BaseTemplate: 100 }),
    });
    expect(made.status).toBe(201);
    const meddle = await fetch(`${web}/lists/getByTitle('WRES Actions')/items(1)`, {
      method: "POST",
      headers: { ...headers, "X-HTTP-Method": "MERGE", "If-Match": "*" },
      body: JSON.stringify({ Title: "meddled" }),
    });
    expect(meddle.status).toBe(204);
    const actions = (await (
      await fetch(`${web}/lists/getByTitle('WRES Actions')/items?$select=Id,Title&$top=500`, { headers })
    ).json()) as { value: { Id: number; Title: string }[] };
    expect(actions.value).toHaveLength(19);
    expect(actions.value.find((a) => a.Id === 1)?.Title).toBe("meddled");
  }, 120_000);
});
