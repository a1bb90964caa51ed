import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, freshSite, spAs, startTestServer, type TestServer, ADMIN } from "./support";
import { createList } from "./helpers-list";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ threshold: 5000 });
});
afterAll(async () => {
  await server.dispose();
});

/** Inserts many items in one transaction (fixture set-up only; everything read goes over HTTP). */
function bulkInsert(siteUrl: string, title: string, count: number, make: (i: number) => Record<string, unknown>): void {
  const siteName = new URL(siteUrl).pathname.split("/")[2] as string;
  const site = server.store.siteByName(siteName);
  const list = site && server.store.listByTitle(site.id, title);
  if (!list) throw new Error("no list");
  const admin = server.store.userByUpn(ADMIN);
  server.store.write(() => {
    for (let i = 1; i <= count; i++) server.store.insertItem(list.guid, make(i), admin?.id ?? 1);
  });
}

describe("paging and the list view threshold", () => {
  it("pages 12,000 items through absolute odata.nextLink links with @pnp/sp's async iterator", async () => {
    const site = freshSite(server);
    await createList(site, "Big", [
      { Title: "Year", FieldTypeKind: 2, type: "SP.FieldText", Indexed: true },
      { Title: "Colour", FieldTypeKind: 2, type: "SP.FieldText" },
    ]);
    bulkInsert(site, "Big", 12_000, (i) => ({
      Title: `Item ${i}`,
      Year: i % 3 === 0 ? "2024/25" : "2023/24",
      Colour: i % 2 ? "Red" : "Blue",
    }));

    const sp = spAs(site, ADMIN);
    const seen: number[] = [];
    let pages = 0;
    for await (const page of sp.web.lists.getByTitle("Big").items.select("Id", "Title").top(2000)) {
      pages += 1;
      for (const item of page as { Id: number }[]) seen.push(item.Id);
    }
    expect(pages).toBe(6);
    expect(seen).toHaveLength(12_000);
    expect(new Set(seen).size).toBe(12_000);
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(12_000);

    const first = await call(`${site}/_api/web/lists/getByTitle('Big')/items?$select=Id,Title&$top=2`);
    const body = first.json() as { value: { Id: number }[]; "odata.nextLink": string };
    expect(body.value.map((v) => v.Id)).toEqual([1, 2]);
    expect(body["odata.nextLink"]).toBe(
      `${site}/_api/web/lists/getByTitle('Big')/items?%24select=Id%2CTitle&%24top=2&%24skiptoken=Paged%3DTRUE%26p_ID%3D2`,
    );
    const second = await call(body["odata.nextLink"]);
    expect((second.json() as { value: { Id: number }[] }).value.map((v) => v.Id)).toEqual([3, 4]);

    // Over the threshold: an unindexed filter or sort is refused like SharePoint does...
    const unindexed = await call(`${site}/_api/web/lists/getByTitle('Big')/items?$filter=Colour eq 'Red'&$top=10`);
    expect(unindexed.status).toBe(500);
    expect(unindexed.json()).toEqual({
      "odata.error": {
        code: "-2147024860, Microsoft.SharePoint.SPQueryThrottledException",
        message: {
          lang: "en-US",
          value: "The attempted operation is prohibited because it exceeds the list view threshold.",
        },
      },
    });
    const sorted = await call(`${site}/_api/web/lists/getByTitle('Big')/items?$orderby=Colour&$top=10`);
    expect(sorted.status).toBe(500);
    // ...an indexed filter matching fewer rows than the threshold works (4,000 rows)...
    const indexed = await call(
      `${site}/_api/web/lists/getByTitle('Big')/items?$filter=Year eq '2024/25' and Colour eq 'Red'&$top=5000&$select=Id`,
    );
    expect(indexed.status).toBe(200);
    expect((indexed.json() as { value: unknown[] }).value).toHaveLength(2000);
    // ...but not when the indexed clause alone matches more than the threshold (8,000 rows).
    const wide = await call(`${site}/_api/web/lists/getByTitle('Big')/items?$filter=Year eq '2023/24'&$top=10`);
    expect(wide.status).toBe(500);
    // pnpjs surfaces it as an error with status 500.
    await expect(sp.web.lists.getByTitle("Big").items.filter("Colour eq 'Blue'").top(10)()).rejects.toMatchObject({
      status: 500,
    });
  });

  it("pages with $orderby, $filter and skip tokens that carry the sort key", async () => {
    const site = freshSite(server);
    await createList(site, "Sorted", [
      { Title: "Score", FieldTypeKind: 9, type: "SP.FieldNumber" },
      { Title: "Due", FieldTypeKind: 4, type: "SP.FieldDateTime" },
    ]);
    bulkInsert(site, "Sorted", 50, (i) => ({
      Title: `T${i}`,
      Score: (i * 7) % 10,
      Due: `2025-01-${String((i % 28) + 1).padStart(2, "0")}T00:00:00Z`,
    }));
    const sp = spAs(site, ADMIN);
    const all: { Id: number; Score: number }[] = [];
    for await (const page of sp.web.lists
      .getByTitle("Sorted")
      .items.select("Id", "Score")
      .filter("Score ge 3")
      .orderBy("Score", false)
      .top(7)) {
      all.push(...(page as { Id: number; Score: number }[]));
    }
    const expected = Array.from({ length: 50 }, (_, k) => ({ Id: k + 1, Score: ((k + 1) * 7) % 10 }))
      .filter((r) => r.Score >= 3)
      .sort((a, b) => b.Score - a.Score || a.Id - b.Id);
    expect(all.map((r) => r.Id)).toEqual(expected.map((r) => r.Id));

    const dated = await sp.web.lists
      .getByTitle("Sorted")
      .items.select("Id")
      .filter("Due ge datetime'2025-01-27T00:00:00Z'")();
    // Due day is (i % 28) + 1, so only items 26 and 27 fall on or after the 27th.
    expect(dated.map((r: { Id: number }) => r.Id)).toEqual([26, 27]);
    const plain = await sp.web.lists.getByTitle("Sorted").items.select("Id").filter("Due ge '2025-01-27T00:00:00Z'")();
    expect(plain.map((r: { Id: number }) => r.Id)).toEqual([26, 27]);
    const skipped = await sp.web.lists.getByTitle("Sorted").items.select("Id").skip(45).top(3)();
    expect(skipped.map((r: { Id: number }) => r.Id)).toEqual([46, 47, 48]);
    // Paging backwards (PagedPrev) gives the page before the position.
    const back = await sp.web.lists.getByTitle("Sorted").items.select("Id").skip(10, true).top(3)();
    expect(back.map((r: { Id: number }) => r.Id)).toEqual([7, 8, 9]);
  });

  it("refuses unsupported query parts by name", async () => {
    const site = freshSite(server);
    await createList(site, "Q");
    const fn = await call(`${site}/_api/web/lists/getByTitle('Q')/items?$filter=endswith(Title,'x')`);
    expect(fn.status).toBe(501);
    expect(fn.text).toContain("localsp: $filter function 'endswith' is not supported");
    const badField = await call(`${site}/_api/web/lists/getByTitle('Q')/items?$select=Nope`);
    expect(badField.status).toBe(400);
    const search = await call(`${site}/_api/web/lists/getByTitle('Q')/items?$search=x`);
    expect(search.status).toBe(501);
    expect(search.text).toContain("the query option '$search'");
    const path = await call(`${site}/_api/web/lists/getByTitle('Q')/contenttypes`);
    expect(path.status).toBe(501);
    expect(path.text).toContain("localsp:");
  });
});
