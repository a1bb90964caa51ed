import { describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/fields/index.js";
import "@pnp/sp/items/index.js";
import { provision } from "../../../src/sharepoint/provision";
import { NotProvisionedError, OfflineError, PermissionError } from "../../../src/sharepoint/errors";
import { createSp } from "../../../src/sharepoint/create-sp";
import { createPlanStore } from "../../../src/sharepoint/plan-store";
import { F, LIST_TITLES, SCHEMA, SCHEMA_VERSION } from "../../../src/sharepoint/schema";
import { ADMIN, AMARA, COMMITTEE, EDITOR } from "./support";
import { useSite, type Site } from "../../support/local-site";

describe("provisioning against the local SharePoint server", () => {
  const site = useSite();

  it("says the site is not set up yet, and what the user could do, before provisioning", async () => {
    const store = site.store(EDITOR);
    const failure = await store.loadPlan("2024/25").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NotProvisionedError);
    expect((failure as NotProvisionedError).code).toBe("notProvisioned");
    // Without the lists, capabilities come from the site's permissions.
    expect(await store.capabilities()).toMatchObject({ editPlan: true, manageLists: true });
    expect(await site.store(COMMITTEE).capabilities()).toEqual({
      editPlan: false,
      editItems: false,
      manageLists: false,
      comment: false,
    });
  });

  it("reports an unreachable site as offline", async () => {
    const sp = createSp({
      siteUrl: "http://127.0.0.1:9/sites/wres",
      getToken: async () => "dev:edi.lead@wres.test",
      retries: 1,
    });
    expect(
      await createPlanStore(sp)
        .loadPlan("2024/25")
        .catch((e: unknown) => e),
    ).toBeInstanceOf(OfflineError);
  });

  it("refuses users without Manage Lists, or without Full Control for the permissions, before touching anything", async () => {
    const refusal = async (sp: ReturnType<Site["sp"]>) =>
      ((await provision(sp).catch((e: unknown) => e)) as PermissionError).code;
    // A visitor has no Manage Lists; a team member (Edit) has it, but not Manage Permissions.
    expect(await refusal(site.sp(COMMITTEE))).toBe("manageRequired");
    expect(await refusal(site.sp(AMARA))).toBe("fullControlRequired");
    // The site owner's token must carry AllSites.FullControl: AllSites.Manage trims it to Design.
    const scoped = (scopes: string) =>
      createSp({
        siteUrl: site.server.siteUrl,
        getToken: async () => `dev:${EDITOR}?scp=${encodeURIComponent(scopes)}`,
      });
    expect(await refusal(scoped("AllSites.Write"))).toBe("manageRequired");
    expect(await refusal(scoped("AllSites.Write AllSites.Manage"))).toBe("fullControlRequired");
    const lists = await site.sp(ADMIN).web.lists.select("Title")<{ Title: string }[]>();
    expect(lists.map((l) => l.Title)).not.toContain(LIST_TITLES.objectives);
  });

  it("upgrades an older schema by adding the missing fields and keeps the data", async () => {
    // An older site: the Objectives list exists with only some fields, unversioned, holding an item.
    const sp = site.sp(ADMIN);
    await sp.web.lists.add(LIST_TITLES.objectives, "Objectives made by hand", 100, false);
    const objectives = sp.web.lists.getByTitle(LIST_TITLES.objectives);
    await objectives.fields.addText(F.planYear, { MaxLength: 20 });
    await objectives.fields.addText(F.objectiveNumber, { MaxLength: 20 });
    const item = await objectives.items.add({
      Title: "Kept objective",
      [F.planYear]: "2023/24",
      [F.objectiveNumber]: "7",
    });

    const report = await provision(site.sp(EDITOR));
    expect(report.previousVersion).toBe(0);
    expect(report.upgradedLists).toContain(LIST_TITLES.objectives);
    expect(report.createdLists).not.toContain(LIST_TITLES.objectives);
    expect(report.addedFields).toContain(`${LIST_TITLES.objectives}/${F.ragOverride}`);
    expect(report.addedFields).not.toContain(`${LIST_TITLES.objectives}/${F.planYear}`);
    // PlanYear existed unindexed: provisioning indexes it.
    expect(report.indexedFields).toContain(`${LIST_TITLES.objectives}/${F.planYear}`);

    const kept = await objectives.items.getById(item.Id as number)<Record<string, unknown>>();
    expect(kept).toMatchObject({ Title: "Kept objective", [F.planYear]: "2023/24", [F.objectiveNumber]: "7" });
    const fields = await objectives.fields.select("InternalName", "Indexed")<
      { InternalName: string; Indexed: boolean }[]
    >();
    for (const spec of SCHEMA.find((l) => l.key === "objectives")!.fields) {
      expect(fields.map((f) => f.InternalName)).toContain(spec.name);
    }
    expect(fields.find((f) => f.InternalName === F.planYear)?.Indexed).toBe(true);
  });

  it("creates the rest, and a second run changes nothing", async () => {
    const again = await provision(site.sp(ADMIN));
    expect(again).toMatchObject({
      upToDate: true,
      createdLists: [],
      addedFields: [],
      indexedFields: [],
      upgradedLists: [],
      previousVersion: SCHEMA_VERSION,
    });
    const lists = await site.sp(ADMIN).web.lists.select("Title", "Description", "BaseTemplate")<
      { Title: string; Description: string; BaseTemplate: number }[]
    >();
    for (const spec of SCHEMA) {
      const list = lists.find((l) => l.Title === spec.title);
      expect(list, spec.title).toBeDefined();
      expect(list!.BaseTemplate).toBe(spec.template);
      expect(list!.Description).toContain(`[wres-schema:${SCHEMA_VERSION}]`);
    }
    const actionFields = await site
      .sp(ADMIN)
      .web.lists.getByTitle(LIST_TITLES.actions)
      .fields.select("InternalName", "Indexed", "TypeAsString")<
      { InternalName: string; Indexed: boolean; TypeAsString: string }[]
    >();
    const byName = new Map(actionFields.map((f) => [f.InternalName, f]));
    expect(byName.get(F.objective)).toMatchObject({ Indexed: true, TypeAsString: "Lookup" });
    expect(byName.get(F.leads)?.TypeAsString).toBe("UserMulti");
    expect(byName.get(F.indicators)?.TypeAsString).toBe("MultiChoice");
    expect(byName.get(F.dueDate)).toMatchObject({ Indexed: true, TypeAsString: "DateTime" });
    // People browsing the list in SharePoint see readable column titles; the app keeps internal names.
    const titled = await site
      .sp(ADMIN)
      .web.lists.getByTitle(LIST_TITLES.actions)
      .fields.getByInternalNameOrTitle(F.dueDate)
      .select("Title", "InternalName")<{ Title: string; InternalName: string }>();
    expect(titled).toEqual(expect.objectContaining({ Title: "Due date", InternalName: F.dueDate }));
  });
});
