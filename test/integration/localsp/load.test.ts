// Load: 50 concurrent clients updating different items for WRES_LOAD_SECONDS (default 30 s, the
// issue's figure; shorter for a quick local run), then racing writers on one item.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, freshSite, startTestServer, type TestServer } from "./support";
import { createList } from "./helpers-list";

const SECONDS = Number(process.env.WRES_LOAD_SECONDS ?? 30);
const CLIENTS = 50;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

const headers = { ...bearer(ADMIN), Accept: "application/json;odata=nometadata", "Content-Type": "application/json" };

async function read(itemUrl: string): Promise<{ counter: number; etag: string }> {
  const res = await fetch(`${itemUrl}?$select=Id,Counter`, { headers: { ...headers, Accept: "application/json" } });
  const body = (await res.json()) as { Counter: number; "odata.etag": string };
  return { counter: body.Counter, etag: body["odata.etag"] };
}

async function merge(itemUrl: string, etag: string, counter: number): Promise<number> {
  const res = await fetch(itemUrl, {
    method: "POST",
    headers: { ...headers, "X-HTTP-Method": "MERGE", "IF-MATCH": etag },
    body: JSON.stringify({ Counter: counter }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("load", () => {
  it(`holds ${CLIENTS} concurrent clients updating different items for ${SECONDS} s with no lost or duplicated writes`, async () => {
    const site = freshSite(server, "load");
    await createList(site, "Load", [{ Title: "Counter", FieldTypeKind: 9, type: "SP.FieldNumber" }]);
    const base = `${site}/_api/web/lists/getByTitle('Load')/items`;
    const ids: number[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const res = await fetch(base, {
        method: "POST",
        headers,
        body: JSON.stringify({ Title: `client ${i}`, Counter: 0 }),
      });
      ids.push(((await res.json()) as { Id: number }).Id);
    }
    const deadline = Date.now() + SECONDS * 1000;
    let requests = 0;
    const started = Date.now();
    const successes = await Promise.all(
      ids.map(async (id) => {
        const url = `${base}(${id})`;
        let done = 0;
        while (Date.now() < deadline) {
          const { counter, etag } = await read(url);
          const status = await merge(url, etag, counter + 1);
          requests += 2;
          if (status !== 204) throw new Error(`client ${id}: MERGE answered ${status}`);
          done += 1;
        }
        return done;
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const writes = successes.reduce((a, b) => a + b, 0);
    console.log(
      `localsp load: ${CLIENTS} clients, ${elapsed.toFixed(1)} s, ${writes} acknowledged updates (${(writes / elapsed).toFixed(0)} writes/s), ${requests} requests (${(requests / elapsed).toFixed(0)} req/s)`,
    );
    // Every acknowledged write is there exactly once: counter and version match the count.
    for (let i = 0; i < ids.length; i++) {
      const res = await fetch(`${base}(${ids[i]})?$select=Counter,OData__UIVersionString`, { headers });
      const body = (await res.json()) as { Counter: number; OData__UIVersionString: string };
      expect(body.Counter).toBe(successes[i]);
      expect(body.OData__UIVersionString).toBe(`${(successes[i] as number) + 1}.0`);
    }
    expect(writes).toBeGreaterThan(CLIENTS);
  });

  it("lets exactly one of many writers holding the same ETag win", async () => {
    const site = freshSite(server, "race");
    await createList(site, "Race", [{ Title: "Counter", FieldTypeKind: 9, type: "SP.FieldNumber" }]);
    const base = `${site}/_api/web/lists/getByTitle('Race')/items`;
    const created = await fetch(base, {
      method: "POST",
      headers,
      body: JSON.stringify({ Title: "contested", Counter: 0 }),
    });
    const url = `${base}(${((await created.json()) as { Id: number }).Id})`;
    const ROUNDS = 20;
    const WRITERS = 10;
    for (let round = 0; round < ROUNDS; round++) {
      const { counter, etag } = await read(url);
      const statuses = await Promise.all(Array.from({ length: WRITERS }, () => merge(url, etag, counter + 1)));
      expect(statuses.filter((s) => s === 204)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(WRITERS - 1);
    }
    expect((await read(url)).counter).toBe(ROUNDS);
  });
});
