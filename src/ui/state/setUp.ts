// Whether this person may set the plan's site up, asked with the set-up sign-in (never the everyday
// one: SharePoint trims a delegated token to its scopes, so the everyday token never shows the right).
// Null where the shell has no set-up connection (component tests): the screens then fall back to
// the everyday capabilities.
import { createContext, useContext } from "react";
import type { SetUpCheck } from "../../sharepoint";

export type CheckSetUp = () => Promise<SetUpCheck>;

export const SetUpContext = createContext<CheckSetUp | null>(null);

export function useSetUpCheck(): CheckSetUp | null {
  return useContext(SetUpContext);
}
