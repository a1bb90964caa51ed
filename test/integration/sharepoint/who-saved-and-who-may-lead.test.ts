// Issue 19, through @pnp/sp against the local SharePoint server: who saved an item last (the
// conflict dialog names them: SharePoint's Modified By, or the newest counting progress record's
// author), and whether a person chosen as a lead could update the plan (the people picker warns).
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, AMARA, CHAIR, COMMITTEE, EDITOR, TOM, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";

const site = useSite();
let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
beforeAll(async () => {
  plan = await seedSmallPlan(site);
});

describe("who saved last", () => {
  it("is the item's Modified By, and the lead who wrote the newest progress record when that is newer", async () => {
    const editor = site.store(EDITOR);
    const me = await editor.me();
    const objective = (await editor.loadPlan(plan.objective.planYear)).objectives.find(
      (o) => o.id === plan.objective.id,
    )!;
    expect(objective.modifiedBy?.id).toBe(me.id);
    const edited = await editor.updateAction(plan.amaraAction.id, (await editor.getAction(plan.amaraAction.id)).etag, {
      kpis: "All 8a+ panels diverse",
    });
    expect(edited.modifiedBy?.id).toBe(me.id);
    const amara = site.store(AMARA);
    await amara.updateProgress(plan.amaraAction.id, edited.etag, { progress: "Panels trained" });
    const current = await editor.getAction(plan.amaraAction.id);
    expect(current.modifiedBy?.id).toBe(plan.amara.id);
    expect(current.modifiedBy?.title).toBe(plan.amara.title);
    // A stale save's conflict carries that version, named.
    const refused = await editor.updateAction(plan.amaraAction.id, edited.etag, { kpis: "Stale" }).then(
      () => null,
      (error: { theirs?: { modifiedBy?: { id: number } | null } }) => error,
    );
    expect(refused?.theirs?.modifiedBy?.id).toBe(plan.amara.id);
  });
});

describe("who may lead", () => {
  it("is anyone SharePoint lets write progress records; a committee member (Read only) may not", async () => {
    for (const asker of [EDITOR, AMARA]) {
      const store = site.store(asker);
      const id = async (upn: string) => (await site.store(EDITOR).ensurePerson(upn)).id;
      await expect(store.canUpdatePlan!(await id(EDITOR))).resolves.toBe(true);
      await expect(store.canUpdatePlan!(await id(AMARA))).resolves.toBe(true);
      await expect(store.canUpdatePlan!(await id(TOM))).resolves.toBe(true);
      await expect(store.canUpdatePlan!(await id(CHAIR))).resolves.toBe(true);
      await expect(store.canUpdatePlan!(await id(ADMIN))).resolves.toBe(true);
      await expect(store.canUpdatePlan!(await id(COMMITTEE))).resolves.toBe(false);
    }
  });
});
