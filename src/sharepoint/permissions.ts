// SharePoint effective permissions: {High, Low} 32-bit masks, often sent as strings (Edm.Int64).
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/security/index.js";
import { PermissionKind, type IBasePermissions } from "@pnp/sp/security/index.js";
import { toAppError } from "./errors";
import { planList } from "./lists";
import type { ListKey } from "./schema";

export { PermissionKind };

export interface Permissions {
  High: number | string;
  Low: number | string;
}

/** Whether a permission kind (SP.PermissionKind, 1-based bit) is set. FullMask (65) means everything. */
export function hasPermission(perms: Permissions | IBasePermissions, kind: PermissionKind): boolean {
  const high = Number(perms.High) >>> 0;
  const low = Number(perms.Low) >>> 0;
  if (kind === PermissionKind.FullMask) return high === 0x7fffffff && low === 0xffffffff;
  if (kind === PermissionKind.EmptyMask) return true;
  const bit = kind - 1;
  return bit < 32 ? ((low >>> bit) & 1) === 1 : ((high >>> (bit - 32)) & 1) === 1;
}

export async function webPermissions(sp: SPFI): Promise<Permissions> {
  try {
    return await sp.web.getCurrentUserEffectivePermissions();
  } catch (error) {
    throw toAppError(error);
  }
}

/** A list's effective permissions, or null when the list does not exist. */
export async function listPermissions(sp: SPFI, key: ListKey): Promise<Permissions | null> {
  try {
    return await planList(sp.web, key).getCurrentUserEffectivePermissions();
  } catch (error) {
    const mapped = toAppError(error);
    if ((mapped as { code?: string }).code === "notProvisioned" || (mapped as { status?: number }).status === 404)
      return null;
    throw mapped;
  }
}
