// The PlanStore contract (plan-store.contract.ts) against the in-memory fake the component tests
// use (test/support/fake-store.ts), so that it behaves as the SharePoint store does.
import { describe } from "vitest";
import { FakePlanStore, PEOPLE } from "../support/fake-store";
import { planStoreContract } from "./plan-store.contract";

describe("PlanStore contract: the in-memory fake", () => {
  const store = new FakePlanStore({ plan: { objectives: [], actions: [] } });
  // One fake holds one person's session; someone else's change is a change to the same data.
  planStoreContract(() => ({ editor: store, someoneElse: store, lead: PEOPLE.amara }));
});
