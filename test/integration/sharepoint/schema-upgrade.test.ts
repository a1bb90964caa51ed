// Schema upgrades and default views. A site records its schema version in each list's description
// ("[wres-schema:N]"); a site set up by an older app is offered an upgrade that adds what is missing
// (fields, choices, view columns) and keeps the data; until then the tab says so instead of
// failing with SharePoint's 400. The app's columns are in each list's default view.
import { beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/fields/index.js";
import "@pnp/sp/views/index.js";
import "@pnp/sp/site-groups/index.js";
import { provision } from "../../../src/sharepoint/provision";
import { siteSchema, upgradeLists } from "../../../src/sharepoint/upgrade";
import { planList } from "../../../src/sharepoint/lists";
import { addToPlanGroup } from "../../../src/sharepoint/security-model";
import { DEMO_GROUPS } from "../../../src/localsp/seed-plan";
import { F, SCHEMA, SCHEMA_VERSION } from "../../../src/sharepoint/schema";
import { AppError, PermissionError } from "../../../src/sharepoint/errors";
import type { ActionDraft } from "../../../src/sharepoint/types";
import { ADMIN, AMARA, COMMITTEE, EDITOR, YEAR } from "./support";
import { useSite, type Site } from "../../support/local-site";
import { actionDraft } from "../../support/plan-fixtures";

/** A blank Amber action 1.1. */
function amberAction(objectiveId: number, title: string): ActionDraft {
  return actionDraft(objectiveId, { title, rag: "Amber" });
}

async function viewFields(site: Site, key: (typeof SCHEMA)[number]["key"]): Promise<string[]> {
  const view = await planList(site.sp(ADMIN).web, key).defaultView.fields<{ Items: string[] }>();
  return view.Items;
}

describe("default views", () => {
  const site = useSite();
  beforeAll(async () => {
    await provision(site.sp(ADMIN));
  });

  it("shows the app's columns in every list's default view, after the title", async () => {
    for (const spec of SCHEMA.filter((l) => l.fields.length > 0)) {
      const items = await viewFields(site, spec.key);
      expect(items, spec.title).toEqual(["LinkTitle", ...spec.fields.map((f) => f.name)]);
    }
    // The view a site owner opens is "All Items", by that title too.
    const byTitle = await planList(site.sp(ADMIN).web, "objectives")
      .views.getByTitle("All Items")
      .fields<{ Items: string[] }>();
    expect(byTitle.Items).toContain(F.readOnly);
  });
});

describe("upgrading a site set up by an older app", () => {
  const site = useSite();

  it("says a schema-1 site is older than the app, and reading it is a clear 'upgrade needed', not a 400", async () => {
    await provision(site.sp(ADMIN), { version: 1 });
    for (const [group, upn] of DEMO_GROUPS) await addToPlanGroup(site.sp(ADMIN), group, `i:0#.f|membership|${upn}`);
    expect(await siteSchema(site.sp(EDITOR))).toEqual({ version: 1, current: SCHEMA_VERSION });
    // Schema 1 has no ReadOnly column, which the tab reads with every plan.
    const failure = await site
      .store(EDITOR)
      .loadPlan(YEAR)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe("schemaOutdated");
  });

  it("keeps the data, adds the missing column, choice and view columns, and the new column works", async () => {
    // Data written while the site was on schema 1 (written by REST: the app of the day had no ReadOnly).
    const admin = site.sp(ADMIN);
    const objectiveItem = await planList(admin.web, "objectives").items.add({
      Title: "Kept objective",
      [F.planYear]: YEAR,
      [F.objectiveNumber]: "1",
    });
    const objectiveId = objectiveItem.Id as number;
    const kindField = await planList(admin.web, "progressUpdates")
      .fields.getByInternalNameOrTitle(F.updateKind)
      .select("Choices")<{ Choices: string[] }>();
    expect(kindField.Choices).not.toContain("Import");
    expect(await viewFields(site, "objectives")).toEqual(["LinkTitle"]);

    // An action owner may not upgrade; a plan editor may.
    expect(await upgradeLists(site.sp(AMARA)).catch((e: unknown) => e)).toBeInstanceOf(PermissionError);
    const report = await upgradeLists(site.sp(EDITOR));
    expect(report.previousVersion).toBe(1);
    expect(report.addedFields).toContain(`WRES Objectives/${F.readOnly}`);
    expect(report.addedChoices).toContain(`WRES Progress Updates/${F.updateKind}/Import`);
    expect(report.viewFields).toContain(`WRES Objectives/${F.readOnly}`);
    expect(await siteSchema(site.sp(EDITOR))).toEqual({ version: SCHEMA_VERSION, current: SCHEMA_VERSION });

    const store = site.store(EDITOR);
    const plan = await store.loadPlan(YEAR);
    expect(plan.objectives.map((o) => [o.id, o.title, o.number])).toEqual([[objectiveId, "Kept objective", "1"]]);
    // The new column works: the year closes (ReadOnly) and an import is recorded as an import.
    const [written] = await store.writeActions([
      { kind: "create", fields: amberAction(objectiveId, "Imported action"), importedFrom: "Plan.xlsx" },
    ]);
    expect(written?.ok).toBe(true);
    const history = await store.history((written as { ok: true; value: { id: number } }).value.id);
    expect(history.map((h) => h.kind)).toEqual(["import"]);
    const closed = await store.updateObjective(objectiveId, plan.objectives[0]!.etag, { readOnly: true });
    expect(closed.readOnly).toBe(true);
    const kindAfter = await planList(admin.web, "progressUpdates")
      .fields.getByInternalNameOrTitle(F.updateKind)
      .select("Choices")<{ Choices: string[] }>();
    expect(kindAfter.Choices).toEqual(["Update", "Comment", "Import"]);

    // A second run has nothing to do.
    expect((await upgradeLists(site.sp(EDITOR))).upToDate).toBe(true);
  });
});

describe("upgrading a schema-3 site: Leads takes SharePoint groups (schema 4)", () => {
  const site = useSite();

  const leadsMode = async () =>
    (
      await planList(site.sp(ADMIN).web, "actions").fields.getByInternalNameOrTitle(F.leads).select("SelectionMode")<{
        SelectionMode: number;
      }>()
    ).SelectionMode;

  it("changes the field's SelectionMode to people and groups and keeps every lead", async () => {
    const admin = site.sp(ADMIN);
    await provision(admin, { version: 3 });
    for (const [group, upn] of DEMO_GROUPS) await addToPlanGroup(admin, group, `i:0#.f|membership|${upn}`);
    expect(await leadsMode()).toBe(0);
    const editor = site.store(EDITOR);
    const amara = await editor.ensurePerson(AMARA);
    const objective = await planList(admin.web, "objectives").items.add({
      Title: "Kept objective",
      [F.planYear]: YEAR,
      [F.objectiveNumber]: "1",
    });
    const action = await planList(admin.web, "actions").items.add({
      Title: "Led by Amara",
      [F.planYear]: YEAR,
      [`${F.objective}Id`]: objective.Id,
      [`${F.leads}Id`]: [amara.id],
    });
    // A people-only field refuses a group, as SharePoint does.
    const network = (await admin.web.siteGroups.add({ Title: "BAME Network Co-Chairs" })) as unknown as { Id: number };
    const refused = await planList(admin.web, "actions")
      .items.getById(action.Id as number)
      .update({ [`${F.leads}Id`]: [network.Id] })
      .catch((e: unknown) => e);
    expect((refused as { status?: number }).status).toBe(400);

    const report = await upgradeLists(site.sp(EDITOR));
    expect(report.previousVersion).toBe(3);
    expect(report.groupFields).toEqual([`WRES Actions/${F.leads}`]);
    expect(await leadsMode()).toBe(1);
    // The EDI lead is a site owner: the upgrade also made the lists schema 6 brought (the plan year's cycle).
    expect(await siteSchema(site.sp(EDITOR))).toEqual({ version: SCHEMA_VERSION, current: SCHEMA_VERSION });
    const kept = await planList(admin.web, "actions")
      .items.getById(action.Id as number)
      .select(`${F.leads}Id`)<Record<string, unknown>>();
    expect(kept[`${F.leads}Id`]).toEqual([amara.id]);
    // Now a group can lead the action, next to a person.
    await planList(admin.web, "actions")
      .items.getById(action.Id as number)
      .update({ [`${F.leads}Id`]: [amara.id, network.Id] });
    expect((await editor.getAction(action.Id as number)).leads.map((p) => p.id)).toEqual([amara.id, network.Id]);
    expect((await upgradeLists(site.sp(EDITOR))).upToDate).toBe(true);
  });
});

describe("upgrading a schema-4 site: comments that can be answered (schema 5)", () => {
  const site = useSite();

  it("adds ReplyTo and Mentions to the progress history and keeps every comment", async () => {
    const admin = site.sp(ADMIN);
    await provision(admin, { version: 4 });
    for (const [group, upn] of DEMO_GROUPS) await addToPlanGroup(admin, group, `i:0#.f|membership|${upn}`);
    const objective = await planList(admin.web, "objectives").items.add({
      Title: "Kept objective",
      [F.planYear]: YEAR,
      [F.objectiveNumber]: "1",
    });
    const action = await planList(admin.web, "actions").items.add({
      Title: "Kept action",
      [F.planYear]: YEAR,
      [`${F.objective}Id`]: objective.Id,
    });
    const old = await planList(admin.web, "progressUpdates").items.add({
      Title: "Comment",
      [`${F.action}Id`]: action.Id,
      [F.planYear]: YEAR,
      [F.updateKind]: "Comment",
      [F.note]: "Before the upgrade",
    });
    // Until someone upgrades, the plan and its history still read (without replies), so readers are not shut out.
    expect((await site.store(EDITOR).history(action.Id as number)).map((h) => [h.note, h.replyTo ?? null])).toEqual([
      ["Before the upgrade", null],
    ]);
    expect((await site.store(COMMITTEE).loadPlan(YEAR)).actions.map((a) => a.title)).toEqual(["Kept action"]);

    const report = await upgradeLists(site.sp(EDITOR));
    expect(report.previousVersion).toBe(4);
    expect(report.addedFields).toEqual(
      expect.arrayContaining([`WRES Progress Updates/${F.replyTo}`, `WRES Progress Updates/${F.mentions}`]),
    );
    const reply = await site
      .store(EDITOR)
      .addComment(action.Id as number, "After the upgrade", { replyTo: old.Id as number });
    const history = await site.store(EDITOR).history(action.Id as number);
    expect(history.map((h) => [h.note, h.replyTo ?? null])).toEqual([
      ["After the upgrade", old.Id],
      ["Before the upgrade", null],
    ]);
    expect(reply.replyTo).toBe(old.Id);
  });
});
