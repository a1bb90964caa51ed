// The plan year's cycle (draft, consultation, submitted, approved or returned, published): its states and who
// may move them, the log of steps and decisions, the consultation's comments, and what changed since approval.
export * from "./types";
export * from "./rules";
export * from "./log";
export * from "./consultation";
export * from "./since-approval";
