import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, EDITOR, call, spAs, startTestServer, type TestServer } from "./support";

let second: TestServer | undefined;
afterAll(async () => {
  await second?.dispose();
});

describe("durability", () => {
  it("keeps lists, items, versions and files across a restart", async () => {
    const first = await startTestServer();
    const site = first.createSite("durable");
    const sp = spAs(site, EDITOR);
    await sp.web.lists.add("Keep", "", 100);
    await sp.web.lists.add("Files", "", 101);
    await sp.web.lists.getByTitle("Keep").fields.addNumber("Count", {});
    const item = await sp.web.lists.getByTitle("Keep").items.add({ Title: "kept", Count: 1 });
    await sp.web.lists.getByTitle("Keep").items.getById(item.Id).update({ Count: 2 }, '"1"');
    const bytes = new Uint8Array(randomBytes(10_000));
    await sp.web
      .getFolderByServerRelativePath("/sites/durable/Files")
      .files.addUsingPath("a.bin", bytes.buffer, { Overwrite: true });
    await first.close();

    second = await startTestServer({ dataDir: first.dataDir });
    const again = spAs(`${second.url}/sites/durable`, ADMIN);
    const reread = await again.web.lists.getByTitle("Keep").items.getById(item.Id)();
    expect(reread).toMatchObject({ Title: "kept", Count: 2, "odata.etag": '"2"' });
    const versions = (
      await call(`${second.url}/sites/durable/_api/web/lists/getByTitle('Keep')/items(${item.Id})/versions`)
    ).json() as { value: { VersionLabel: string; Count: number }[] };
    expect(versions.value.map((v) => [v.VersionLabel, v.Count])).toEqual([
      ["2.0", 2],
      ["1.0", 1],
    ]);
    const back = new Uint8Array(await again.web.getFileByServerRelativePath("/sites/durable/Files/a.bin").getBuffer());
    expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
    // New ids continue after the old ones.
    const next = await again.web.lists.getByTitle("Keep").items.add({ Title: "after restart" });
    expect(next.Id).toBe(item.Id + 1);
  });
});
