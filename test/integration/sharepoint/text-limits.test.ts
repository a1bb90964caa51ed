// SharePoint's text limits through @pnp/sp: a single line of text holds its MaxLength (at most 255);
// a longer value is refused with SharePoint Online's answer (docs/sharepoint.md §3.4), and the
// data layer never sends one: it refuses first, naming the field. Required columns are not
// enforced by the REST items endpoint (as on SharePoint Online), so the app checks them itself.
import { beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import { planList } from "../../../src/sharepoint/lists";
import { F } from "../../../src/sharepoint/schema";
import { ValidationError } from "../../../src/sharepoint/errors";
import { EDITOR, objectiveDraft, setUpPlan, YEAR } from "./support";
import { useSite } from "../../support/local-site";
import { actionDraft } from "../../support/plan-fixtures";

describe("text limits", () => {
  const site = useSite();
  beforeAll(async () => {
    await setUpPlan(site);
  });

  it("answers an over-long single line of text as SharePoint Online does, and stores nothing", async () => {
    const objectives = planList(site.sp(EDITOR).web, "objectives");
    // Objective number: MaxLength 20.
    const failure = (await objectives.items
      .add({ Title: "Fair recruitment", [F.planYear]: YEAR, [F.objectiveNumber]: "1".repeat(21) })
      .catch((e: unknown) => e)) as { status: number; message: string };
    expect(failure.status).toBe(500);
    expect(failure.message).toContain('"code":"-2130575336, Microsoft.SharePoint.SPException"');
    expect(failure.message).toContain(
      "Invalid text value.\\n\\nA text field contains invalid data. Please check the value and try again.",
    );
    // The Title holds 255.
    const long = (await objectives.items
      .add({ Title: "t".repeat(256), [F.planYear]: YEAR })
      .catch((e: unknown) => e)) as { status: number };
    expect(long.status).toBe(500);
    expect(await objectives.items.select("Id")()).toEqual([]);
    // At the limit is fine.
    const fits = await objectives.items.add({
      Title: "t".repeat(255),
      [F.planYear]: YEAR,
      [F.objectiveNumber]: "1".repeat(20),
    });
    expect(fits.Id).toBeGreaterThan(0);
    await objectives.items.getById(fits.Id as number).delete();
  });

  it("does not enforce a required column on the REST items endpoint (SharePoint Online neither)", async () => {
    const objectives = planList(site.sp(EDITOR).web, "objectives");
    const added = await objectives.items.add({ [F.planYear]: YEAR });
    expect(added.Title ?? null).toBeNull();
    await objectives.items.getById(added.Id as number).delete();
  });

  it("refuses an over-long value in the data layer before sending it, naming the field", async () => {
    const store = site.store(EDITOR);
    const number = await store
      .addObjective(objectiveDraft("Fair recruitment", "1".repeat(21)))
      .catch((e: unknown) => e);
    expect(number).toBeInstanceOf(ValidationError);
    expect((number as ValidationError).issues).toEqual([{ code: "tooLong", field: "number" }]);
    const title = await store.addObjective(objectiveDraft("x".repeat(256), "1")).catch((e: unknown) => e);
    expect((title as ValidationError).issues).toEqual([{ code: "tooLong", field: "title" }]);
    const objective = await store.addObjective(objectiveDraft("Fair recruitment", "1"));
    const lead = await store
      .addAction(actionDraft(objective.id, { title: "Review", leadText: "l".repeat(256) }))
      .catch((e: unknown) => e);
    expect((lead as ValidationError).issues).toEqual([{ code: "tooLong", field: "leadText" }]);
    const update = await store
      .updateObjective(objective.id, objective.etag, { number: "2".repeat(30) })
      .catch((e: unknown) => e);
    expect((update as ValidationError).issues).toEqual([{ code: "tooLong", field: "number" }]);
    expect((await store.loadPlan(YEAR)).objectives.map((o) => o.number)).toEqual(["1"]);
  });
});
