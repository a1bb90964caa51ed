// Raw REST, no tab involved: each demo role against a site the app itself set up. What SharePoint
// refuses here, it refuses to anyone opening the lists in SharePoint or calling REST with their
// own token; the tab's own checks are only convenience.
import { beforeAll, describe, expect, it } from "vitest";
import { F, LIST_TITLES } from "../../../src/sharepoint/schema";
import { ADMIN, AMARA, CHAIR, COMMITTEE, EDITOR, TOM, YEAR, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";

const site = useSite();
let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
beforeAll(async () => {
  plan = await seedSmallPlan(site);
});

async function rest(
  upn: string,
  path: string,
  init: { method?: string; body?: unknown; merge?: boolean } = {},
): Promise<{ status: number; json: () => Record<string, unknown> }> {
  const headers: Record<string, string> = {
    Authorization: `Bearer dev:${upn}`,
    Accept: "application/json;odata=nometadata",
  };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.merge) Object.assign(headers, { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" });
  const response = await fetch(`${site.server.siteUrl}/_api/${path}`, {
    method: init.method ?? (init.merge || init.body !== undefined ? "POST" : "GET"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, json: () => (text ? (JSON.parse(text) as Record<string, unknown>) : {}) };
}

const list = (title: string) => `web/lists/getByTitle('${title}')`;
const actions = list(LIST_TITLES.actions);
const updates = list(LIST_TITLES.progressUpdates);
const objectives = list(LIST_TITLES.objectives);

async function addRecord(
  upn: string,
  actionId: number,
  fields: Record<string, unknown>,
): Promise<{ status: number; id: number }> {
  const answer = await rest(upn, `${updates}/items`, {
    body: {
      Title: "row",
      [`${F.action}Id`]: actionId,
      [F.planYear]: YEAR,
      [F.updateKind]: "Update",
      [F.updateDate]: new Date().toISOString(),
      ...fields,
    },
  });
  return { status: answer.status, id: Number(answer.json()["Id"]) };
}

describe("an action owner, by REST", () => {
  it("cannot change another lead's action, nor the fields of their own that are not theirs", async () => {
    expect(
      (await rest(AMARA, `${actions}/items(${plan.tomAction.id})`, { merge: true, body: { [F.rag]: "Blue" } })).status,
    ).toBe(403);
    for (const field of [
      { [F.dueDate]: "2099-12-31" },
      { [`${F.leads}Id`]: [plan.tom.id] },
      { [`${F.objective}Id`]: plan.objective.id },
      { [F.rag]: "Blue" },
    ]) {
      expect((await rest(AMARA, `${actions}/items(${plan.amaraAction.id})`, { merge: true, body: field })).status).toBe(
        403,
      );
    }
    expect(
      (await rest(AMARA, `${actions}/items(${plan.amaraAction.id})`, { method: "POST", body: {} })).status,
    ).toBeGreaterThanOrEqual(400);
    expect(
      (await rest(AMARA, `${objectives}/items(${plan.objective.id})`, { merge: true, body: { Title: "Renamed" } }))
        .status,
    ).toBe(403);
    expect((await rest(AMARA, `${actions}/items`, { body: { Title: "A new action" } })).status).toBe(403);
    const dueDate = (await rest(COMMITTEE, `${actions}/items(${plan.amaraAction.id})?$select=${F.dueDate}`)).json()[
      F.dueDate
    ];
    // Unchanged: 31 March 2025 as the UK site keeps it (local midnight in British Summer Time, in UTC).
    expect(String(dueDate)).toBe("2025-03-30T23:00:00Z");
  });

  it("cannot change a progress record of someone else, the lists, or see the data library", async () => {
    const toms = await addRecord(TOM, plan.tomAction.id, { [F.rag]: "Amber" });
    expect(toms.status).toBe(201);
    expect((await rest(AMARA, `${updates}/items(${toms.id})`, { merge: true, body: { [F.rag]: "Red" } })).status).toBe(
      403,
    );
    expect((await rest(AMARA, `${updates}/items(${toms.id})`, { method: "DELETE" })).status).toBe(403);
    const own = await addRecord(AMARA, plan.amaraAction.id, { [F.rag]: "Amber" });
    expect(
      (await rest(AMARA, `${updates}/items(${own.id})`, { merge: true, body: { [F.note]: "Corrected" } })).status,
    ).toBe(204);
    expect((await rest(AMARA, `${actions}/fields`, { body: { Title: "Sneaky", FieldTypeKind: 2 } })).status).toBe(403);
    expect((await rest(AMARA, actions, { merge: true, body: { Description: "changed" } })).status).toBe(403);
    expect(
      (
        await rest(AMARA, `${actions}/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)`, {
          method: "POST",
        })
      ).status,
    ).toBe(403);
    expect((await rest(AMARA, "web/lists", { body: { Title: "Shadow plan", BaseTemplate: 100 } })).status).toBe(201); // the team site itself is theirs to use
    expect((await rest(AMARA, list(LIST_TITLES.dataFiles))).status).toBe(404);
  });
});

describe("the staff network chair and a committee member, by REST", () => {
  it("the chair can comment and change nothing else", async () => {
    const comment = await rest(CHAIR, `${updates}/items`, {
      body: {
        Title: "Comment",
        [`${F.action}Id`]: plan.tomAction.id,
        [F.planYear]: YEAR,
        [F.updateKind]: "Comment",
        [F.note]: "Happy to help",
      },
    });
    expect(comment.status).toBe(201);
    expect(
      (await rest(CHAIR, `${actions}/items(${plan.tomAction.id})`, { merge: true, body: { [F.rag]: "Blue" } })).status,
    ).toBe(403);
    expect(
      (await rest(CHAIR, `${objectives}/items(${plan.objective.id})`, { merge: true, body: { Title: "x" } })).status,
    ).toBe(403);
    expect((await rest(CHAIR, `${list(LIST_TITLES.indicatorResults)}/items`, { body: { Title: "x" } })).status).toBe(
      403,
    );
    expect((await rest(CHAIR, list(LIST_TITLES.dataFiles))).status).toBe(404);
  });

  it("a committee member reads only", async () => {
    expect((await rest(COMMITTEE, `${actions}/items?$select=Id`)).json()["value"]).toHaveLength(2);
    expect((await addRecord(COMMITTEE, plan.tomAction.id, { [F.note]: "x" })).status).toBe(403);
    expect(
      (await rest(COMMITTEE, `${actions}/items(${plan.tomAction.id})`, { merge: true, body: { Title: "x" } })).status,
    ).toBe(403);
    expect((await rest(COMMITTEE, list(LIST_TITLES.dataFiles))).status).toBe(404);
  });

  it("the data library is there for plan editors and site owners only", async () => {
    for (const [upn, status] of [
      [EDITOR, 200],
      [ADMIN, 200],
      [AMARA, 404],
      [TOM, 404],
      [CHAIR, 404],
      [COMMITTEE, 404],
    ] as const) {
      expect((await rest(upn, `${list(LIST_TITLES.dataFiles)}/rootFolder/files`)).status, upn).toBe(status);
    }
  });
});

describe("authorship and what counts", () => {
  it("the Author of every history row is the person who wrote it, whatever the row claims", async () => {
    const forged = await addRecord(CHAIR, plan.amaraAction.id, {
      [`${F.updateAuthor}Id`]: plan.amara.id,
      [F.updateDate]: "2020-01-01",
      [F.note]: "Signed: Amara",
    });
    expect(forged.status).toBe(201);
    const row = (await rest(COMMITTEE, `${updates}/items(${forged.id})?$select=AuthorId,Created`)).json();
    const chairId = (await rest(CHAIR, "web/currentUser?$select=Id")).json()["Id"];
    expect(row["AuthorId"]).toBe(chairId);
    const history = await site.store(COMMITTEE).history(plan.amaraAction.id);
    const shown = history.find((u) => u.id === forged.id);
    expect(shown).toMatchObject({ author: { email: CHAIR }, kind: "comment" });
    expect(Date.now() - Date.parse(shown!.date)).toBeLessThan(60_000);
  });

  it("an update written by someone who may not update the action counts nowhere: not in the roll-up, not in the meeting views", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const before = (await site.store(COMMITTEE).loadPlan(YEAR)).actions.find((a) => a.id === plan.tomAction.id)!;
    // Amara (a lead, but not of this action) and the chair both claim Tom's action is complete.
    const claims = [
      await addRecord(AMARA, plan.tomAction.id, { [F.rag]: "Blue", [F.previousRag]: before.rag, [F.progress]: "Done" }),
      await addRecord(CHAIR, plan.tomAction.id, { [F.rag]: "Blue", [F.previousRag]: before.rag, [F.progress]: "Done" }),
    ];
    expect(claims.map((c) => c.status)).toEqual([201, 201]);
    const after = (await site.store(COMMITTEE).loadPlan(YEAR)).actions.find((a) => a.id === plan.tomAction.id)!;
    expect(after).toMatchObject({ rag: before.rag, progress: before.progress });
    const meeting = (await site.store(COMMITTEE).updatesSince(YEAR, since)).filter((u) =>
      claims.some((c) => c.id === u.id),
    );
    expect(meeting).toHaveLength(2);
    expect(meeting.every((u) => u.kind === "comment" && u.rag === null)).toBe(true);
    // Tom's own update counts.
    expect(
      (await addRecord(TOM, plan.tomAction.id, { [F.rag]: "Amber", [F.progress]: "Board diaries full" })).status,
    ).toBe(201);
    expect((await site.store(COMMITTEE).loadPlan(YEAR)).actions.find((a) => a.id === plan.tomAction.id)).toMatchObject({
      rag: "Amber",
      progress: "Board diaries full",
    });
  });
});

const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100)); // SharePoint stamps Created and Modified to the second

describe("an update counts when its author could update the action at the time", () => {
  it("after a plan editor hands an action to a new lead: the former lead's earlier update still counts, later ones are comments; the new lead's count from then on", async () => {
    const editor = site.store(EDITOR);
    // Earlier in this file Amara claimed Tom's action complete while she did not lead it.
    const tomsEarlier = await addRecord(TOM, plan.tomAction.id, {
      [F.rag]: "Red",
      [F.progress]: "Stalled: no board sponsor",
    });
    expect(tomsEarlier.status).toBe(201);
    await nextSecond();
    const current = await editor.getAction(plan.tomAction.id);
    await editor.updateAction(current.id, current.etag, { leads: [plan.amara] });
    await nextSecond();
    const tomsLater = await addRecord(TOM, plan.tomAction.id, {
      [F.rag]: "Blue",
      [F.progress]: "Done (written after he was replaced)",
    });

    const committee = site.store(COMMITTEE);
    const history = await committee.history(plan.tomAction.id);
    const kindOf = (id: number) => history.find((u) => u.id === id)?.kind;
    expect(kindOf(tomsEarlier.id)).toBe("update");
    expect(kindOf(tomsLater.id)).toBe("comment");
    // Amara's claim from before she led the action stays a comment now that she leads it.
    const amarasClaims = history.filter((u) => u.author?.email === AMARA);
    expect(amarasClaims.length).toBeGreaterThan(0);
    expect(amarasClaims.every((u) => u.kind === "comment")).toBe(true);
    // The roll-up: Tom's update from while he led it is the newest that counts.
    expect((await committee.loadPlan(YEAR)).actions.find((a) => a.id === plan.tomAction.id)).toMatchObject({
      rag: "Red",
      progress: "Stalled: no board sponsor",
    });
    // The meeting views judge each row the same way.
    const meeting = await committee.updatesSince(YEAR, new Date(Date.now() - 60_000).toISOString());
    expect(meeting.find((u) => u.id === tomsEarlier.id)?.kind).toBe("update");
    expect(meeting.find((u) => u.id === tomsLater.id)?.kind).toBe("comment");

    const amaras = await addRecord(AMARA, plan.tomAction.id, {
      [F.rag]: "Amber",
      [F.progress]: "Taken over; sponsor found",
    });
    expect(amaras.status).toBe(201);
    expect((await committee.loadPlan(YEAR)).actions.find((a) => a.id === plan.tomAction.id)).toMatchObject({
      rag: "Amber",
      progress: "Taken over; sponsor found",
    });
  }, 30_000);

  it("the action's version history, read by anyone who can read the action, shows who changed its leads and when", async () => {
    const versions = await site.store(COMMITTEE).actionVersions(plan.tomAction.id);
    expect(versions[0]?.fields.leads.map((p) => p.email)).toEqual([AMARA]);
    const handOver = versions.findIndex(
      (v, i) => v.fields.leads[0]?.email === AMARA && versions[i + 1]?.fields.leads[0]?.email === TOM,
    );
    expect(handOver).toBeGreaterThanOrEqual(0);
    expect(versions[handOver]?.editor?.email).toBe(EDITOR);
    expect(versions.at(-1)).toMatchObject({
      label: "1.0",
      fields: { title: "Reverse mentoring for the board", dueDate: "2025-06-30" },
    });
    // By REST with a chair's own token too; SharePoint answers 404 to those who cannot read the item.
    const raw = await rest(CHAIR, `${actions}/items(${plan.tomAction.id})/versions`);
    expect(raw.status).toBe(200);
    expect((raw.json()["value"] as Record<string, unknown>[])[0]).toMatchObject({
      [F.leads]: [{ LookupId: plan.amara.id, Email: AMARA }],
    });
  });
});
