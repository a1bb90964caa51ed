// A plan year closed by roll-over stays closed: the Objectives list carries a ReadOnly flag that
// the data layer writes and reads back, and provisioning adds it to a site made before schema 2.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/fields/index.js";
import { provision } from "../../../src/sharepoint/provision";
import { F, LIST_TITLES, SCHEMA_VERSION } from "../../../src/sharepoint/schema";
import { ADMIN, EDITOR, startSite, type Site } from "./support";

describe("closing a plan year (ReadOnly on objectives)", () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it("provisions a ReadOnly field, writes it and reads it back", async () => {
    const report = await provision(site.sp(EDITOR));
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.addedFields).toContain(`${LIST_TITLES.objectives}/${F.readOnly}`);

    const store = site.store(EDITOR);
    const draft = {
      title: "Fair recruitment",
      planYear: "2024/25",
      number: "1",
      description: null,
      owner: null,
      sponsor: null,
      indicators: [],
      highImpactActions: [],
      ragOverride: null,
      ragOverrideReason: null,
    };
    const open = await store.addObjective(draft);
    const other = await store.addObjective({ ...draft, title: "Still open", number: "2" });
    expect(open.readOnly ?? false).toBe(false);

    const closed = await store.updateObjective(open.id, open.etag, { readOnly: true });
    expect(closed.readOnly).toBe(true);

    const plan = await store.loadPlan("2024/25");
    expect(plan.objectives.find((o) => o.id === open.id)?.readOnly).toBe(true);
    expect(plan.objectives.find((o) => o.id === other.id)?.readOnly ?? false).toBe(false);

    // Reopening (an editor's correction) writes false, not "unchanged".
    const reopened = await store.updateObjective(closed.id, closed.etag, { readOnly: false });
    expect(reopened.readOnly ?? false).toBe(false);
  });

  it("adds the field to an Objectives list provisioned before schema 2", async () => {
    const sp = site.sp(ADMIN);
    const list = sp.web.lists.getByTitle(LIST_TITLES.objectives);
    const field = await list.fields.getByInternalNameOrTitle(F.readOnly).select("Id")<{ Id: string }>();
    await list.fields.getById(field.Id).delete();
    await list.update({ Description: "WRES action plan objectives [wres-schema:1]" });

    const report = await provision(site.sp(EDITOR));
    expect(report.previousVersion).toBe(1);
    expect(report.addedFields).toEqual([`${LIST_TITLES.objectives}/${F.readOnly}`]);
    expect(report.upgradedLists).toContain(LIST_TITLES.objectives);
    const again = await provision(site.sp(EDITOR));
    expect(again.upToDate).toBe(true);
  });
});
