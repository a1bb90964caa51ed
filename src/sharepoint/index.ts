// The SharePoint data layer: the only place that knows list names, OData queries, ETags, paging
// and batching. It implements the plan's PlanStore (src/plan/store.ts, re-exported here); components never build URLs.
export { createSp, type CreateSpOptions } from "./create-sp";
export {
  BearerAuth,
  RetryingFetch,
  parseRetryAfter,
  type BearerAuthOptions,
  type RetryInfo,
  type RetryOptions,
  type TokenProvider,
} from "./behaviors";
export { provision, type ProvisionReport } from "./provision";
export { siteSchema, upgradeLists, type SiteSchema } from "./upgrade";
export { planList, listServerRelativeUrl } from "./lists";
export { checkSiteUrl, trustedSharePointOrigin, ForeignSiteError, type TrustInputs } from "./site-address";
export {
  addToPlanGroup,
  applySecurityModel,
  checkSetUp,
  planEditorIds,
  PLAN_GROUPS,
  type PlanGroupKey,
  type SetUpCheck,
} from "./security-model";
export { createPlanStore, toLoginName } from "./plan-store";
export { CycleRefusedError } from "./cycle-store";
export { createFileStore, CHUNK_THRESHOLD } from "./files";
export * from "./errors";
export * from "./schema";
export { hasPermission, PermissionKind } from "./permissions";
export type * from "./types";
