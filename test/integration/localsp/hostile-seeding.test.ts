// Hostile corpus, seeding: clients that write while the demo site is being seeded. The server
// only listens once the site is ready, so no write can land in (or break) a half-seeded site, and
// a later start never wipes a site that took writes: every acknowledged write survives a SIGKILL
// and a restart, with its id, and ids are never reused.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startLocalSharePoint } from "../../../src/localsp/server";
import { bearer, EDITOR } from "./support";

const dataDir = mkdtempSync(join(tmpdir(), "wres-seeding-"));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const headers = { ...bearer(EDITOR), Accept: "application/json", "Content-Type": "application/json" };

describe("hostile seeding: writes while the demo site is seeded", () => {
  it("keeps every acknowledged write through SIGKILL and restart; no write reaches a half-seeded site", async () => {
    const port = await freePort();
    const started = Date.now();
    let readyAt = Number.POSITIVE_INFINITY;
    child = spawn(
      process.execPath,
      ["--import", "tsx", resolve("src/localsp/main.ts"), "--port", String(port), "--data", dataDir, "--seed", "demo"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (readyAt === Number.POSITIVE_INFINITY && out.includes("Local SharePoint site:")) readyAt = Date.now();
    });
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    let exited = false;
    child.once("exit", () => (exited = true));

    const web = `http://127.0.0.1:${port}/sites/wres/_api/web`;
    const inserts: { title: string; id: number; at: number }[] = [];
    let lastMeddle: string | null = null;
    let meddleInFlight: string | null = null;
    let stop = false;
    let listMade = false;

    // Writers insert into a list of their own, made as soon as anything answers.
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        try {
          if (!listMade) {
            const made = await fetch(`${web}/lists`, {
              method: "POST",
              headers,
              body: JSON.stringify({ Title: "Hostile", BaseTemplate: 100 }),
            });
            await made.text();
            if (made.status === 201 || made.status === 500) listMade = true;
            else await sleep(10);
            continue;
          }
          const title = `w${w}-${n}`;
          const res = await fetch(`${web}/lists/getByTitle('Hostile')/items`, {
            method: "POST",
            headers,
            body: JSON.stringify({ Title: title }),
          });
          if (res.status === 201)
            inserts.push({ title, id: ((await res.json()) as { Id: number }).Id, at: Date.now() });
          else {
            await res.text();
            await sleep(10);
          }
        } catch {
          await sleep(10); // not listening yet, or gone
        }
      }
    };
    // A meddler rewrites the first demo action unconditionally (If-Match: *), as in the report
    // where such a write made the seeder fail with 412.
    const meddler = async () => {
      for (let n = 0; !stop; n++) {
        try {
          const title = `meddled ${n}`;
          meddleInFlight = title;
          const res = await fetch(`${web}/lists/getByTitle('WRES Actions')/items(1)`, {
            method: "POST",
            headers: { ...headers, "X-HTTP-Method": "MERGE", "If-Match": "*" },
            body: JSON.stringify({ Title: title }),
          });
          await res.text();
          meddleInFlight = null;
          if (res.status === 204) lastMeddle = title;
          await sleep(res.status === 204 ? 50 : 10);
        } catch {
          await sleep(10);
        }
      }
    };
    const clients = [writer(0), writer(1), writer(2), meddler()];
    while (!exited && inserts.length < 40 && Date.now() - started < 90_000) await sleep(20);
    const wasRunning = !exited;
    const meddleCutOff = meddleInFlight;
    child.kill("SIGKILL");
    while (!exited) await sleep(20);
    stop = true;
    await Promise.all(clients);
    console.log(
      `localsp seeding: ready after ${readyAt - started} ms, ${inserts.length} inserts acknowledged, first at ${(inserts[0]?.at ?? NaN) - started} ms`,
    );

    expect(wasRunning, `the server stopped by itself:\n${out}`).toBe(true);
    expect(inserts.length).toBeGreaterThan(0);

    const again = await startLocalSharePoint({ port: 0, dataDir, seed: "demo" });
    try {
      const read = async (url: string) => {
        const res = await fetch(url, { headers });
        const text = await res.text();
        expect(res.status, `${url} after the restart: ${text.slice(0, 200)}`).toBe(200);
        return JSON.parse(text) as { value: { Id: number; Title: string }[] };
      };
      const stored = (
        await read(`${again.siteUrl}/_api/web/lists/getByTitle('Hostile')/items?$select=Id,Title&$top=5000`)
      ).value;
      const byTitle = new Map(stored.map((i) => [i.Title, i.Id]));
      const lost = inserts.filter((i) => byTitle.get(i.title) !== i.id);
      expect(lost).toEqual([]);
      expect(new Set(stored.map((i) => i.Id)).size).toBe(stored.length);
      // The demo plan is whole (not wiped, not seeded twice) and keeps the acknowledged rewrite, or
      // the one the SIGKILL cut off after it was stored but before its answer arrived.
      const actions = (
        await read(`${again.siteUrl}/_api/web/lists/getByTitle('WRES Actions')/items?$select=Id,Title&$top=5000`)
      ).value;
      expect(actions).toHaveLength(19);
      if (lastMeddle !== null) expect([lastMeddle, meddleCutOff]).toContain(actions.find((a) => a.Id === 1)?.Title);
      // Ids go on from the last one given out.
      const next = await fetch(`${again.siteUrl}/_api/web/lists/getByTitle('Hostile')/items`, {
        method: "POST",
        headers,
        body: JSON.stringify({ Title: "after restart" }),
      });
      expect(((await next.json()) as { Id: number }).Id).toBeGreaterThan(Math.max(...inserts.map((i) => i.id)));
    } finally {
      await again.close();
    }
    // Nothing was acknowledged before the site was ready (seeding takes seconds; the margin only
    // absorbs the order in which this process reads the child's output and its answers).
    expect(Math.min(...inserts.map((i) => i.at))).toBeGreaterThanOrEqual(readyAt - 250);
  }, 180_000);
});
