import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, COMMITTEE, EDITOR, call, freshSite, spAs, startTestServer, type TestServer } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

async function library(site: string, title: string): Promise<void> {
  const res = await call(`${site}/_api/web/lists`, { method: "POST", body: { Title: title, BaseTemplate: 101 } });
  expect(res.status).toBe(201);
}

describe("document library files", () => {
  it("uploads by path, overwrites, lists and downloads byte for byte", async () => {
    const site = freshSite(server);
    await library(site, "WRES Data");
    const sp = spAs(site, EDITOR);
    const folderPath = `${new URL(site).pathname}/WRES Data`;
    const folder = sp.web.getFolderByServerRelativePath(folderPath);
    const bytes = new Uint8Array(randomBytes(70_000));
    const info = await folder.files.addUsingPath("Staff in post 2024-25.xlsx", bytes.buffer, { Overwrite: true });
    expect(info.Name).toBe("Staff in post 2024-25.xlsx");
    expect(info.Length).toBe("70000");
    expect(info.ServerRelativeUrl).toBe(`${folderPath}/Staff in post 2024-25.xlsx`);

    const back = new Uint8Array(await sp.web.getFileByServerRelativePath(info.ServerRelativeUrl).getBuffer());
    expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);

    // Without Overwrite an existing name is refused; with it the file gets a new version.
    await expect(
      folder.files.addUsingPath("Staff in post 2024-25.xlsx", bytes.buffer, { Overwrite: false }),
    ).rejects.toMatchObject({ status: 400 });
    const v2 = await folder.files.addUsingPath("Staff in post 2024-25.xlsx", new Uint8Array([1, 2, 3]).buffer, {
      Overwrite: true,
    });
    expect(v2.ETag).toMatch(/^"\{[0-9A-F-]+\},2"$/);

    const listed = await folder.files
      .select("Name", "Length", "TimeLastModified", "ModifiedBy/Title")
      .expand("ModifiedBy")();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      Name: "Staff in post 2024-25.xlsx",
      Length: "3",
      ModifiedBy: { Title: "Jordan Ellis" },
    });

    const missing = await call(
      `${site}/_api/web/getFileByServerRelativePath(decodedurl='${folderPath}/nope.xlsx')/$value`,
    );
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ "odata.error": { code: "-2147024894, System.IO.FileNotFoundException" } });
  });

  it("supports chunked uploads (startUpload, continueUpload, finishUpload)", async () => {
    const site = freshSite(server);
    await library(site, "Docs");
    const sp = spAs(site, ADMIN);
    const bytes = new Uint8Array(randomBytes(250_000));
    const folder = sp.web.getFolderByServerRelativePath(`${new URL(site).pathname}/Docs`);
    const stages: string[] = [];
    const info = await folder.files.addChunked("big.xlsx", new Blob([bytes]), {
      chunkSize: 64 * 1024,
      Overwrite: true,
      progress: (p) => stages.push(p.stage),
    });
    expect(stages).toContain("continue");
    expect(info.Length).toBe("250000");
    const back = new Uint8Array(await sp.web.getFileByServerRelativePath(info.ServerRelativeUrl).getBuffer());
    expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
  });

  it("refuses uploads from readers", async () => {
    const site = freshSite(server);
    await library(site, "Docs");
    const sp = spAs(site, COMMITTEE);
    const folder = sp.web.getFolderByServerRelativePath(`${new URL(site).pathname}/Docs`);
    await expect(
      folder.files.addUsingPath("x.xlsx", new Uint8Array([1]).buffer, { Overwrite: true }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
