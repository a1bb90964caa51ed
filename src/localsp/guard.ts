// A request's view of the permissions (security.ts): one user, one token, one site. What the user
// may do is what they hold, trimmed by what the token lets the app do, with each list's
// ReadSecurity and WriteSecurity on its items.
import { P, has, type ScopeGrant } from "./permissions";
import type { Security } from "./security";
import type { ItemRecord, ListRow, SiteRow } from "./store";

/** Per-request view: one user, one token, one site. */
export class Guard {
  constructor(
    readonly security: Security,
    readonly site: SiteRow,
    readonly userId: number,
    readonly isSiteAdmin: boolean,
    readonly grant: ScopeGrant,
  ) {}

  private token(): bigint {
    return this.security.tokenMask(this.site, this.grant);
  }

  web(): bigint {
    return this.security.userMask(this.site, this.userId, this.isSiteAdmin) & this.token();
  }

  list(list: ListRow): bigint {
    return this.security.userMask(this.site, this.userId, this.isSiteAdmin, list.guid) & this.token();
  }

  item(list: ListRow, item: ItemRecord): bigint {
    return this.security.userMask(this.site, this.userId, this.isSiteAdmin, list.guid, item.id) & this.token();
  }

  /** ReadSecurity/WriteSecurity apply unless the user holds Cancel Checkout (Override List Behaviors). */
  private overrides(list: ListRow): boolean {
    return has(this.list(list), P.CancelCheckout);
  }

  canSeeItem(list: ListRow, item: ItemRecord): boolean {
    if (!has(this.item(list, item), P.ViewListItems)) return false;
    const { readSecurity } = this.security.listSecurity(list.guid);
    return readSecurity !== 2 || item.authorId === this.userId || this.overrides(list);
  }

  /** Editing or deleting an existing item: the item's permission and the list's WriteSecurity. */
  mayWriteItem(list: ListRow, item: ItemRecord, bit: bigint): boolean {
    if (!has(this.item(list, item), bit)) return false;
    const { writeSecurity } = this.security.listSecurity(list.guid);
    if (writeSecurity === 1 || this.overrides(list)) return true;
    return writeSecurity === 2 && item.authorId === this.userId;
  }

  /** A fast item filter for queries: one mask for the list unless some items have their own. */
  itemFilter(list: ListRow): (item: ItemRecord) => boolean {
    return (item) => this.canSeeItem(list, item);
  }
}
