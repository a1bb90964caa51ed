// A plan year closed by roll-over stays closed: the Objectives list carries a ReadOnly flag that
// the data layer writes and reads back, and provisioning adds it to a site made before schema 2.
import { describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/fields/index.js";
import { provision } from "../../../src/sharepoint/provision";
import { F, LIST_TITLES, SCHEMA_VERSION } from "../../../src/sharepoint/schema";
import { AppError } from "../../../src/sharepoint/errors";
import { ADMIN, AMARA, EDITOR, objectiveDraft } from "./support";
import { useSite } from "../../support/local-site";
import { actionDraft } from "../../support/plan-fixtures";

/** An objective with a title, year and number and nothing else filled in. */
describe("closing a plan year (ReadOnly on objectives)", () => {
  const site = useSite();

  it("provisions a ReadOnly field, writes it and reads it back", async () => {
    const report = await provision(site.sp(EDITOR));
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.addedFields).toContain(`${LIST_TITLES.objectives}/${F.readOnly}`);

    const store = site.store(EDITOR);
    const open = await store.addObjective(objectiveDraft("Fair recruitment", "1", "2024/25"));
    const other = await store.addObjective(objectiveDraft("Still open", "2", "2024/25"));
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

  it("refuses every change to a closed year's objectives and actions, from a tab opened before it closed", async () => {
    const store = site.store(EDITOR);
    const amara = await store.ensurePerson(AMARA);
    const objective = await store.addObjective(objectiveDraft("Closed soon", "1", "2023/24"));
    const action = await store.addAction(actionDraft(objective.id, { title: "Mentoring", leads: [amara] }));
    // The roll-over closes the year; Amara's tab still holds the action as it was.
    const closed = await store.updateObjective(objective.id, objective.etag, { readOnly: true });
    const owner = site.store(AMARA);
    const refusals = [
      owner.updateProgress(action.id, action.etag, { rag: "Amber", note: "Slipped" }),
      owner.addComment(action.id, "A comment"),
      store.updateAction(action.id, action.etag, { title: "Renamed" }),
      store.deleteAction(action.id, action.etag),
      store.addAction({ ...action, number: "1.2" }),
      store.updateObjective(closed.id, closed.etag, { title: "Renamed" }),
      store.deleteObjective(closed.id, closed.etag),
      store
        .writeActions([{ kind: "update", previous: action, patch: { rag: "Amber" } }])
        .then((r) => Promise.reject((r[0] as { error: unknown }).error)),
      store
        .writeObjectives([{ kind: "update", id: closed.id, etag: closed.etag, patch: { title: "Renamed" } }])
        .then((r) => Promise.reject((r[0] as { error: unknown }).error)),
    ];
    for (const refused of await Promise.allSettled(refusals)) {
      expect(refused.status).toBe("rejected");
      expect(((refused as PromiseRejectedResult).reason as AppError).code).toBe("closed");
    }
    const after = await store.getAction(action.id);
    expect(after).toMatchObject({ title: "Mentoring", rag: "Green", etag: action.etag });
    expect((await store.history(action.id)).map((u) => u.kind)).toEqual(["update"]); // the starting RAG only
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
