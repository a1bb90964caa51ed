// The plan's pure rules: RAG roll-up, overdue, summaries, what changed, validation, merging, numbering.
export * from "./types";
export type * from "./store";
export * from "./rag";
export * from "./dates";
export * from "./overdue";
export * from "./numbering";
export * from "./summary";
export * from "./changes";
export * from "./validation";
export * from "./conflict";
export * from "./permissions";
export * from "./comments";
export * from "./authority";
export * from "./versions";
export type * from "./writer";
export {
  applyRollover,
  rollOverPlan,
  type CarriedAction,
  type CarriedObjective,
  type Rollover,
  type RolloverOutcome,
  type RolloverProblem,
  type RolloverSource,
} from "./rollover";
export * from "./plan-years";
export * from "./targets";
