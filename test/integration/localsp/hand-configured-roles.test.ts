// The permission tests of the plan's roles (test/integration/sharepoint/roles-rest.test.ts), run
// against plain lists configured by hand, by raw REST, the SharePoint way: site groups, lists that
// stop inheriting, a level per group, WriteSecurity on the log. No code of the app is involved and
// the lists have other names, so whatever is refused here is refused by SharePoint's own rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  CHAIR,
  COMMITTEE,
  EDITOR,
  OWNER_AMARA,
  OWNER_TOM,
  call,
  freshSite,
  startTestServer,
  type TestServer,
} from "./support";

const LEVEL = { fullControl: 1073741829, design: 1073741828, contribute: 1073741827, read: 1073741826 };

let server: TestServer;
let site: string;
const ids = { amaraTask: 0, tomTask: 0 };

beforeAll(async () => {
  server = await startTestServer();
  site = freshSite(server, "hand");
  const api = (path: string) => `${site}/_api/${path}`;
  const post = async (path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const answer = await call(api(path), { method: "POST", upn: ADMIN, body, headers });
    expect(answer.status, `${path}: ${answer.text}`).toBeLessThan(300);
    return answer.text ? (answer.json() as Record<string, unknown>) : {};
  };
  const group = async (title: string, members: string[]) => {
    const id = Number((await post("web/sitegroups", { Title: title }))["Id"]);
    for (const upn of members) await post(`web/sitegroups(${id})/users`, { LoginName: `i:0#.f|membership|${upn}` });
    return id;
  };
  const planners = await group("Planners", [EDITOR]);
  const doers = await group("Doers", [OWNER_AMARA, OWNER_TOM, CHAIR]);
  const watchers = await group("Watchers", [COMMITTEE]);
  const own = async (which: string) =>
    Number(((await call(api(`web/${which}?$select=Id`), { upn: ADMIN })).json() as { Id: number }).Id);
  const [owners, members, visitors] = [
    await own("associatedownergroup"),
    await own("associatedmembergroup"),
    await own("associatedvisitorgroup"),
  ];

  const list = async (
    title: string,
    template: number,
    grants: [number, number][],
    settings: Record<string, unknown> = {},
  ) => {
    await post("web/lists", { Title: title, BaseTemplate: template });
    const at = `web/lists/getByTitle('${title}')`;
    await post(`${at}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`);
    for (const [principal, level] of grants)
      await post(`${at}/roleassignments/addroleassignment(principalid=${principal},roledefid=${level})`);
    if (Object.keys(settings).length > 0) await post(at, settings, { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" });
  };
  const readers = [doers, watchers, members, visitors].map((g): [number, number] => [g, LEVEL.read]);
  await list("Tasks", 100, [[owners, LEVEL.fullControl], [planners, LEVEL.design], ...readers]);
  await post("web/lists/getByTitle('Tasks')/fields", { Title: "Due", FieldTypeKind: 4 });
  await list(
    "Log",
    100,
    [
      [owners, LEVEL.fullControl],
      [planners, LEVEL.design],
      [doers, LEVEL.contribute],
      ...[watchers, members, visitors].map((g): [number, number] => [g, LEVEL.read]),
    ],
    { WriteSecurity: 2 },
  );
  await list("Papers", 101, [
    [owners, LEVEL.fullControl],
    [planners, LEVEL.design],
  ]);
  const task = async (title: string) =>
    Number((await post("web/lists/getByTitle('Tasks')/items", { Title: title, Due: "2025-03-31T00:00:00Z" }))["Id"]);
  ids.amaraTask = await task("Amara's task");
  ids.tomTask = await task("Tom's task");
}, 60_000);

afterAll(async () => {
  await server.dispose();
});

const merge = (upn: string, path: string, body: unknown) =>
  call(`${site}/_api/${path}`, { method: "POST", upn, body, headers: { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" } });
const add = (upn: string, list: string, body: unknown) =>
  call(`${site}/_api/web/lists/getByTitle('${list}')/items`, { method: "POST", upn, body });
const get = (upn: string, path: string) => call(`${site}/_api/${path}`, { upn });

describe("a hand-configured site, by raw REST", () => {
  it("someone in the contributors' group changes no task, not even the due date of the one that is theirs to report on", async () => {
    expect(ids.amaraTask).toBeGreaterThan(0);
    for (const body of [{ Title: "renamed" }, { Due: "2099-12-31T00:00:00Z" }]) {
      expect((await merge(OWNER_AMARA, `web/lists/getByTitle('Tasks')/items(${ids.amaraTask})`, body)).status).toBe(
        403,
      );
      expect((await merge(OWNER_AMARA, `web/lists/getByTitle('Tasks')/items(${ids.tomTask})`, body)).status).toBe(403);
    }
    expect((await add(OWNER_AMARA, "Tasks", { Title: "a new task" })).status).toBe(403);
    expect(
      (
        await call(`${site}/_api/web/lists/getByTitle('Tasks')/items(${ids.tomTask})`, {
          method: "DELETE",
          upn: OWNER_AMARA,
          headers: { "IF-MATCH": "*" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        (await get(COMMITTEE, `web/lists/getByTitle('Tasks')/items(${ids.amaraTask})?$select=Due`)).json() as {
          Due: string;
        }
      ).Due,
    ).toMatch(/^2025-03-31/);
  });

  it("writes to the log: only one's own rows; no list settings; and the papers library is not there", async () => {
    const toms = await add(OWNER_TOM, "Log", { Title: "Tom's report" });
    expect(toms.status).toBe(201);
    const tomsId = (toms.json() as { Id: number }).Id;
    expect(
      (await merge(OWNER_AMARA, `web/lists/getByTitle('Log')/items(${tomsId})`, { Title: "rewritten" })).status,
    ).toBe(403);
    expect(
      (
        await call(`${site}/_api/web/lists/getByTitle('Log')/items(${tomsId})`, {
          method: "DELETE",
          upn: OWNER_AMARA,
          headers: { "IF-MATCH": "*" },
        })
      ).status,
    ).toBe(403);
    const own = (await add(OWNER_AMARA, "Log", { Title: "Amara's report" })).json() as { Id: number };
    expect(
      (await merge(OWNER_AMARA, `web/lists/getByTitle('Log')/items(${own.Id})`, { Title: "Amara's report, corrected" }))
        .status,
    ).toBe(204);
    expect(
      (
        await call(`${site}/_api/web/lists/getByTitle('Log')/fields`, {
          method: "POST",
          upn: OWNER_AMARA,
          body: { Title: "Sneaky", FieldTypeKind: 2 },
        })
      ).status,
    ).toBe(403);
    expect((await merge(OWNER_AMARA, "web/lists/getByTitle('Log')", { WriteSecurity: 1 })).status).toBe(403);
    expect((await get(OWNER_AMARA, "web/lists/getByTitle('Papers')")).status).toBe(404);
    // The planners moderate the log (Design carries Override List Behaviors).
    expect((await merge(EDITOR, `web/lists/getByTitle('Log')/items(${tomsId})`, { Title: "moderated" })).status).toBe(
      204,
    );
  });

  it("the watchers read only, and the papers are there for the planners and site owners alone", async () => {
    expect(
      ((await get(COMMITTEE, "web/lists/getByTitle('Tasks')/items?$select=Id")).json() as { value: unknown[] }).value,
    ).toHaveLength(2);
    expect((await add(COMMITTEE, "Log", { Title: "x" })).status).toBe(403);
    expect((await merge(COMMITTEE, `web/lists/getByTitle('Tasks')/items(${ids.tomTask})`, { Title: "x" })).status).toBe(
      403,
    );
    for (const [upn, status] of [
      [EDITOR, 200],
      [ADMIN, 200],
      [OWNER_AMARA, 404],
      [OWNER_TOM, 404],
      [CHAIR, 404],
      [COMMITTEE, 404],
    ] as const) {
      expect((await get(upn, "web/lists/getByTitle('Papers')/rootFolder/files")).status, upn).toBe(status);
    }
  });

  it("the author of every log row is the person who wrote it, whatever the row says", async () => {
    const forged = await add(CHAIR, "Log", { Title: "Signed: Amara" });
    expect(forged.status).toBe(201);
    const row = (
      await get(
        COMMITTEE,
        `web/lists/getByTitle('Log')/items(${(forged.json() as { Id: number }).Id})?$select=AuthorId`,
      )
    ).json() as { AuthorId: number };
    const chair = (await get(CHAIR, "web/currentUser?$select=Id")).json() as { Id: number };
    expect(row.AuthorId).toBe(chair.Id);
    expect((await add(CHAIR, "Log", { Title: "forged", AuthorId: 1 })).status).toBeGreaterThanOrEqual(400);
  });
});
