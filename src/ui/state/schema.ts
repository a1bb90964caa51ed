// The site's schema against the app's, and the upgrade a plan editor may run (src/sharepoint/upgrade.ts).
// Null where the shell has no SharePoint connection of its own (component tests without it).
import { createContext, useContext } from "react";
import type { SiteSchema } from "../../sharepoint";

export interface SchemaActions {
  check(): Promise<SiteSchema>;
  /** Runs with the set-up sign-in (adding columns needs Manage Lists, which the everyday token lacks). */
  upgrade(): Promise<unknown>;
}

export const SchemaContext = createContext<SchemaActions | null>(null);

export function useSchema(): SchemaActions | null {
  return useContext(SchemaContext);
}
