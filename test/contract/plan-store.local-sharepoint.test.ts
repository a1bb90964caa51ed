// The PlanStore contract (plan-store.contract.ts) against the real store on the local SharePoint
// server, through @pnp/sp: the reference the fake is held to.
import { beforeAll, describe } from "vitest";
import type { Person } from "../../src/plan/types";
import { useSite } from "../support/local-site";
import { ADMIN, AMARA, EDITOR, setUpPlan } from "../integration/sharepoint/support";
import { planStoreContract } from "./plan-store.contract";

describe("PlanStore contract: the SharePoint store on the local server", () => {
  const site = useSite();
  let lead: Person;
  beforeAll(async () => {
    await setUpPlan(site);
    lead = await site.store(EDITOR).ensurePerson(AMARA);
  });
  // The site owner stands for someone else who may change the plan.
  planStoreContract(() => ({ editor: site.store(EDITOR), someoneElse: site.store(ADMIN), lead }));
});
