import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { NotProvisionedError } from "../../../src/sharepoint/errors";
import { CHUNK_THRESHOLD } from "../../../src/sharepoint/files";
import { ADMIN, AMARA, CHAIR, COMMITTEE, EDITOR, setUpPlan } from "./support";
import { useSite } from "../../support/local-site";

describe("the WRES Data library against the local SharePoint server", () => {
  const site = useSite();
  beforeAll(async () => {
    await setUpPlan(site);
  });

  it("uploads a workbook and reads it back byte for byte, overwriting by name", async () => {
    const store = site.store(EDITOR);
    const bytes = new Uint8Array(randomBytes(200_000));
    bytes.set([0x50, 0x4b, 0x03, 0x04]); // a zip (xlsx) signature, and every byte value after it
    const progress: number[] = [];
    const file = await store.uploadDataFile("ESR staff in post 2025.xlsx", bytes, (f) => progress.push(f));
    expect(file).toMatchObject({
      name: "ESR staff in post 2025.xlsx",
      size: bytes.byteLength,
      modifiedBy: (await store.me()).title,
    });
    expect(file.serverRelativeUrl).toMatch(/\/sites\/wres\/.+\/ESR staff in post 2025\.xlsx$/);
    expect(progress.at(-1)).toBe(1);
    expect(await store.downloadDataFile(file.serverRelativeUrl)).toEqual(bytes);

    const replacement = new Uint8Array(randomBytes(1234));
    const again = await store.uploadDataFile("ESR staff in post 2025.xlsx", replacement);
    expect(again.size).toBe(1234);
    expect(await store.downloadDataFile(again.serverRelativeUrl)).toEqual(replacement);
    const listed = await site.store(EDITOR).dataFiles();
    expect(listed.filter((f) => f.name === "ESR staff in post 2025.xlsx")).toHaveLength(1);
  });

  it("uploads a workbook over 10 MB in chunks with progress", async () => {
    const store = site.store(EDITOR);
    const bytes = new Uint8Array(randomBytes(CHUNK_THRESHOLD * 2 + 12_345));
    const progress: number[] = [];
    const file = await store.uploadDataFile("Recruitment 2025.xlsx", bytes, (f) => progress.push(f));
    expect(file.size).toBe(bytes.byteLength);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    const back = await store.downloadDataFile(file.serverRelativeUrl);
    expect(back.byteLength).toBe(bytes.byteLength);
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
  });

  it("keeps the library from everyone but plan editors and site owners: readers and action owners cannot see it, let alone upload", async () => {
    for (const upn of [COMMITTEE, AMARA, CHAIR]) {
      // SharePoint answers 404 for a library one has no access to, as if it did not exist.
      const failure = await site
        .store(upn)
        .uploadDataFile("x.xlsx", new Uint8Array([1, 2, 3]))
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(NotProvisionedError);
      await expect(site.store(upn).dataFiles()).rejects.toBeInstanceOf(NotProvisionedError);
    }
    expect((await site.store(ADMIN).dataFiles()).length).toBeGreaterThan(0);
  });

  it("keeps the files across a restart", async () => {
    const before = await site.store(EDITOR).dataFiles();
    await site.restart();
    const after = await site.store(EDITOR).dataFiles();
    expect(after.map((f) => [f.name, f.size])).toEqual(before.map((f) => [f.name, f.size]));
    const big = after.find((f) => f.name === "Recruitment 2025.xlsx")!;
    expect((await site.store(EDITOR).downloadDataFile(big.serverRelativeUrl)).byteLength).toBe(big.size);
  });
});
