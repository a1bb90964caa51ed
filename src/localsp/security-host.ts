// What the security endpoints share: the securable objects and resources, the host the REST layer
// lends them (rest/security.ts), and the checks and errors every endpoint uses.
import { accessDenied, badRequest, SpError } from "./errors";
import { Entity, type Format } from "./format";
import { has, type RoleDefinition } from "./permissions";
import type { ApiResponse } from "./rest/http";
import type { Guard } from "./guard";
import { type GroupRow, itemScope, listScope, type Security, WEB_SCOPE } from "./security";
import { firstArg, type Segment } from "./segments";
import type { ItemRecord, ListRow, SiteRow, Store, UserRow } from "./store";

export type Securable =
  { kind: "web" } | { kind: "list"; list: ListRow } | { kind: "item"; list: ListRow; item: ItemRecord };

export type SecurityResource =
  | { kind: "roleAssignments"; on: Securable }
  | { kind: "roleAssignment"; on: Securable; principalId: number }
  | { kind: "roleDefinitions" }
  | { kind: "roleDefinition"; def: RoleDefinition }
  | { kind: "groups" }
  | { kind: "group"; group: GroupRow }
  | { kind: "groupUsers"; group: GroupRow }
  | { kind: "groupOwner"; group: GroupRow }
  | { kind: "userGroups"; userId: number };

/** What the dispatcher lends this module for one request. */
export interface SecurityHost {
  method: string;
  format: Format;
  webUrl: string;
  site: SiteRow;
  user: UserRow;
  guard: Guard;
  security: Security;
  store: Store;
  body(): Record<string, unknown>;
  commit<T>(work: () => T): Promise<T>;
  single(entity: Entity, type: string): ApiResponse;
  collection(entities: Entity[], type: string): ApiResponse;
  json(status: number, body: unknown): ApiResponse;
  userEntity(user: UserRow): Entity;
  /** Looks a user up by login name or e-mail among the directory's users. */
  userByLogin(login: string): UserRow | undefined;
}

export type Step = { resource: SecurityResource } | { response: Promise<ApiResponse> | ApiResponse } | null;

export function scopeOf(on: Securable): { scope: string; parent: string } {
  switch (on.kind) {
    case "web":
      return { scope: WEB_SCOPE, parent: WEB_SCOPE };
    case "list":
      return { scope: listScope(on.list.guid), parent: WEB_SCOPE };
    case "item":
      return { scope: itemScope(on.list.guid, on.item.id), parent: listScope(on.list.guid) };
  }
}

export function maskOn(host: SecurityHost, on: Securable): bigint {
  if (on.kind === "web") return host.guard.web();
  if (on.kind === "list") return host.guard.list(on.list);
  return host.guard.item(on.list, on.item);
}

export function requireOn(host: SecurityHost, on: Securable, bit: bigint): void {
  if (!has(maskOn(host, on), bit)) throw accessDenied();
}

export function principalNotFound(): SpError {
  return new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "Can not find the principal with id.");
}

export function groupNotFound(): SpError {
  return new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "Group cannot be found.");
}

export function roleDefinitionNotFound(): SpError {
  return new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "The role definition was not found.");
}

export function numberArg(seg: Segment, name: string): number {
  const named = seg.args?.named ?? {};
  const value = named[name.toLowerCase()] ?? (Object.keys(named).length === 0 ? firstArg(seg) : undefined);
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n)) throw badRequest(`${seg.name} needs the parameter '${name}'.`);
  return n;
}

export function boolArg(seg: Segment, name: string, fallback: boolean): boolean {
  const value = seg.args?.named?.[name.toLowerCase()];
  if (value === undefined) return fallback;
  return value === true || value === "true";
}

/** Resolves a security segment under the web, a list or an item; null when it is not one. */

export function groupById(host: SecurityHost, id: number): GroupRow {
  const group = host.security.group(host.site.id, id);
  if (!group) throw groupNotFound();
  return group;
}

/** Resolves a segment after a security resource. */
