// The hostile-request corpus: requests meant to hurt the local SharePoint server (batch floods,
// huge bodies, bad names, deep filters, sites out of nowhere). Each is refused the way SharePoint
// Online refuses it (status and odata error JSON), within a time and memory budget, and nothing
// already stored is lost. Damaged databases and writes during seeding have their own files
// (hostile-storage.test.ts, hostile-seeding.test.ts).
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_BATCH_OPERATIONS,
  MAX_MESSAGE_BYTES,
  MAX_PATH_LENGTH,
  MAX_REQUEST_BYTES,
} from "../../../src/localsp/limits";
import { ADMIN, COMMITTEE, EDITOR, call, freshSite, spAs, startTestServer, type TestServer } from "./support";

// Budgets: generous for a loaded 2-core machine, far below what the unlimited server used (a
// 20,000-part batch took 452 MB of answer and 1.5 GB of memory).
const FAST_MS = 5_000;
const MEMORY_BUDGET = 256 * 1024 * 1024;

let server: TestServer;
let site: string;
let sitePath: string;
const stored: { id: number; title: string }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  site = freshSite(server, "hostile");
  sitePath = new URL(site).pathname;
  const sp = spAs(site, EDITOR);
  await sp.web.lists.add("Notes", "", 100);
  await sp.web.lists.getByTitle("Notes").fields.addMultilineText("Body", {});
  await sp.web.lists.add("Files", "", 101);
  for (let i = 0; i < 10; i++) {
    const item = await sp.web.lists.getByTitle("Notes").items.add({ Title: `note ${i}`, Body: "x".repeat(200) });
    stored.push({ id: item.Id as number, title: `note ${i}` });
  }
  await sp.web
    .getFolderByServerRelativePath(`${sitePath}/Files`)
    .files.addUsingPath("kept.txt", new TextEncoder().encode("kept").buffer, { Overwrite: false });
}, 60_000);

afterAll(async () => {
  await server.dispose();
});

interface SpErrorBody {
  code: string;
  message: { lang: string; value: string };
}

/** SharePoint's error answer: the status, an odata error with the code, and never a stack trace. */
function expectSpError(res: { status: number; text: string }, status: number, code: RegExp): SpErrorBody {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(res.text).not.toMatch(/\n\s+at\s/);
  const body = JSON.parse(res.text) as { "odata.error"?: SpErrorBody; error?: SpErrorBody };
  const error = body["odata.error"] ?? body.error;
  expect(error?.code).toMatch(code);
  expect(error?.message.value.length).toBeGreaterThan(0);
  return error as SpErrorBody;
}

/** Nothing stored before the attack is gone or changed. */
async function expectNothingLost(): Promise<void> {
  const res = await call(`${site}/_api/web/lists/getByTitle('Notes')/items?$select=Id,Title&$orderby=Id&$top=5000`);
  const titles = (res.json() as { value: { Id: number; Title: string }[] }).value.map((v) => [v.Id, v.Title]);
  for (const s of stored) expect(titles).toContainEqual([s.id, s.title]);
  const file = await call(
    `${site}/_api/web/getFileByServerRelativePath(decodedurl='${sitePath}/Files/kept.txt')/$value`,
  );
  expect(file.text).toBe("kept");
}

function batchBody(boundary: string, requests: string[]): string {
  const parts = requests.map(
    (line) =>
      `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n${line} HTTP/1.1\r\nAccept: application/json\r\n\r\n`,
  );
  return `${parts.join("")}--${boundary}--\r\n`;
}

async function postBatch(upn: string, requests: string[]): Promise<{ status: number; text: string; ms: number }> {
  const boundary = "batch_hostile";
  const started = performance.now();
  const res = await call(`${site}/_api/$batch`, {
    method: "POST",
    upn,
    headers: { "Content-Type": `multipart/mixed; boundary=${boundary}` },
    body: batchBody(boundary, requests),
  });
  return { status: res.status, text: res.text, ms: performance.now() - started };
}

