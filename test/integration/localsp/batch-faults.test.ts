import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, call, freshSite, spAs, startTestServer, type TestServer } from "./support";
import { createList } from "./helpers-list";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.faults.reset());
afterAll(async () => {
  await server.dispose();
});

describe("$batch", () => {
  it("answers every part independently: a failing part rolls nothing back", async () => {
    const site = freshSite(server);
    await createList(site, "Tasks");
    const sp = spAs(site, ADMIN);
    const list = sp.web.lists.getByTitle("Tasks");
    const a = await list.items.add({ Title: "a" });
    const b = await list.items.add({ Title: "b" });
    await list.items.getById(b.Id).update({ Title: "b2" }, '"1"'); // b is now at "2"

    const [batched, execute] = sp.batched();
    const blist = batched.web.lists.getByTitle("Tasks");
    const results: Record<string, unknown> = {};
    blist.items.add({ Title: "c" }).then(
      (r) => (results.add = r),
      (e: unknown) => (results.add = e),
    );
    blist.items
      .getById(a.Id)
      .update({ Title: "a2" }, '"1"')
      .then(
        (r) => (results.goodUpdate = r),
        (e: unknown) => (results.goodUpdate = e),
      );
    blist.items
      .getById(b.Id)
      .update({ Title: "stale" }, '"1"')
      .then(
        (r) => (results.staleUpdate = r),
        (e: unknown) => (results.staleUpdate = e),
      );
    blist.items
      .select("Id", "Title")
      .orderBy("Id")()
      .then(
        (r) => (results.read = r),
        (e: unknown) => (results.read = e),
      );
    blist.items
      .getById(999)
      .delete()
      .then(
        (r) => (results.missingDelete = r),
        (e: unknown) => (results.missingDelete = e),
      );
    await execute();

    expect((results.add as { Title: string }).Title).toBe("c");
    expect(results.goodUpdate).toEqual({ etag: '"2"' });
    expect(results.staleUpdate).toMatchObject({ status: 412 });
    expect(results.missingDelete).toMatchObject({ status: 404 });
    // The GET ran after the writes before it, in request order.
    expect((results.read as { Title: string }[]).map((r) => r.Title)).toEqual(["a2", "b2", "c"]);
    const after = await list.items.select("Id", "Title").orderBy("Id")();
    expect(after.map((r: { Title: string }) => r.Title)).toEqual(["a2", "b2", "c"]);
  });

  it("replies with flat batchresponse parts, one per request, ending with the closing boundary", async () => {
    const site = freshSite(server);
    await createList(site, "Raw");
    const body = [
      "--batch_x",
      'Content-Type: multipart/mixed; boundary="changeset_y"',
      "",
      "--changeset_y",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      `POST ${site}/_api/web/lists/getByTitle('Raw')/items HTTP/1.1`,
      "accept: application/json",
      "content-type: application/json;charset=utf-8",
      "",
      '{"Title":"one"}',
      "",
      "--changeset_y",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      `POST ${site}/_api/web/lists/getByTitle('Nope')/items HTTP/1.1`,
      "accept: application/json",
      "content-type: application/json;charset=utf-8",
      "",
      '{"Title":"two"}',
      "",
      "--changeset_y--",
      "",
      "--batch_x",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      `GET ${site}/_api/web/lists/getByTitle('Raw')/items?$select=Title HTTP/1.1`,
      "accept: application/json",
      "",
      "--batch_x--",
      "",
    ].join("\n");
    const res = await call(`${site}/_api/$batch`, {
      method: "POST",
      headers: { "Content-Type": "multipart/mixed; boundary=batch_x" },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    const statuses = [...res.text.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((m) => Number(m[1]));
    expect(statuses).toEqual([201, 404, 200]);
    expect(res.text).not.toContain("changesetresponse");
    expect(res.text.trimEnd()).toMatch(/--batchresponse_[0-9a-f-]+--$/);
    expect(res.text.endsWith("\n")).toBe(true);
  });

  it("refuses file content inside a $batch part with a 501 naming it, and stores nothing", async () => {
    const site = freshSite(server);
    expect(
      (await call(`${site}/_api/web/lists`, { method: "POST", body: { Title: "BatchFiles", BaseTemplate: 101 } }))
        .status,
    ).toBe(201);
    const library = `${new URL(site).pathname}/BatchFiles`;
    const part = (requestLine: string, body: string) =>
      [
        "--batch_f",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        requestLine,
        "accept: application/json",
        "",
        body,
        "",
      ].join("\n");
    const body = [
      part(
        `POST ${site}/_api/web/getFolderByServerRelativePath(decodedUrl='${library}')/files/AddUsingPath(decodedurl='in-batch.xlsx',Overwrite=true) HTTP/1.1`,
        "PK\u0003\u0004 bytes",
      ),
      part(
        `GET ${site}/_api/web/getFileByServerRelativePath(decodedUrl='${library}/in-batch.xlsx')/$value HTTP/1.1`,
        "",
      ),
      "--batch_f--",
      "",
    ].join("\n");
    const res = await call(`${site}/_api/$batch`, {
      method: "POST",
      headers: { "Content-Type": "multipart/mixed; boundary=batch_f" },
      body,
    });
    expect(res.status).toBe(200);
    expect([...res.text.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((m) => Number(m[1]))).toEqual([501, 501]);
    expect(res.text).toContain("inside a $batch part");
    const listed = await call(`${site}/_api/web/getFolderByServerRelativePath(decodedUrl='${library}')/files`);
    expect(listed.text).not.toContain("in-batch.xlsx");
  });
});

describe("faults", () => {
  it("can reproduce SharePoint Online's observed batch behaviour: parts after a failure answer IndexOutOfRange", async () => {
    const site = freshSite(server);
    await createList(site, "Obs");
    server.faults.set({ batchAfterFailure: "indexOutOfRange" });
    const sp = spAs(site, ADMIN);
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle("Obs");
    const outcomes: unknown[] = [];
    list.items.add({ Title: "before" }).then(
      (r) => (outcomes[0] = r.Title),
      (e: { status: number }) => (outcomes[0] = e.status),
    );
    list.items
      .getById(42)
      .update({ Title: "missing" })
      .then(
        () => (outcomes[1] = "updated"),
        (e: { status: number }) => (outcomes[1] = e.status),
      );
    list.items.add({ Title: "after" }).then(
      (r) => (outcomes[2] = r.Title),
      (e: { status: number; message: string }) =>
        (outcomes[2] = `${e.status} ${e.message.includes("IndexOutOfRange") ? "IndexOutOfRange" : ""}`),
    );
    await execute();
    expect(outcomes).toEqual(["before", 404, "500 IndexOutOfRange"]);
    const titles = (await sp.web.lists.getByTitle("Obs").items.select("Title")()).map(
      (r: { Title: string }) => r.Title,
    );
    expect(titles).toEqual(["before"]);
  });

  it("throttles with 429 and Retry-After, and @pnp/sp retries through it", async () => {
    const site = freshSite(server);
    await createList(site, "Thr");
    server.faults.set({ throttle: { count: 2, status: 429, retryAfter: 0 } });
    const raw = await call(`${site}/_api/web`);
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("0");
    const sp = spAs(site, ADMIN);
    // One throttled answer left: pnpjs waits Retry-After and succeeds on its second attempt.
    const added = await sp.web.lists.getByTitle("Thr").items.add({ Title: "after throttle" });
    expect(added.Title).toBe("after throttle");
    expect(server.faults.throttle).toBeNull();
  });

  it("is controlled over HTTP: 503 throttling and slow responses", async () => {
    const site = freshSite(server);
    const set = await fetch(`${server.url}/_localsp/faults`, {
      method: "POST",
      body: JSON.stringify({ throttle: { count: 1, status: 503, retryAfter: 1 } }),
    });
    expect(set.status).toBe(200);
    const busy = await call(`${site}/_api/web`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect((await call(`${site}/_api/web`)).status).toBe(200);

    await fetch(`${server.url}/_localsp/faults`, { method: "POST", body: JSON.stringify({ delayMs: 300 }) });
    const started = Date.now();
    expect((await call(`${site}/_api/web`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const cleared = await fetch(`${server.url}/_localsp/faults`, { method: "DELETE" });
    expect(await cleared.json()).toEqual({
      throttle: null,
      delayMs: 0,
      batchAfterFailure: "continue",
      threshold: 5000,
    });
    // The list view threshold can be lowered at run time (e.g. on the dev server's demo site).
    await createList(site, "Small");
    for (let i = 0; i < 4; i++)
      await call(`${site}/_api/web/lists/getByTitle('Small')/items`, { method: "POST", body: { Title: `t${i}` } });
    await fetch(`${server.url}/_localsp/faults`, { method: "POST", body: JSON.stringify({ threshold: 3 }) });
    expect((await call(`${site}/_api/web/lists/getByTitle('Small')/items?$orderby=Title`)).status).toBe(500);
    await fetch(`${server.url}/_localsp/faults`, { method: "DELETE" });
    expect((await call(`${site}/_api/web/lists/getByTitle('Small')/items?$orderby=Title`)).status).toBe(200);
    const bad = await fetch(`${server.url}/_localsp/faults`, {
      method: "POST",
      body: JSON.stringify({ throttle: { count: 1, status: 500 } }),
    });
    expect(bad.status).toBe(400);
  });
});
