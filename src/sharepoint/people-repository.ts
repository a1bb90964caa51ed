// The site's people and groups as the plan needs them: searching the people picker, telling whether
// someone could update the plan as a lead, and resolving a login or e-mail to a site user.
import type { PlanStore, Person } from "../plan";
import { odataString, type SpItem } from "./mapping";
import { LIST_GRANTS, PLAN_GROUPS } from "./security-model";
import { call, siteUserToPerson, type StoreContext } from "./store-context";

/** A claims login for an e-mail or UPN; claims logins pass through. */
export function toLoginName(loginOrEmail: string): string {
  return loginOrEmail.includes("|") ? loginOrEmail : `i:0#.f|membership|${loginOrEmail.trim()}`;
}

export type PeopleRepository = Required<
  Pick<PlanStore, "searchPeople" | "searchGroups" | "canUpdatePlan" | "ensurePerson">
>;

export function createPeopleRepository(ctx: StoreContext): PeopleRepository {
  return {
    async searchPeople(query: string) {
      const q = query.trim();
      if (q.length === 0) return [];
      const literal = odataString(q);
      const users = await call(() =>
        ctx.sp.web.siteUsers
          .filter(`PrincipalType eq 1 and (substringof(${literal},Title) or substringof(${literal},Email))`)
          .top(20)<SpItem[]>(),
      );
      return users.map(siteUserToPerson);
    },

    async searchGroups(query: string) {
      // A site has few groups: all are read (title and id, which every site member may list) and
      // matched here. Groups hidden in SharePoint's own pages (IsHiddenInUI) are left out.
      const q = query.trim().toLocaleLowerCase("en-GB");
      if (q.length === 0) return [];
      const groups = await call(() =>
        ctx.sp.web.siteGroups.select("Id", "Title", "IsHiddenInUI")<
          { Id: number; Title: string; IsHiddenInUI?: boolean }[]
        >(),
      );
      return groups
        .filter((g) => !g.IsHiddenInUI && g.Title.toLocaleLowerCase("en-GB").includes(q))
        .slice(0, 20)
        .map((g): Person => ({ id: g.Id, title: g.Title, email: null, isGroup: true }));
    },

    async canUpdatePlan(personId: number) {
      // A lead updates an action by writing to WRES Progress Updates: whoever the security model grants
      // more than Read there (plan editors, contributors, the site's Owners) or a site collection
      // administrator. Membership is read from the groups themselves (their membership is visible to
      // site users); if it cannot be read, the answer is "not known" rather than a false warning.
      const writers = LIST_GRANTS.progressUpdates.grants
        .filter(([, level]) => level !== "read")
        .map(([grantee]) => grantee);
      try {
        const user = await ctx.sp.web.siteUsers.getById(personId).select("Id", "IsSiteAdmin")<{
          IsSiteAdmin?: boolean;
        }>();
        if (user.IsSiteAdmin === true) return true;
        for (const grantee of writers) {
          const group =
            grantee === "owners"
              ? ctx.sp.web.associatedOwnerGroup
              : grantee === "members"
                ? ctx.sp.web.associatedMemberGroup
                : grantee === "visitors"
                  ? ctx.sp.web.associatedVisitorGroup
                  : ctx.sp.web.siteGroups.getByName(PLAN_GROUPS[grantee]);
          const members = await group.users.select("Id")<{ Id: number }[]>();
          if (members.some((m) => m.Id === personId)) return true;
        }
        return false;
      } catch {
        return null;
      }
    },

    async ensurePerson(loginOrEmail: string) {
      const typed = loginOrEmail.trim();
      // SharePoint knows people by their claims login, which carries the user principal name (UPN),
      // not the e-mail address: `i:0#.f|membership|<e-mail>` is "not found" wherever the two differ.
      // So an e-mail address is first looked up among the site's users; otherwise it is taken as a
      // sign-in name, and SharePoint refuses it if nobody signs in with it.
      if (!typed.includes("|") && typed.includes("@")) {
        const known = await ctx.siteUserByEmail(typed);
        if (known) return known;
      }
      const user = await call(() => ctx.sp.web.ensureUser(toLoginName(typed)));
      return siteUserToPerson(user as unknown as SpItem);
    },
  };
}
