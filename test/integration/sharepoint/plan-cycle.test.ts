// The plan year's cycle through the real data layer (@pnp/sp) against the local server, and, by raw
// REST with each role's own token, what SharePoint itself refuses: the record of the cycle and the
// approved copy can be changed by nobody but a site owner (docs/plan-cycle.md).
import { beforeAll, describe, expect, it } from "vitest";
import { compareWithApproved } from "../../../src/plan/cycle/since-approval";
import { addToPlanGroup } from "../../../src/sharepoint/security-model";
import { approvedCopyFileName, CycleRefusedError } from "../../../src/sharepoint/cycle-store";
import { F, LIST_TITLES, SCHEMA_VERSION } from "../../../src/sharepoint/schema";
import { ADMIN, AMARA, CHAIR, COMMITTEE, EDITOR, TOM, YEAR, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";

const site = useSite();
let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
beforeAll(async () => {
  plan = await seedSmallPlan(site);
  // Tom is also a plan editor, without being a site owner (a team member in WRES Plan Editors).
  await addToPlanGroup(site.sp(ADMIN), "editors", `i:0#.f|membership|${TOM}`);
});

async function refusalOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof CycleRefusedError) return error.refusal.key;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("a plan year's cycle through the data layer", () => {
  it("walks a year: consultation with a chair's comment and the editor's answer, a return, a second submission, approval with assurance", async () => {
    const editor = site.store(EDITOR);
    const chair = site.store(CHAIR);
    const committee = site.store(COMMITTEE);
    expect((await editor.planYearStatus(YEAR)).state).toBe("draft");
    expect(await refusalOf(chair.moveYear(YEAR, "consultation"))).toBe("cycle.refusal.editorsOnly");
    expect(await refusalOf(chair.addConsultationComment(YEAR, plan.objective.id, "Too early"))).toBe(
      "cycle.refusal.notInConsultation",
    );

    expect((await editor.moveYear(YEAR, "consultation")).state).toBe("consultation");
    const afterComment = await chair.addConsultationComment(
      YEAR,
      plan.objective.id,
      "Panels need network members trained first",
    );
    expect(afterComment).toHaveLength(1);
    expect(afterComment[0]).toMatchObject({
      objectiveId: plan.objective.id,
      text: "Panels need network members trained first",
      by: { title: "Samuel Adeyemi" },
      answers: [],
    });
    expect(await refusalOf(committee.addConsultationComment(YEAR, null, "I read only"))).toBe(
      "cycle.refusal.cannotComment",
    );
    expect(await refusalOf(chair.answerConsultationComment(YEAR, afterComment[0]!.id, "I answer myself"))).toBe(
      "cycle.refusal.editorsOnly",
    );
    const answered = await editor.answerConsultationComment(
      YEAR,
      afterComment[0]!.id,
      "Added to action 1.1: training before panels",
    );
    expect(answered[0]?.answers.map((a) => [a.text, a.by?.title])).toEqual([
      ["Added to action 1.1: training before panels", "Jordan Ellis"],
    ]);
    // Everyone who reads the plan reads the consultation.
    expect((await committee.consultationComments(YEAR))[0]?.answers).toHaveLength(1);

    expect((await editor.moveYear(YEAR, "submitted")).state).toBe("submitted");
    expect(await refusalOf(editor.moveYear(YEAR, "draft"))).toBe("cycle.refusal.awaitingDecision");
    expect(
      await refusalOf(
        editor.recordDecision(YEAR, {
          meeting: "People Committee",
          date: "2025-01-16",
          outcome: "approved",
          assurance: null,
          minuteReference: null,
        }),
      ),
    ).toBe("cycle.refusal.assuranceNeeded");
    const returned = await editor.recordDecision(YEAR, {
      meeting: "People Committee",
      date: "2025-01-16",
      outcome: "returned",
      assurance: "not-assured",
      minuteReference: "PC/25/03",
    });
    expect(returned.state).toBe("returned");
    expect(await editor.approvedCopy(YEAR)).toBeNull();

    expect((await editor.moveYear(YEAR, "submitted")).state).toBe("submitted");
    // Tom, a plan editor who is not a site owner, records the approval (WRES Add Only lets him add it).
    const approved = await site.store(TOM).recordDecision(YEAR, {
      meeting: "Trust Board",
      date: "2025-02-06",
      outcome: "approved-with-changes",
      assurance: "partially-assured",
      minuteReference: "TB/25/12",
    });
    expect(approved.state).toBe("approved");
    expect(
      approved.decisions.map((d) => [
        d.meeting,
        d.date,
        d.outcome,
        d.assurance,
        d.minuteReference,
        d.recordedBy?.title,
      ]),
    ).toEqual([
      ["People Committee", "2025-01-16", "returned", "not-assured", "PC/25/03", "Jordan Ellis"],
      ["Trust Board", "2025-02-06", "approved-with-changes", "partially-assured", "TB/25/12", "Tom Hughes"],
    ]);
    expect(approved.history.map((e) => e.state)).toEqual([
      "consultation",
      "submitted",
      "returned",
      "submitted",
      "approved",
    ]);
  });

  it("freezes the approved copy: a later edit to the live plan changes the plan, never the copy, and the change shows since approval", async () => {
    const editor = site.store(EDITOR);
    const copy = await editor.approvedCopy(YEAR);
    expect(copy).not.toBeNull();
    expect(copy!.decision).toMatchObject({
      meeting: "Trust Board",
      outcome: "approved-with-changes",
      assurance: "partially-assured",
    });
    expect(copy!.objectives.map((o) => o.title)).toEqual([plan.objective.title]);
    expect(copy!.actions.map((a) => [a.number, a.dueDate, a.rag, a.leads.map((l) => l.title)])).toEqual([
      ["1.1", "2025-03-31", "Green", ["Amara Okafor"]],
      ["1.2", "2025-06-30", "Green", ["Tom Hughes"]],
    ]);

    const live = await editor.getAction(plan.amaraAction.id);
    await editor.updateAction(live.id, live.etag, { dueDate: "2025-09-30", rag: "Amber" });
    const again = await editor.approvedCopy(YEAR);
    expect(again).toEqual(copy);
    const today = await editor.loadPlan(YEAR);
    const since = compareWithApproved(again!, today);
    expect(since.actions.find((r) => r.action.id === plan.amaraAction.id)).toMatchObject({
      redated: { from: "2025-03-31", to: "2025-09-30" },
      ragThen: "Green",
      ragNow: "Amber",
    });

    expect((await editor.moveYear(YEAR, "published")).state).toBe("published");
    expect(await refusalOf(editor.moveYear(YEAR, "draft"))).toBe("cycle.refusal.published");
  });
});

