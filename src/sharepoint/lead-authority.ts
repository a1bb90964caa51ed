// Who could update an action when: its leads over time (from SharePoint's version history of the
// action item, which no lead can edit), the members of the leads that are SharePoint groups, and the
// plan editors. The history repository judges each progress record by it (src/plan/authority.ts).
import { type ProgressUpdate, leadPeriods, type LeadPeriod, type UpdateAuthority } from "../plan";
import { AppError, toAppError } from "./errors";
import { toAction, toActionVersion, VERSION_LABEL, type SpItem } from "./mapping";
import { planList } from "./lists";
import { call, type StoreContext } from "./store-context";

export interface LeadAuthority {
  /**
   * The authority to judge these rows by: the plan editors, the leads over time of the actions
   * whose rows were written by someone else (only those can depend on who led the action when),
   * and the members of the leads that are groups.
   */
  authorityFor(actionItems: readonly SpItem[], rows: readonly ProgressUpdate[]): Promise<UpdateAuthority>;
}

export function createLeadAuthority(ctx: StoreContext): LeadAuthority {
  /**
   * Each action's leads over time, from its item's version history (SharePoint's, which no lead can
   * edit). An item still at version 1.0 has had its leads since it was created and needs no read.
   * Kept per store by id and version label: a version, once saved, never changes.
   */
  const periodsCache = new Map<number, { label: string; periods: LeadPeriod[] }>();
  async function leadHistory(items: readonly SpItem[]): Promise<Map<number, LeadPeriod[]>> {
    const out = new Map<number, LeadPeriod[]>();
    const wanted: { id: number; label: string }[] = [];
    for (const item of items) {
      const id = Number(item["Id"]);
      const label = String(item[VERSION_LABEL] ?? "");
      if (label === "1.0") continue;
      const cached = periodsCache.get(id);
      if (cached && cached.label === label) out.set(id, cached.periods);
      else if (!wanted.some((w) => w.id === id)) wanted.push({ id, label });
    }
    const reads = await ctx.settleEach(wanted, (web, w) =>
      planList(web, "actions").items.getById(w.id).versions<SpItem[]>(),
    );
    reads.forEach((r, k) => {
      const { id, label } = wanted[k] as { id: number; label: string };
      if (r.status === "rejected") {
        // Deleted meanwhile: its rows no longer show; anything else is a failure to report.
        if ((toAppError(r.reason) as AppError).code === "notFound") return;
        throw toAppError(r.reason);
      }
      const periods = leadPeriods(
        r.value
          .map((v) => toActionVersion(v))
          .map((v) => ({ saved: v.saved, label: v.label, leadIds: v.fields.leads.map((p) => p.id) })),
      );
      periodsCache.set(id, { label, periods });
      out.set(id, periods);
    });
    return out;
  }

  let groupIdsCache: Promise<Set<number>> | null = null;
  /** The site's groups (ids), read once per store: a lead whose id is one of them is a group. */
  const siteGroupIds = (): Promise<Set<number>> => {
    groupIdsCache ??= call(
      async () => new Set((await ctx.sp.web.siteGroups.select("Id")<{ Id: number }[]>()).map((g) => g.Id)),
    );
    groupIdsCache.catch(() => (groupIdsCache = null));
    return groupIdsCache;
  };

  /**
   * The members of the leads that are SharePoint groups, as the reader sees them now (SharePoint
   * keeps no history of membership), in $batch reads, once per store. A group whose membership only
   * its members may see (OnlyAllowMembersViewMembership) answers "access denied" to anyone else:
   * its members are then unknown to this reader, and their records count for nobody in this view.
   */
  const membersCache = new Map<number, ReadonlySet<number>>();
  async function leadGroupMembers(leadIds: Iterable<number>): Promise<Map<number, ReadonlySet<number>>> {
    const wanted = [...new Set(leadIds)];
    if (wanted.length === 0) return new Map();
    const groups = await siteGroupIds();
    const groupLeads = wanted.filter((id) => groups.has(id));
    const missing = groupLeads.filter((id) => !membersCache.has(id));
    const reads = await ctx.settleEach(missing, (web, id) =>
      web.siteGroups.getById(id).users.select("Id")<{ Id: number }[]>(),
    );
    reads.forEach((r, k) => {
      const id = missing[k] as number;
      if (r.status === "fulfilled") membersCache.set(id, new Set(r.value.map((u) => u.Id)));
      else if (["forbidden", "notFound"].includes((toAppError(r.reason) as AppError).code))
        membersCache.set(id, new Set());
      else throw toAppError(r.reason);
    });
    return new Map(groupLeads.map((id) => [id, membersCache.get(id) ?? new Set<number>()]));
  }

  async function authorityFor(
    actionItems: readonly SpItem[],
    rows: readonly ProgressUpdate[],
  ): Promise<UpdateAuthority> {
    const base = await ctx.authority();
    const need = new Set(
      rows
        .filter((r) => r.kind === "update" && r.author !== null && !base.editorIds.has(r.author.id))
        .map((r) => r.actionId),
    );
    const targets = actionItems.filter((item) => need.has(Number(item["Id"])));
    if (targets.length === 0) return base;
    const history = await call(() => leadHistory(targets));
    const leadIds = [
      ...targets.flatMap((item) => toAction(item).leads.map((lead) => lead.id)),
      ...[...history.values()].flat().flatMap((p) => p.leadIds),
    ];
    const groupMembers = await call(() => leadGroupMembers(leadIds));
    return groupMembers.size > 0 ? { ...base, leadHistory: history, groupMembers } : { ...base, leadHistory: history };
  }

  return { authorityFor };
}
