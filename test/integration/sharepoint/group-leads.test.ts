// Leads that are SharePoint groups, through @pnp/sp against the local server: a staff network's
// co-chairs share an action. Any member of the lead group writes progress records that count; a
// non-member's record is a comment. A people-only person field refuses a group, as SharePoint does.
import { beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/site-groups/index.js";
import "@pnp/sp/fields/index.js";
import { F, LIST_TITLES } from "../../../src/sharepoint/schema";
import { planList } from "../../../src/sharepoint/lists";
import { isLead, myActions } from "../../../src/ui/state/planView";
import { PermissionError } from "../../../src/sharepoint/errors";
import type { Person } from "../../../src/plan/types";
import { ADMIN, AMARA, CHAIR, COMMITTEE, EDITOR, YEAR, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";

const site = useSite();
let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
let coChairs: Person;
beforeAll(async () => {
  plan = await seedSmallPlan(site);
  // A site group made by the site owner, as a trust would for its network's co-chairs.
  const admin = site.sp(ADMIN);
  const group = (await admin.web.siteGroups.add({ Title: "BAME Network Co-Chairs" })) as unknown as {
    Id: number;
    Title: string;
  };
  await admin.web.siteGroups.getById(group.Id).users.add(`i:0#.f|membership|${CHAIR}`);
  coChairs = { id: group.Id, title: group.Title, email: null };
});

async function rest(
  upn: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: () => Record<string, unknown> }> {
  const headers: Record<string, string> = {
    Authorization: `Bearer dev:${upn}`,
    Accept: "application/json;odata=nometadata",
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${site.server.siteUrl}/_api/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: () => (text ? (JSON.parse(text) as Record<string, unknown>) : {}) };
}

describe("a SharePoint group as an action's lead", () => {
  it("a plan editor names the group as lead; it reads back as the group (title, no e-mail), now and in the item's versions", async () => {
    const editor = site.store(EDITOR);
    // The picker finds the group by part of its title.
    expect(await editor.searchGroups?.("co-chairs")).toEqual([
      { id: coChairs.id, title: "BAME Network Co-Chairs", email: null, isGroup: true },
    ]);
    const current = await editor.getAction(plan.tomAction.id);
    const saved = await editor.updateAction(current.id, current.etag, { leads: [coChairs] });
    expect(saved.leads).toEqual([
      expect.objectContaining({ id: coChairs.id, title: "BAME Network Co-Chairs", email: null }),
    ]);

    const raw = await rest(
      COMMITTEE,
      `web/lists/getByTitle('${LIST_TITLES.actions}')/items(${plan.tomAction.id})?$select=${F.leads}/Id,${F.leads}/Title,${F.leads}/EMail&$expand=${F.leads}`,
    );
    expect(raw.json()[F.leads]).toEqual([{ Id: coChairs.id, Title: "BAME Network Co-Chairs", EMail: null }]);

    const versions = await site.store(COMMITTEE).actionVersions(plan.tomAction.id);
    expect(versions[0]?.fields.leads).toEqual([
      expect.objectContaining({ id: coChairs.id, title: "BAME Network Co-Chairs" }),
    ]);
  });

  it("a member of the lead group updates the action and it counts; a non-member's record is a comment", async () => {
    const chair = site.store(CHAIR);
    const groupIds = await chair.myGroupIds?.();
    expect(groupIds).toContain(coChairs.id);
    const me = { ...(await chair.me()), groupIds };
    const before = await chair.getAction(plan.tomAction.id);
    expect(isLead(before, me)).toBe(true);
    await chair.updateProgress(before.id, before.etag, { rag: "Amber", progress: "Network survey out" });

    // Amara is not in the group: the tab refuses her update, and one she writes by REST is a comment.
    const amara = site.store(AMARA);
    const seen = await amara.getAction(plan.tomAction.id);
    expect(isLead(seen, { ...(await amara.me()), groupIds: await amara.myGroupIds?.() })).toBe(false);
    await expect(
      amara.updateProgress(seen.id, seen.etag, { rag: "Amber", progress: "Stalled" }),
    ).rejects.toBeInstanceOf(PermissionError);
    const forged = await rest(AMARA, `web/lists/getByTitle('${LIST_TITLES.progressUpdates}')/items`, {
      Title: "row",
      [`${F.action}Id`]: plan.tomAction.id,
      [F.planYear]: YEAR,
      [F.updateKind]: "Update",
      [F.updateDate]: new Date().toISOString(),
      [F.rag]: "Blue",
      [F.progress]: "Done (says a non-member)",
    });
    expect(forged.status).toBe(201);

    const committee = site.store(COMMITTEE);
    const history = await committee.history(plan.tomAction.id);
    expect(history.find((u) => u.author?.email === CHAIR)).toMatchObject({
      kind: "update",
      rag: "Amber",
      progress: "Network survey out",
    });
    expect(history.find((u) => u.id === Number(forged.json()["Id"]))?.kind).toBe("comment");
    const snapshot = await committee.loadPlan(YEAR);
    expect(snapshot.actions.find((a) => a.id === plan.tomAction.id)).toMatchObject({
      rag: "Amber",
      progress: "Network survey out",
    });
    // The chair's My actions lists the action the group leads.
    expect(myActions(await chair.loadPlan(YEAR), me, "2025-01-01").map((a) => a.id)).toContain(plan.tomAction.id);
  });

  it("a people-only person field refuses a group; the Leads field takes groups", async () => {
    const admin = site.sp(ADMIN);
    const owner = await planList(admin.web, "objectives")
      .fields.getByInternalNameOrTitle(F.objectiveOwner)
      .select("SelectionMode")<{ SelectionMode: number }>();
    const leads = await planList(admin.web, "actions")
      .fields.getByInternalNameOrTitle(F.leads)
      .select("SelectionMode")<{ SelectionMode: number }>();
    expect([owner.SelectionMode, leads.SelectionMode]).toEqual([0, 1]);
    const refused = await planList(admin.web, "objectives")
      .items.getById(plan.objective.id)
      .update({ [`${F.objectiveOwner}Id`]: coChairs.id })
      .catch((e: unknown) => e);
    expect((refused as { status?: number }).status).toBe(400);
    expect((await site.store(COMMITTEE).getAction(plan.tomAction.id)).leads.map((p) => p.id)).toEqual([coChairs.id]);
  });
});
