// The plan's lists are found by their URL, not their title: a site owner who renames a list in List
// settings (its URL stays) keeps a working tab, and set-up neither offers itself again nor makes a
// second copy of the list.
import { beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import { provision } from "../../../src/sharepoint/provision";
import { LIST_TITLES } from "../../../src/sharepoint/schema";
import { ADMIN, EDITOR, objectiveDraft, setUpPlan, YEAR } from "./support";
import { useSite } from "../../support/local-site";
import { actionDraft } from "../../support/plan-fixtures";

describe("lists addressed by URL", () => {
  const site = useSite();
  beforeAll(async () => {
    await setUpPlan(site);
  });

  it("keeps reading and writing every list after a site owner renames them all, and set-up finds them", async () => {
    const store = site.store(EDITOR);
    const objective = await store.addObjective(objectiveDraft("Fair recruitment", "1"));
    await store.addAction(actionDraft(objective.id, { title: "Review shortlisting" }));

    // A site owner renames each list in List settings (a MERGE of Title; the URL stays).
    const admin = site.sp(ADMIN);
    for (const title of Object.values(LIST_TITLES))
      await admin.web.lists.getByTitle(title).update({ Title: `${title} (renamed)` });

    const plan = await site.store(EDITOR).loadPlan(YEAR);
    expect(plan.objectives.map((o) => o.title)).toEqual(["Fair recruitment"]);
    expect(plan.actions.map((a) => a.title)).toEqual(["Review shortlisting"]);
    expect((await site.store(EDITOR).capabilities()).editPlan).toBe(true);
    await site.store(EDITOR).addObjective(objectiveDraft("Still writable", "2"));

    // Set-up sees a site that is set up: nothing created, nothing to do.
    const report = await provision(admin);
    expect(report).toMatchObject({ upToDate: true, createdLists: [], addedFields: [] });
    const lists = await admin.web.lists.select("Title")<{ Title: string }[]>();
    for (const title of Object.values(LIST_TITLES)) {
      expect(lists.filter((l) => l.Title === title)).toHaveLength(0);
      expect(lists.filter((l) => l.Title === `${title} (renamed)`)).toHaveLength(1);
    }
  });
});
