// The REST surface of SharePoint's security model on webs, lists and items: role definitions, site
// groups and their users, role assignments, breakroleinheritance / resetroleinheritance and
// HasUniqueRoleAssignments. Every change needs Manage Permissions on the object (creating a group
// needs Create Groups on the web), after the token's scopes are applied. This file resolves the paths;
// security-answers.ts answers them, security-changes.ts makes the changes, security-entities.ts
// shapes the entities and security-host.ts holds what they share.
import { SpError } from "./errors";
import { primitiveDocument } from "./format";
import { breakInheritance, changeAssignment, changeMember, removeGroup, resetInheritance } from "./security-changes";
import {
  groupById,
  groupNotFound,
  roleDefinitionNotFound,
  scopeOf,
  type Securable,
  type SecurityHost,
  type SecurityResource,
  type Step,
} from "./security-host";
import { firstArg, type Segment } from "./segments";

export type { Securable, SecurityHost, SecurityResource } from "./security-host";

export function securityStepOnSecurable(host: SecurityHost, on: Securable, seg: Segment, rest: Segment[]): Step {
  const last = rest.length === 0;
  switch (seg.name) {
    case "roleassignments":
      if (seg.args && firstArg(seg) !== undefined)
        return { resource: { kind: "roleAssignment", on, principalId: Number(firstArg(seg)) } };
      return { resource: { kind: "roleAssignments", on } };
    case "breakroleinheritance":
      if (last) return { response: breakInheritance(host, on, seg) };
      break;
    case "resetroleinheritance":
      if (last) return { response: resetInheritance(host, on) };
      break;
    case "hasuniqueroleassignments":
      if (last && host.method === "GET") {
        const value = on.kind === "web" ? true : host.security.hasUnique(host.site.id, scopeOf(on).scope);
        return {
          response: host.json(
            200,
            primitiveDocument(
              "HasUniqueRoleAssignments",
              value,
              host.format,
              `${host.webUrl}/_api/$metadata#Edm.Boolean`,
            ),
          ),
        };
      }
      break;
  }
  if (on.kind !== "web") return null;
  switch (seg.name) {
    case "roledefinitions":
      if (seg.args && firstArg(seg) !== undefined) {
        const def = host.security.definition(host.site.id, Number(firstArg(seg)));
        if (!def) throw roleDefinitionNotFound();
        return { resource: { kind: "roleDefinition", def } };
      }
      return { resource: { kind: "roleDefinitions" } };
    case "sitegroups":
      if (seg.args && firstArg(seg) !== undefined)
        return { resource: { kind: "group", group: groupById(host, Number(firstArg(seg))) } };
      return { resource: { kind: "groups" } };
    case "associatedownergroup":
    case "associatedmembergroup":
    case "associatedvisitorgroup": {
      const which =
        seg.name === "associatedownergroup" ? "Owners" : seg.name === "associatedmembergroup" ? "Members" : "Visitors";
      const group = host.security.associatedGroup(host.site, which);
      if (!group) throw groupNotFound();
      return { resource: { kind: "group", group } };
    }
  }
  return null;
}

export function securityStep(host: SecurityHost, at: SecurityResource, seg: Segment, rest: Segment[]): Step {
  const last = rest.length === 0;
  switch (at.kind) {
    case "roleAssignments":
      switch (seg.name) {
        case "addroleassignment":
          if (last) return { response: changeAssignment(host, at.on, seg, "add") };
          break;
        case "removeroleassignment":
          if (last) return { response: changeAssignment(host, at.on, seg, "remove") };
          break;
        case "getbyprincipalid":
          return { resource: { kind: "roleAssignment", on: at.on, principalId: Number(firstArg(seg)) } };
      }
      break;
    case "roleDefinitions":
      switch (seg.name) {
        case "getbyid": {
          const def = host.security.definition(host.site.id, Number(firstArg(seg)));
          if (!def) throw roleDefinitionNotFound();
          return { resource: { kind: "roleDefinition", def } };
        }
        case "getbyname": {
          const def = host.security
            .definitions(host.site.id)
            .find((d) => d.name.toLowerCase() === String(firstArg(seg) ?? "").toLowerCase());
          if (!def) throw roleDefinitionNotFound();
          return { resource: { kind: "roleDefinition", def } };
        }
        case "getbytype": {
          const def = host.security
            .definitions(host.site.id)
            .find((d) => d.roleTypeKind !== 0 && d.roleTypeKind === Number(firstArg(seg)));
          if (!def) throw roleDefinitionNotFound();
          return { resource: { kind: "roleDefinition", def } };
        }
      }
      break;
    case "groups":
      switch (seg.name) {
        case "getbyid":
          return { resource: { kind: "group", group: groupById(host, Number(firstArg(seg))) } };
        case "getbyname": {
          const group = host.security.groupByTitle(host.site.id, String(firstArg(seg) ?? ""));
          if (!group) throw groupNotFound();
          return { resource: { kind: "group", group } };
        }
        case "removebyid":
          if (last) return { response: removeGroup(host, groupById(host, Number(firstArg(seg)))) };
          break;
        case "removebyloginname": {
          const group = host.security.groupByTitle(host.site.id, String(firstArg(seg) ?? ""));
          if (!group) throw groupNotFound();
          if (last) return { response: removeGroup(host, group) };
          break;
        }
      }
      break;
    case "group":
      if (seg.name === "users") return { resource: { kind: "groupUsers", group: at.group } };
      if (seg.name === "owner") return { resource: { kind: "groupOwner", group: at.group } };
      break;
    case "groupUsers":
      switch (seg.name) {
        case "getbyid":
        case "getbyemail":
        case "getbyloginname":
          break;
        case "removebyid":
          if (last) return { response: changeMember(host, at.group, Number(firstArg(seg)), "remove") };
          break;
        case "removebyloginname": {
          const user = host.userByLogin(String(firstArg(seg) ?? ""));
          if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
          if (last) return { response: changeMember(host, at.group, user.id, "remove") };
          break;
        }
      }
      break;
    default:
      break;
  }
  return null;
}