function partStatuses(text: string): number[] {
  return [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
}

describe("hostile requests: $batch floods", () => {
  it("refuses a 20,000-part batch from a read-only user at once, with a small answer and bounded memory", async () => {
    const before = process.memoryUsage().rss;
    const reads = Array.from({ length: 20_000 }, () => `GET ${site}/_api/web/lists/getByTitle('Notes')/items`);
    const res = await postBatch(COMMITTEE, reads);
    const grown = process.memoryUsage().rss - before;
    const error = expectSpError(res, 400, /InvalidClientQueryException/);
    expect(error.message.value).toMatch(/maximum of 1048576 bytes|maximum of 100 operations/);
    expect(res.text.length).toBeLessThan(4096);
    expect(res.ms).toBeLessThan(FAST_MS);
    expect(grown).toBeLessThan(MEMORY_BUDGET);
    await expectNothingLost();
  });

  it(`takes ${MAX_BATCH_OPERATIONS} operations in one batch and refuses ${MAX_BATCH_OPERATIONS + 1}`, async () => {
    const read = `GET ${site}/_api/web/lists/getByTitle('Notes')/items?$select=Id&$top=1`;
    const full = await postBatch(
      COMMITTEE,
      Array.from({ length: MAX_BATCH_OPERATIONS }, () => read),
    );
    expect(full.status).toBe(200);
    expect(partStatuses(full.text)).toEqual(Array.from({ length: MAX_BATCH_OPERATIONS }, () => 200));

    const over = await postBatch(
      COMMITTEE,
      Array.from({ length: MAX_BATCH_OPERATIONS + 1 }, () => read),
    );
    const error = expectSpError(over, 400, /InvalidClientQueryException/);
    expect(error.message.value).toContain(`maximum of ${MAX_BATCH_OPERATIONS} operations`);
    expect(over.ms).toBeLessThan(FAST_MS);
  });
});

describe("hostile requests: huge bodies and values", () => {
  it("refuses a JSON body over 1 MiB (a 2 MB note) and stores nothing", async () => {
    const started = performance.now();
    const res = await call(`${site}/_api/web/lists/getByTitle('Notes')/items`, {
      method: "POST",
      upn: EDITOR,
      body: { Title: "huge", Body: "x".repeat(2_000_000) },
    });
    const error = expectSpError(res, 400, /InvalidClientQueryException/);
    expect(error.message.value).toContain(`maximum of ${MAX_MESSAGE_BYTES} bytes`);
    expect(performance.now() - started).toBeLessThan(FAST_MS);
    const huge = await call(`${site}/_api/web/lists/getByTitle('Notes')/items?$filter=Title eq 'huge'`);
    expect((huge.json() as { value: unknown[] }).value).toEqual([]);
    // Every list read stays small.
    const all = await call(`${site}/_api/web/lists/getByTitle('Notes')/items`);
    expect(all.text.length).toBeLessThan(50_000);
    await expectNothingLost();
  });

  it("takes a note just under 1 MiB of JSON: the body limit is the only cap on note fields", async () => {
    const body = "n".repeat(MAX_MESSAGE_BYTES - 200);
    const res = await call(`${site}/_api/web/lists/getByTitle('Notes')/items`, {
      method: "POST",
      upn: EDITOR,
      body: { Title: "big note", Body: body },
    });
    expect(res.status).toBe(201);
    const id = (res.json() as { Id: number }).Id;
    await spAs(site, EDITOR).web.lists.getByTitle("Notes").items.getById(id).delete();
  });

  it("refuses a declared upload over 250 MiB before reading it", async () => {
    const url = new URL(
      `${site}/_api/web/getFolderByServerRelativePath(decodedurl='${sitePath}/Files')/files/addUsingPath(decodedurl='big.bin',overwrite=true)`,
    );
    const started = performance.now();
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          headers: {
            Authorization: `Bearer dev:${EDITOR}`,
            Accept: "application/json",
            "Content-Length": String(MAX_REQUEST_BYTES + 1),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      // Send a first slice only: the answer must not wait for the other 250 MB.
      req.write(Buffer.alloc(64 * 1024));
    });
    const error = expectSpError(answer, 400, /InvalidClientQueryException/);
    expect(error.message.value).toContain(`${MAX_REQUEST_BYTES} bytes`);
    expect(performance.now() - started).toBeLessThan(FAST_MS);
    const files = await call(`${site}/_api/web/getFolderByServerRelativePath(decodedurl='${sitePath}/Files')/files`);
    expect((files.json() as { value: { Name: string }[] }).value.map((f) => f.Name)).not.toContain("big.bin");
    await expectNothingLost();
  });

  it("refuses a single line of text over 255 characters and takes 255", async () => {
    const over = await call(`${site}/_api/web/lists/getByTitle('Notes')/items`, {
      method: "POST",
      upn: EDITOR,
      body: { Title: "t".repeat(256) },
    });
    // SharePoint Online's answer: 500, SPException -2130575336, naming no field (src/localsp/limits.ts).
    const error = expectSpError(over, 500, /^-2130575336, Microsoft\.SharePoint\.SPException$/);
    expect(error.message.value).toBe(
      "Invalid text value.\n\nA text field contains invalid data. Please check the value and try again.",
    );
    const fits = await call(`${site}/_api/web/lists/getByTitle('Notes')/items`, {
      method: "POST",
      upn: EDITOR,
      body: { Title: "t".repeat(255) },
    });
    expect(fits.status).toBe(201);
    const id = (fits.json() as { Id: number }).Id;
    // An update is held to the same rule, and the stored value stays as it was.
    const update = await call(`${site}/_api/web/lists/getByTitle('Notes')/items(${id})`, {
      method: "POST",
      upn: EDITOR,
      headers: { "X-HTTP-Method": "MERGE", "If-Match": "*" },
      body: { Title: "u".repeat(300) },
    });
    expectSpError(update, 500, /^-2130575336, Microsoft\.SharePoint\.SPException$/);
    const kept = await call(`${site}/_api/web/lists/getByTitle('Notes')/items(${id})?$select=Title`);
    expect((kept.json() as { Title: string }).Title).toBe("t".repeat(255));
    await spAs(site, EDITOR).web.lists.getByTitle("Notes").items.getById(id).delete();
    await expectNothingLost();
  });
});