// ---- raw REST: SharePoint's own answer to each role

async function rest(
  upn: string,
  path: string,
  init: { method?: string; body?: unknown; raw?: string; merge?: boolean } = {},
): Promise<number> {
  const headers: Record<string, string> = {
    Authorization: `Bearer dev:${upn}`,
    Accept: "application/json;odata=nometadata",
  };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.merge) Object.assign(headers, { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" });
  const response = await fetch(`${site.server.siteUrl}/_api/${path}`, {
    method: init.method ?? (init.merge || init.body !== undefined || init.raw !== undefined ? "POST" : "GET"),
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  await response.text();
  return response.status;
}

const cycle = `web/lists/getByTitle('${LIST_TITLES.planCycle}')`;
const copies = `web/lists/getByTitle('${LIST_TITLES.approvedPlans}')`;
const comments = `web/lists/getByTitle('${LIST_TITLES.consultation}')`;
const copyPath = () =>
  `${new URL(site.server.siteUrl).pathname}/${LIST_TITLES.approvedPlans}/${approvedCopyFileName(YEAR)}`;
const copyFile = () => `web/getFileByServerRelativePath(decodedurl='${encodeURIComponent(copyPath())}')`;

/** Every way of changing the record and the copy; each answers with its HTTP status. */
async function attempts(upn: string): Promise<Record<string, number>> {
  const copy = `{"year":"${YEAR}","actions":[]}`;
  return {
    changeDecision: await rest(upn, `${cycle}/items(5)`, {
      merge: true,
      body: { [F.outcome]: "approved", [F.assurance]: "assured" },
    }),
    deleteDecision: await rest(upn, `${cycle}/items(5)`, { method: "DELETE" }),
    overwriteCopy: await rest(upn, `${copyFile()}/$value`, { method: "PUT", raw: copy }),
    replaceCopy: await rest(upn, `${copies}/rootFolder/files/add(url='${approvedCopyFileName(YEAR)}',overwrite=true)`, {
      raw: copy,
    }),
    changeCopyItem: await rest(upn, `${copies}/items(1)`, { merge: true, body: { Title: "changed" } }),
    deleteCopy: await rest(upn, copyFile(), { method: "DELETE" }),
    takeOverPermissions: await rest(
      upn,
      `${copies}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`,
      { raw: "" },
    ),
    deleteList: await rest(upn, copies, { method: "DELETE" }),
  };
}

describe("the frozen copy and the record, by raw REST", () => {
  it("everyone who reads the plan reads the copy and the record", async () => {
    for (const upn of [COMMITTEE, CHAIR, AMARA, TOM, EDITOR]) {
      expect(await rest(upn, `${copyFile()}/$value`), upn).toBe(200);
      expect(await rest(upn, `${cycle}/items(5)`), upn).toBe(200);
    }
  });

  it("a member (an action owner) and the network chair can change neither", async () => {
    for (const upn of [AMARA, CHAIR, COMMITTEE]) {
      const answers = await attempts(upn);
      for (const [what, status] of Object.entries(answers)) expect([upn, what, status]).toEqual([upn, what, 403]);
    }
  });

  it("a plan editor who is not a site owner can add to the record but change neither it nor the copy", async () => {
    const answers = await attempts(TOM);
    for (const [what, status] of Object.entries(answers)) expect([what, status]).toEqual([what, 403]);
    // Adding is what WRES Add Only allows: a new entry, which the record's rules then judge.
    expect(
      await rest(TOM, `${cycle}/items`, { body: { Title: "x", [F.planYear]: YEAR, [F.cycleState]: "draft" } }),
    ).toBe(201);
    expect((await site.store(TOM).planYearStatus(YEAR)).state).toBe("published");
  });

  it("a plan editor cannot change a network chair's consultation comment; the chair can change only their own", async () => {
    const thread = await site.store(EDITOR).consultationComments(YEAR);
    const chairs = thread[0]!;
    expect(
      await rest(TOM, `${comments}/items(${chairs.id})`, {
        merge: true,
        body: { [F.note]: "Edited by a plan editor" },
      }),
    ).toBe(403);
    expect(
      await rest(AMARA, `${comments}/items(${chairs.id})`, { merge: true, body: { [F.note]: "Edited by a member" } }),
    ).toBe(403);
    expect(
      await rest(CHAIR, `${comments}/items(${chairs.answers[0]!.id})`, {
        merge: true,
        body: { [F.note]: "Edited by the chair" },
      }),
    ).toBe(403);
    expect(
      await rest(CHAIR, `${comments}/items(${chairs.id})`, {
        merge: true,
        body: { [F.note]: "Panels need trained network members first" },
      }),
    ).toBe(204);
  });

  it("only someone who manages permissions can make a permission level, and a name is used once", async () => {
    const level = { BasePermissions: { High: "0", Low: "1" }, Name: "Edit everything", Description: "", Order: 300 };
    expect(await rest(TOM, "web/roledefinitions", { body: level })).toBe(403);
    expect(await rest(AMARA, "web/roledefinitions", { body: level })).toBe(403);
    expect(await rest(ADMIN, "web/roledefinitions", { body: { ...level, Name: "WRES Add Only" } })).toBe(500);
    const levels = await fetch(`${site.server.siteUrl}/_api/web/roledefinitions?$select=Name,BasePermissions`, {
      headers: { Authorization: `Bearer dev:${COMMITTEE}`, Accept: "application/json;odata=nometadata" },
    }).then((r) => r.json() as Promise<{ value: { Name: string; BasePermissions: { High: string; Low: string } }[] }>);
    const addOnly = levels.value.find((l) => l.Name === "WRES Add Only");
    // View and Add Items (0x1, 0x2), never Edit or Delete Items (0x4, 0x8) or Manage Lists (0x800).
    const low = Number(addOnly?.BasePermissions.Low);
    expect([low & 0x1, low & 0x2, low & 0x4, low & 0x8, low & 0x800]).toEqual([0x1, 0x2, 0, 0, 0]);
  });

  it("a site owner can change both (Full Control), as SharePoint lets owners do anything", async () => {
    const before = await site.store(EDITOR).approvedCopy(YEAR);
    expect(before?.actions).toHaveLength(2);
    expect(
      await rest(EDITOR, `${copyFile()}/$value`, { method: "PUT", raw: JSON.stringify({ ...before, actions: [] }) }),
    ).toBe(204);
    expect((await site.store(EDITOR).approvedCopy(YEAR))?.actions).toEqual([]);
    expect(await rest(EDITOR, `${cycle}/items(5)`, { merge: true, body: { [F.minuteReference]: "TB/25/12a" } })).toBe(
      204,
    );
    expect(await rest(ADMIN, `${cycle}/items(5)`, { merge: true, body: { [F.minuteReference]: "TB/25/12b" } })).toBe(
      204,
    );
  });
});

describe("upgrading a schema-4 site to the plan year's cycle (schema 6)", () => {
  const old = useSite();
  beforeAll(async () => {
    const { provision } = await import("../../../src/sharepoint/provision");
    const { DEMO_GROUPS } = await import("../../../src/localsp/seed-plan");
    await provision(old.sp(ADMIN), { version: 4 });
    for (const [group, upn] of DEMO_GROUPS) await addToPlanGroup(old.sp(ADMIN), group, `i:0#.f|membership|${upn}`);
    await addToPlanGroup(old.sp(ADMIN), "editors", `i:0#.f|membership|${TOM}`);
  });

  it("is offered as an upgrade; a plan editor who is not a site owner is told a site owner must do it; a site owner makes the lists with their permissions", async () => {
    const { siteSchema, upgradeLists } = await import("../../../src/sharepoint/upgrade");
    expect(await siteSchema(old.sp(TOM))).toEqual({ version: 4, current: SCHEMA_VERSION });
    // Without the cycle's lists the year has no record to read, and the tab says so rather than guess.
    await expect(old.store(TOM).planYearStatus(YEAR)).rejects.toMatchObject({ code: "notProvisioned" });
    await expect(upgradeLists(old.sp(TOM))).rejects.toMatchObject({ code: "fullControlRequired" });
    const titles = async () =>
      (await old.sp(ADMIN).web.lists.select("Title")<{ Title: string }[]>()).map((l) => l.Title);
    expect(await titles()).not.toContain(LIST_TITLES.planCycle);

    const report = await upgradeLists(old.sp(EDITOR));
    // Every list a later version brought, in one upgrade (schema 7 adds the targets and comparisons).
    expect(report.createdLists.sort()).toEqual(
      [LIST_TITLES.approvedPlans, LIST_TITLES.consultation, LIST_TITLES.planCycle, LIST_TITLES.indicatorFigures].sort(),
    );
    expect(await siteSchema(old.sp(TOM))).toEqual({ version: SCHEMA_VERSION, current: SCHEMA_VERSION });
    expect((await old.store(TOM).moveYear(YEAR, "consultation")).state).toBe("consultation");
    const path = `web/lists/getByTitle('${LIST_TITLES.planCycle}')/items(1)`;
    const merge = await fetch(`${old.server.siteUrl}/_api/${path}`, {
      method: "POST",
      headers: {
        Authorization: `Bearer dev:${TOM}`,
        Accept: "application/json;odata=nometadata",
        "Content-Type": "application/json",
        "X-HTTP-Method": "MERGE",
        "IF-MATCH": "*",
      },
      body: JSON.stringify({ [F.cycleState]: "approved" }),
    });
    expect(merge.status).toBe(403);
  });
});
