// SharePoint's permission arithmetic, with no rule of the app: base permissions as 64-bit masks
// (SPBasePermissions), the built-in permission levels (role definitions) and the trimming of a
// delegated token's scopes. Pure; security.ts stores who holds what, and the REST handlers (rest/) ask it.
// Sources (README.md in this folder lists each behaviour with its page):
//  - SPBasePermissions values: https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms412690(v=office.15)
//  - default permission levels: https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms412585(v=office.15)
//  - scopes to rights: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/add-in-permissions-in-sharepoint

/** The demo directory's default place on a new site (see seed.ts); not a permission rule. */
export type Role = "owner" | "editor" | "action-owner" | "network-chair" | "reader" | "none";

export const ROLES: readonly Role[] = ["owner", "editor", "action-owner", "network-chair", "reader", "none"];

/** SPBasePermissions, as documented (bit values). */
export const P = {
  EmptyMask: 0n,
  ViewListItems: 0x1n,
  AddListItems: 0x2n,
  EditListItems: 0x4n,
  DeleteListItems: 0x8n,
  ApproveItems: 0x10n,
  OpenItems: 0x20n,
  ViewVersions: 0x40n,
  DeleteVersions: 0x80n,
  /** Shown in the UI as "Override List Behaviors": bypasses ReadSecurity and WriteSecurity. */
  CancelCheckout: 0x100n,
  ManagePersonalViews: 0x200n,
  ManageLists: 0x800n,
  ViewFormPages: 0x1000n,
  AnonymousSearchAccessList: 0x2000n,
  Open: 0x10000n,
  ViewPages: 0x20000n,
  AddAndCustomizePages: 0x40000n,
  ApplyThemeAndBorder: 0x80000n,
  ApplyStyleSheets: 0x100000n,
  ViewUsageData: 0x200000n,
  CreateSSCSite: 0x400000n,
  ManageSubwebs: 0x800000n,
  CreateGroups: 0x1000000n,
  ManagePermissions: 0x2000000n,
  BrowseDirectories: 0x4000000n,
  BrowseUserInfo: 0x8000000n,
  AddDelPrivateWebParts: 0x10000000n,
  UpdatePersonalWebParts: 0x20000000n,
  ManageWeb: 0x40000000n,
  AnonymousSearchAccessWebLists: 0x80000000n,
  UseClientIntegration: 0x1000000000n,
  UseRemoteAPIs: 0x2000000000n,
  ManageAlerts: 0x4000000000n,
  CreateAlerts: 0x8000000000n,
  EditMyUserInfo: 0x10000000000n,
  EnumeratePermissions: 0x4000000000000000n,
  FullMask: 0x7fffffffffffffffn,
} as const;

function or(...bits: bigint[]): bigint {
  return bits.reduce((a, b) => a | b, 0n);
}

const LIMITED_ACCESS = or(P.ViewFormPages, P.Open, P.BrowseUserInfo, P.UseClientIntegration, P.UseRemoteAPIs);
const READ = or(
  LIMITED_ACCESS,
  P.ViewListItems,
  P.OpenItems,
  P.ViewVersions,
  P.ViewPages,
  P.CreateSSCSite,
  P.CreateAlerts,
);
const CONTRIBUTE = or(
  READ,
  P.AddListItems,
  P.EditListItems,
  P.DeleteListItems,
  P.DeleteVersions,
  P.ManagePersonalViews,
  P.BrowseDirectories,
  P.AddDelPrivateWebParts,
  P.UpdatePersonalWebParts,
  P.EditMyUserInfo,
);
const EDIT = or(CONTRIBUTE, P.ManageLists);
const DESIGN = or(
  EDIT,
  P.ApproveItems,
  P.CancelCheckout,
  P.AddAndCustomizePages,
  P.ApplyThemeAndBorder,
  P.ApplyStyleSheets,
);

export interface RoleDefinition {
  id: number;
  name: string;
  /** SP.RoleType */
  roleTypeKind: number;
  mask: bigint;
  order: number;
  hidden: boolean;
  description: string;
}

