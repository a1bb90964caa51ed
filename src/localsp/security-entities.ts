// Role definitions, groups, principals and role assignments as SharePoint's entities.
import { Entity, entityAt } from "./format";
import { type RoleDefinition, toBasePermissions } from "./permissions";
import type { GroupRow } from "./security";
import type { Securable, SecurityHost } from "./security-host";

export function roleDefinitionEntity(host: SecurityHost, def: RoleDefinition): Entity {
  const path = `Web/RoleDefinitions(${def.id})`;
  return new Entity(entityAt(host.webUrl, "SP.RoleDefinition", path), {
    BasePermissions: toBasePermissions(def.mask),
    Description: def.description,
    Hidden: def.hidden,
    Id: def.id,
    Name: def.name,
    Order: def.order,
    RoleTypeKind: def.roleTypeKind,
  });
}

export function groupEntity(host: SecurityHost, group: GroupRow): Entity {
  const path = `Web/SiteGroups/GetById(${group.id})`;
  const owner = group.ownerId === null ? undefined : host.security.group(host.site.id, group.ownerId);
  return new Entity(entityAt(host.webUrl, "SP.Group", path), {
    Id: group.id,
    IsHiddenInUI: false,
    LoginName: group.title,
    Title: group.title,
    PrincipalType: 8,
    AllowMembersEditMembership: false,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: group.description,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: owner?.title ?? "",
    RequestToJoinLeaveEmailSetting: null,
  });
}

export function principalEntity(host: SecurityHost, principalId: number): Entity | null {
  const group = host.security.group(host.site.id, principalId);
  if (group) return groupEntity(host, group);
  const user = host.store.userById(principalId);
  return user ? host.userEntity(user) : null;
}

export function assignmentEntity(host: SecurityHost, on: Securable, principalId: number): Entity {
  const effective = host.security.effectiveScope(
    host.site.id,
    on.kind === "web" ? undefined : on.list.guid,
    on.kind === "item" ? on.item.id : undefined,
  );
  const defs = host.security
    .assignments(host.site.id, effective)
    .filter((a) => a.principalId === principalId)
    .map((a) => host.security.definition(host.site.id, a.roleDefId))
    .filter((d): d is RoleDefinition => d !== undefined);
  const path = `Web/RoleAssignments/GetByPrincipalId(${principalId})`;
  const member = principalEntity(host, principalId);
  const props: Record<string, unknown> = { PrincipalId: principalId };
  if (member) props.Member = member;
  props.RoleDefinitionBindings = defs.map((d) => roleDefinitionEntity(host, d));
  return new Entity(entityAt(host.webUrl, "SP.RoleAssignment", path), props);
}

export function assignmentsOf(host: SecurityHost, on: Securable): number[] {
  const effective = host.security.effectiveScope(
    host.site.id,
    on.kind === "web" ? undefined : on.list.guid,
    on.kind === "item" ? on.item.id : undefined,
  );
  return [...new Set(host.security.assignments(host.site.id, effective).map((a) => a.principalId))];
}