describe("hostile requests: file and folder names", () => {
  function addFile(name: string) {
    const encoded = encodeURIComponent(name.replace(/'/g, "''"));
    return call(
      `${site}/_api/web/getFolderByServerRelativePath(decodedurl='${sitePath}/Files')/files/addUsingPath(decodedurl='${encoded}',overwrite=false)`,
      {
        method: "POST",
        upn: EDITOR,
        body: new TextEncoder().encode("bad"),
      },
    );
  }

  async function fileNames(): Promise<string[]> {
    const res = await call(`${site}/_api/web/getFolderByServerRelativePath(decodedurl='${sitePath}/Files')/files`);
    return (res.json() as { value: { Name: string }[] }).value.map((f) => f.Name);
  }

  const BAD_NAMES: [string, string][] = [
    ["dot", "."],
    ["dot dot", ".."],
    ["NUL character", "a\u0000b.txt"],
    ["control character", "a\u0007b.txt"],
    ["quote", 'a"b.txt'],
    ["asterisk", "a*b.txt"],
    ["colon", "a:b.txt"],
    ["less than", "a<b.txt"],
    ["greater than", "a>b.txt"],
    ["question mark", "a?b.txt"],
    ["pipe", "a|b.txt"],
    ["backslash", "a\\b.txt"],
    ["leading space", " lead.txt"],
    ["trailing space", "trail.txt "],
    ["reserved CON", "CON"],
    ["reserved nul", "nul"],
    ["reserved COM1", "com1"],
    ["reserved LPT9", "LPT9"],
    [".lock", ".lock"],
    ["desktop.ini", "desktop.ini"],
    ["~$ prefix", "~$budget.xlsx"],
    ["_vti_ anywhere", "report_vti_.txt"],
  ];

  it.each(BAD_NAMES)("refuses a file named with %s, and creates nothing", async (_label, name) => {
    const before = await fileNames();
    const res = await addFile(name);
    expectSpError(res, 400, /Microsoft\.SharePoint\.SPException/);
    expect(await fileNames()).toEqual(before);
  });

  it("refuses a 5,000-character name and any path over 400 characters; takes exactly 400", async () => {
    const before = await fileNames();
    const started = performance.now();
    const long = await addFile(`${"n".repeat(5000)}.txt`);
    const error = expectSpError(long, 400, /Microsoft\.SharePoint\.SPException/);
    expect(error.message.value).toContain(`${MAX_PATH_LENGTH} characters or less`);
    expect(performance.now() - started).toBeLessThan(FAST_MS);
    const prefix = `${sitePath}/Files/`;
    const fits = "f".repeat(MAX_PATH_LENGTH - prefix.length);
    expectSpError(await addFile(`${fits}g`), 400, /Microsoft\.SharePoint\.SPException/);
    expect(await fileNames()).toEqual(before);
    expect((await addFile(fits)).status).toBe(200);
    expect(await fileNames()).toContain(fits);
    await expectNothingLost();
  });

  it("takes names SharePoint takes: right-to-left overrides, # and %, accents, a leading dot", async () => {
    for (const name of ["invoice\u202Etxt.exe", "a#b%c.txt", "Adroddiad ŵ ŷ.txt", ".profile"]) {
      const res = await addFile(name);
      expect(res.status, `${JSON.stringify(name)}: ${res.text.slice(0, 200)}`).toBe(200);
      expect(await fileNames()).toContain(name);
    }
    await expectNothingLost();
  });
});

describe("hostile requests: deep and long filters", () => {
  const items = (filter: string) =>
    `${site}/_api/web/lists/getByTitle('Notes')/items?$select=Id&$filter=${filter.replace(/ /g, "%20")}`;

  it("answers a deeply nested filter 400, not 500, with no stack trace", async () => {
    const deep = `${"(".repeat(2000)}Id eq 1${")".repeat(2000)}`;
    const started = performance.now();
    const res = await call(items(deep), { upn: COMMITTEE });
    const error = expectSpError(res, 400, /InvalidClientQueryException/);
    expect(error.message.value).toBe("Recursion depth exceeded allowed limit.");
    const nots = await call(items(`${"not ".repeat(2000)}Id eq 1`), { upn: COMMITTEE });
    expectSpError(nots, 400, /InvalidClientQueryException/);
    expect(performance.now() - started).toBeLessThan(FAST_MS);
    // Ordinary nesting still works.
    const fine = await call(items(`((Id eq 1) or (not (Id eq 2)))`), { upn: COMMITTEE });
    expect(fine.status).toBe(200);
  });

  it("answers deep and very long filters inside a $batch part by part, never 500", async () => {
    const deep = `${"(".repeat(40_000)}Id eq 1${")".repeat(40_000)}`;
    const long = Array.from({ length: 30_000 }, (_, i) => `Id eq ${i}`).join(" or ");
    const res = await postBatch(COMMITTEE, [`GET ${items(deep)}`, `GET ${items(long)}`, `GET ${items("Id eq 1")}`]);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/\n\s+at\s/);
    expect(res.text).not.toContain("Maximum call stack");
    const statuses = partStatuses(res.text);
    expect(statuses[0]).toBe(400);
    // A long `or` chain is not deep: it is answered (every stored item matches one of the ids).
    expect(statuses[1]).toBe(200);
    expect(statuses[2]).toBe(200);
    expect(res.ms).toBeLessThan(FAST_MS * 2);
    await expectNothingLost();
  });
});

describe("hostile requests: sites", () => {
  it("answers an unknown site 404 to a signed-in user and does not create it", async () => {
    for (const upn of [EDITOR, ADMIN]) {
      const res = await call(`${server.url}/sites/nosuchsite/_api/web`, { upn });
      expectSpError(res, 404, /FileNotFoundException/);
      const write = await call(`${server.url}/sites/nosuchsite/_api/web/lists`, {
        method: "POST",
        upn,
        body: { Title: "Squat", BaseTemplate: 100 },
      });
      expectSpError(write, 404, /FileNotFoundException/);
    }
    expect(server.store.siteByName("nosuchsite")).toBeUndefined();
  });

  it("creates a site only by an admin act: the loopback admin route or createSite", async () => {
    const made = await call(`${server.url}/_localsp/sites`, {
      method: "POST",
      upn: null,
      body: { name: "made-by-admin", title: "Made" },
    });
    expect(made.status).toBe(201);
    const web = await call(`${server.url}/sites/made-by-admin/_api/web`, { upn: EDITOR });
    expect(web.status).toBe(200);
    expect((web.json() as { Title: string }).Title).toBe("Made");
    const bad = await call(`${server.url}/_localsp/sites`, { method: "POST", upn: null, body: { name: "../escape" } });
    expect(bad.status).toBe(400);
    // The tenant root site and the demo site exist from the start, as on SharePoint Online.
    expect((await call(`${server.url}/_api/web`, { upn: EDITOR })).status).toBe(200);
    expect((await call(`${server.siteUrl}/_api/web`, { upn: EDITOR })).status).toBe(200);
  });
});
