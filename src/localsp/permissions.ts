// Who may do what on a local site: the architecture's roles mapped to SharePoint permission levels,
// plus the plan's list-level rules (action owners edit only the actions they lead; the staff network
// chair may only add comments to the progress history). SharePoint stays the authority in
// production; this module makes the local server enforce the same rules for its demo users.
import { accessDenied } from "./errors";

export type Role = "owner" | "editor" | "action-owner" | "network-chair" | "reader" | "none";

export const ROLES: readonly Role[] = ["owner", "editor", "action-owner", "network-chair", "reader", "none"];

/** BasePermissions masks as SharePoint Online reports them (SHAREPOINT.md §2.8). */
export type Level = "full" | "edit" | "contribute" | "read" | "read-add" | "none";

const MASKS: Record<Level, { High: string; Low: string }> = {
  full: { High: "2147483647", Low: "4294967295" },
  edit: { High: "432", Low: "1011030767" },
  contribute: { High: "432", Low: "1011028719" },
  read: { High: "176", Low: "138612833" },
  // Read plus AddListItems (PermissionKind 2): a reader allowed to append comments.
  "read-add": { High: "176", Low: "138612835" },
  none: { High: "0", Low: "0" },
};

export function permissionMask(level: Level): { High: string; Low: string } {
  return MASKS[level];
}

/** The plan's list names and the fields the rules read (they match src/sharepoint's schema). */
export const PLAN_RULES = {
  actionsList: "WRES Actions",
  /** Person (multi) field holding an action's leads, as stored: `<InternalName>Id`. */
  actionLeadsKey: "LeadsId",
  progressList: "WRES Progress Updates",
  /** Choice field telling a comment from a progress or RAG change. */
  progressKindKey: "Kind",
  commentKind: "Comment",
};

export interface Principal {
  userId: number;
  role: Role;
}

function sameTitle(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function leads(values: Record<string, unknown>): number[] {
  const raw = values[PLAN_RULES.actionLeadsKey];
  if (Array.isArray(raw)) return raw.filter((v): v is number => typeof v === "number");
  return typeof raw === "number" ? [raw] : [];
}

export function webLevel(who: Principal): Level {
  switch (who.role) {
    case "owner":
      return "full";
    case "editor":
      return "edit";
    case "none":
      return "none";
    default:
      return "read";
  }
}

export function listLevel(who: Principal, listTitle: string): Level {
  const base = webLevel(who);
  if (who.role === "action-owner" && (sameTitle(listTitle, PLAN_RULES.actionsList) || sameTitle(listTitle, PLAN_RULES.progressList))) {
    return "contribute";
  }
  if (who.role === "network-chair" && sameTitle(listTitle, PLAN_RULES.progressList)) return "read-add";
  return base;
}

export function itemLevel(who: Principal, listTitle: string, values: Record<string, unknown>): Level {
  const level = listLevel(who, listTitle);
  if (who.role === "action-owner" && sameTitle(listTitle, PLAN_RULES.actionsList)) {
    return leads(values).includes(who.userId) ? "contribute" : "read";
  }
  if (who.role === "action-owner" && sameTitle(listTitle, PLAN_RULES.progressList)) return "read-add";
  return level;
}

const CAN_WRITE = new Set<Level>(["full", "edit", "contribute"]);
const CAN_ADD = new Set<Level>(["full", "edit", "contribute", "read-add"]);

export function assertCanRead(who: Principal): void {
  if (webLevel(who) === "none") throw accessDenied();
}

/** Creating, changing or deleting lists and fields: Manage Lists (owner and plan editor). */
export function assertCanManageLists(who: Principal): void {
  if (who.role !== "owner" && who.role !== "editor") throw accessDenied();
}

export function assertCanAddItem(who: Principal, listTitle: string, values: Record<string, unknown>): void {
  const level = listLevel(who, listTitle);
  if (!CAN_ADD.has(level)) throw accessDenied();
  // Action owners contribute progress, not new actions; the plan editor owns the plan's shape.
  if (who.role === "action-owner" && sameTitle(listTitle, PLAN_RULES.actionsList)) throw accessDenied();
  if (who.role === "network-chair") {
    const kind = values[PLAN_RULES.progressKindKey];
    if (typeof kind !== "string" || !sameTitle(kind, PLAN_RULES.commentKind)) throw accessDenied();
  }
}

export function assertCanEditItem(who: Principal, listTitle: string, values: Record<string, unknown>): void {
  if (!CAN_WRITE.has(itemLevel(who, listTitle, values))) throw accessDenied();
}

export function assertCanDeleteItem(who: Principal, listTitle: string, values: Record<string, unknown>): void {
  // Action owners may edit the actions they lead but not remove them from the plan.
  if (who.role === "action-owner") throw accessDenied();
  assertCanEditItem(who, listTitle, values);
}
