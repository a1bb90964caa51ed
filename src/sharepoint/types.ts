// The data layer's port lives in the plan's core (src/plan/store.ts); it is re-exported here so that
// the tab's imports of src/sharepoint keep working.
export type * from "../plan";