/** The built-in permission levels with SharePoint Online's ids. */
export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    id: 1073741829,
    name: "Full Control",
    roleTypeKind: 5,
    mask: P.FullMask,
    order: 1,
    hidden: false,
    description: "Has full control.",
  },
  {
    id: 1073741828,
    name: "Design",
    roleTypeKind: 4,
    mask: DESIGN,
    order: 32,
    hidden: false,
    description: "Can view, add, update, delete, approve, and customize.",
  },
  {
    id: 1073741830,
    name: "Edit",
    roleTypeKind: 6,
    mask: EDIT,
    order: 48,
    hidden: false,
    description: "Can add, edit and delete lists; can view, add, update and delete list items and documents.",
  },
  {
    id: 1073741827,
    name: "Contribute",
    roleTypeKind: 3,
    mask: CONTRIBUTE,
    order: 64,
    hidden: false,
    description: "Can view, add, update, and delete list items and documents.",
  },
  {
    id: 1073741826,
    name: "Read",
    roleTypeKind: 2,
    mask: READ,
    order: 128,
    hidden: false,
    description: "Can view pages and list items and download documents.",
  },
  {
    id: 1073741825,
    name: "Limited Access",
    roleTypeKind: 1,
    mask: LIMITED_ACCESS,
    order: 160,
    hidden: true,
    description:
      "Can view specific lists, document libraries, list items, folders, or documents when given permissions.",
  },
];

export const LEVEL = {
  fullControl: 1073741829,
  design: 1073741828,
  edit: 1073741830,
  contribute: 1073741827,
  read: 1073741826,
  limitedAccess: 1073741825,
} as const;

export function roleDefinition(id: number): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((d) => d.id === id);
}

export function maskOfLevel(id: number): bigint {
  return roleDefinition(id)?.mask ?? 0n;
}

export const LIMITED_ACCESS_MASK = LIMITED_ACCESS;

export function has(mask: bigint, bit: bigint): boolean {
  return (mask & bit) === bit;
}

/** SP.BasePermissions as SharePoint sends it: two unsigned 32-bit halves as strings. */
export function toBasePermissions(mask: bigint): { High: string; Low: string } {
  return { High: String((mask >> 32n) & 0xffffffffn), Low: String(mask & 0xffffffffn) };
}

// ---- token scopes

/**
 * What a delegated token allows, before the user's own permissions are intersected with it: the
 * AllSites scopes' mask on every site, and with `Sites.Selected` also whatever role a tenant admin
 * granted the app on the site in hand (scopes add up, as OAuth scopes do).
 */
export type ScopeGrant =
  { kind: "mask"; mask: bigint; scopes: string[] } | { kind: "selected"; mask: bigint; scopes: string[] };

export const ALL_SCOPES: ScopeGrant = { kind: "mask", mask: P.FullMask, scopes: ["(every scope)"] };

/**
 * The SharePoint delegated scopes and the permission level each lets an app use (the add-in
 * rights Read, Write, Manage, FullControl map to Read, Contribute, Design, Full Control).
 */
const SCOPE_MASKS: Record<string, bigint> = {
  "allsites.read": READ,
  "allsites.write": CONTRIBUTE,
  "allsites.manage": DESIGN,
  "allsites.fullcontrol": P.FullMask,
};

/** Sites.Selected roles granted to an app on one site (Graph `POST /sites/{id}/permissions`). */
export const SELECTED_ROLE_MASKS: Record<string, bigint> = {
  read: READ,
  write: CONTRIBUTE,
  manage: DESIGN,
  fullcontrol: P.FullMask,
};

/**
 * The scopes a token carries: `scp` is space-separated; a scope may be written with its resource
 * (`https://contoso.sharepoint.com/AllSites.Write`). Scopes that are not SharePoint's are ignored.
 */
export function grantOfScopes(scp: string): ScopeGrant {
  const scopes = scp
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.slice(s.lastIndexOf("/") + 1));
  const mask = scopes.reduce((acc, s) => acc | (SCOPE_MASKS[s.toLowerCase()] ?? 0n), 0n);
  // Sites.Selected adds the role granted on each site; an AllSites scope beside it still reaches every site.
  if (scopes.some((s) => s.toLowerCase() === "sites.selected")) return { kind: "selected", mask, scopes };
  return { kind: "mask", mask, scopes };
}
