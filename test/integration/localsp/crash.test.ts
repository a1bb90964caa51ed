// A crash mid-write loses nothing acknowledged: the server runs in a child process, is killed with
// SIGKILL while 20 clients are writing, and every write that got its 201 is found after a restart.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startLocalSharePoint } from "../../../src/localsp/server";
import { bearer, EDITOR } from "./support";

const dataDir = mkdtempSync(join(tmpdir(), "wres-crash-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startChild(): Promise<{ siteUrl: string; kill: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", resolve("src/localsp/main.ts"), "--port", "0", "--data", dataDir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolveStart, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Local SharePoint site: (\S+)/.exec(out);
      if (m) {
        resolveStart({
          siteUrl: m[1] as string,
          kill: () =>
            new Promise((done) => {
              child.once("exit", () => done());
              child.kill("SIGKILL");
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited early (${String(code)}): ${out}`)));
  });
}

describe("crash safety", () => {
  it("keeps every acknowledged write after SIGKILL", async () => {
    const child = await startChild();
    const headers = { ...bearer(EDITOR), Accept: "application/json", "Content-Type": "application/json" };
    const made = await fetch(`${child.siteUrl}/_api/web/lists`, {
      method: "POST",
      headers,
      body: JSON.stringify({ Title: "Crash", BaseTemplate: 100 }),
    });
    expect(made.status).toBe(201);
    const acknowledged: string[] = [];
    let stop = false;
    const clients = Array.from({ length: 20 }, async (_, c) => {
      for (let n = 0; !stop; n++) {
        const title = `c${c}-${n}`;
        try {
          const res = await fetch(`${child.siteUrl}/_api/web/lists/getByTitle('Crash')/items`, {
            method: "POST",
            headers,
            body: JSON.stringify({ Title: title }),
          });
          if (res.status === 201) acknowledged.push(title);
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await child.kill();
    stop = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThan(0);

    const again = await startLocalSharePoint({ port: 0, dataDir });
    try {
      const titles = new Set<string>();
      let next: string | undefined =
        `${again.siteUrl}/_api/web/lists/getByTitle('Crash')/items?$select=Title&$top=5000`;
      while (next) {
        const page = (await (await fetch(next, { headers })).json()) as {
          value: { Title: string }[];
          "odata.nextLink"?: string;
        };
        for (const item of page.value) titles.add(item.Title);
        next = page["odata.nextLink"];
      }
      const lost = acknowledged.filter((t) => !titles.has(t));
      console.log(
        `localsp crash: ${acknowledged.length} acknowledged writes before SIGKILL, ${titles.size} items after restart, ${lost.length} lost`,
      );
      expect(lost).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
