// Hostile corpus, storage: damaged databases. The server checks its database at start
// (PRAGMA quick_check) and refuses a damaged one with one line naming the file and the remedy; it
// never starts empty over it, never serves it with 500s, and leaves the file exactly as it was.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startLocalSharePoint } from "../../../src/localsp/server";
import { call, EDITOR } from "./support";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "wres-damaged-"));
  dirs.push(dir);
  return dir;
}

const REFUSAL =
  /^localsp: the database (.+localsp\.sqlite) is damaged \(.+\)\. Restore it from a backup, or move it .*away to start afresh/;

/** A database holding a list of 3,000 items, closed cleanly. */
async function populatedDatabase(): Promise<string> {
  const dataDir = tempDir();
  const server = await startLocalSharePoint({ port: 0, dataDir });
  const site = server.createSite("damaged");
  const made = await call(`${site}/_api/web/lists`, {
    method: "POST",
    upn: EDITOR,
    body: { Title: "Rows", BaseTemplate: 100 },
  });
  expect(made.status).toBe(201);
  const list = server.store.listByTitle(server.store.siteByName("damaged")?.id ?? 0, "Rows");
  const editor = server.store.userByUpn(EDITOR);
  server.store.write(() => {
    for (let i = 0; i < 3000; i++)
      server.store.insertItem(list?.guid ?? "", { Title: `row ${i} ${"x".repeat(80)}` }, editor?.id ?? 0);
  });
  await server.close();
  return dataDir;
}

function digest(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, "r+");
  try {
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}

async function expectRefused(dataDir: string): Promise<void> {
  const file = join(dataDir, "localsp.sqlite");
  const before = digest(file);
  const started = performance.now();
  const error = await startLocalSharePoint({ port: 0, dataDir, seed: "demo" }).then(
    async (server) => {
      await server.close();
      return new Error("the server started over a damaged database");
    },
    (e: unknown) => e as Error,
  );
  expect(error.message).toMatch(REFUSAL);
  expect(error.message).toContain(file);
  expect(error.message).not.toContain("\n");
  expect(performance.now() - started).toBeLessThan(10_000);
  // Nothing was written over the damaged file.
  expect(digest(file)).toBe(before);
}

describe("hostile storage: damaged databases", () => {
  it("refuses a zero-length database instead of starting empty over it", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "localsp.sqlite"), "");
    await expectRefused(dataDir);
    expect(statSync(join(dataDir, "localsp.sqlite")).size).toBe(0);
  });

  it("refuses a database with random bytes in the middle instead of answering 500 to everything", async () => {
    const dataDir = await populatedDatabase();
    const file = join(dataDir, "localsp.sqlite");
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(200_000);
    // Deterministic "random" bytes over several whole pages in the middle of the table.
    const noise = createHash("sha512").update("hostile").digest();
    const block = Buffer.alloc(16 * 4096);
    for (let i = 0; i < block.length; i++) block[i] = (noise[i % noise.length] as number) ^ (i & 0xff);
    overwrite(file, Math.floor(size / 2 / 4096) * 4096, block);
    await expectRefused(dataDir);
  });

  it("refuses a database whose header is garbage", async () => {
    const dataDir = await populatedDatabase();
    overwrite(
      join(dataDir, "localsp.sqlite"),
      0,
      Buffer.from("this is not a database, it is a hostile header".padEnd(100, "!")),
    );
    await expectRefused(dataDir);
  });

  it("starts a sound database as before", async () => {
    const dataDir = await populatedDatabase();
    const server = await startLocalSharePoint({ port: 0, dataDir });
    try {
      const res = await call(
        `${server.url}/sites/damaged/_api/web/lists/getByTitle('Rows')/items?$top=1&$select=Title`,
      );
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("the command line prints one line naming the file and the remedy, and exits 1", async () => {
    const dataDir = tempDir();
    const file = join(dataDir, "localsp.sqlite");
    writeFileSync(file, "");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", resolve("src/localsp/main.ts"), "--port", "0", "--data", dataDir],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        done(null);
      }, 30_000);
      child.once("exit", (c) => {
        clearTimeout(timer);
        done(c);
      });
    });
    expect(stdout).not.toContain("Local SharePoint site");
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(REFUSAL);
    expect(lines[0]).toContain(file);
    expect(statSync(file).size).toBe(0);
  }, 40_000);
});
