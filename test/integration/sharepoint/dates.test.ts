// Date-only values as SharePoint Online keeps them: local midnight of the site's time zone, in UTC.
// A due date typed into the list during British Summer Time must show as that day in the tab, and
// what the tab writes must be what SharePoint itself would have stored.
import { beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/regional-settings/web.js";
import { setSiteTimeZone } from "../../../src/localsp/regional";
import { F, LIST_TITLES } from "../../../src/sharepoint/schema";
import { ADMIN, EDITOR, YEAR, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";
import { actionDraft, objectiveDraft } from "../../support/plan-fixtures";

describe("due dates in the site's time zone", () => {
  const site = useSite();
  let actionId: number;
  beforeAll(async () => {
    ({
      amaraAction: { id: actionId },
    } = await seedSmallPlan(site));
  });

  const rawDueDate = async (id: number) =>
    (
      await site.sp(ADMIN).web.lists.getByTitle(LIST_TITLES.actions).items.getById(id).select(F.dueDate)<
        Record<string, unknown>
      >()
    )[F.dueDate];

  it("answers the site's regional settings and time zone as SharePoint Online does for a UK site", async () => {
    const zone = await site
      .sp(EDITOR)
      .web.regionalSettings.timeZone<{ Id: number; Description: string; Information: Record<string, number> }>();
    expect(zone.Id).toBe(2);
    expect(zone.Description).toMatch(/London/);
    expect(zone.Information).toEqual({ Bias: 0, DaylightBias: -60, StandardBias: 0 });
    const settings = await site.sp(EDITOR).web.regionalSettings<{ LocaleId: number; Time24: boolean }>();
    expect(settings.LocaleId).toBe(2057);
    expect(settings.Time24).toBe(true);
  });

  it("shows a date typed into the list during British Summer Time as that date, not the day before", async () => {
    // What SharePoint stores when someone picks 1 July 2026 in the list's own form on a UK site.
    await site
      .sp(ADMIN)
      .web.lists.getByTitle(LIST_TITLES.actions)
      .items.getById(actionId)
      .update({ [F.dueDate]: "2026-06-30T23:00:00Z" });
    const store = site.store(EDITOR);
    const plan = await store.loadPlan(YEAR);
    expect(plan.actions.find((a) => a.id === actionId)?.dueDate).toBe("2026-07-01");
  });

  it("writes a due date as SharePoint stores one typed into the list, and reads it back the same, on both sides of the clock change", async () => {
    const store = site.store(EDITOR);
    for (const [day, stored] of [
      ["2026-07-01", "2026-06-30T23:00:00Z"],
      ["2026-01-15", "2026-01-15T00:00:00Z"],
      ["2026-03-29", "2026-03-29T00:00:00Z"],
      ["2026-03-30", "2026-03-29T23:00:00Z"],
      ["2026-10-25", "2026-10-24T23:00:00Z"],
      ["2026-10-26", "2026-10-26T00:00:00Z"],
    ] as const) {
      const before = (await store.loadPlan(YEAR)).actions.find((a) => a.id === actionId)!;
      const saved = await store.updateAction(actionId, before.etag, { dueDate: day });
      expect(saved.dueDate, day).toBe(day);
      expect(await rawDueDate(actionId), day).toBe(stored);
      expect((await store.loadPlan(YEAR)).actions.find((a) => a.id === actionId)?.dueDate, day).toBe(day);
    }
  });

  it("follows the site's own time zone, not the browser's or a fixed one", async () => {
    const url = site.server.createSite("pacific", "Pacific site");
    const siteId = site.server.store.siteByName("pacific")!.id;
    setSiteTimeZone(site.server.store, siteId, 13);
    const { createSp } = await import("../../../src/sharepoint/create-sp");
    const { createPlanStore } = await import("../../../src/sharepoint/plan-store");
    const { provision } = await import("../../../src/sharepoint/provision");
    const sp = createSp({ siteUrl: url, getToken: async () => `dev:${ADMIN}` });
    await provision(sp);
    const store = createPlanStore(sp);
    const objective = await store.addObjective(objectiveDraft({ title: "O", planYear: YEAR }));
    const action = await store.addAction(actionDraft(objective.id, { title: "A", dueDate: "2026-07-01" }));
    expect(action.dueDate).toBe("2026-07-01");
    const raw = (
      await sp.web.lists.getByTitle(LIST_TITLES.actions).items.getById(action.id).select(F.dueDate)<
        Record<string, unknown>
      >()
    )[F.dueDate];
    expect(raw).toBe("2026-07-01T07:00:00Z");
  });
});
