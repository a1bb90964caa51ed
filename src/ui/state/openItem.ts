// Opening an action or objective from anywhere in the tab (the indicators' linked actions): the
// shell provides it; outside the shell (print views) mentions are plain links to the tab's address.
import { createContext, useContext } from "react";

export interface OpenItem {
  openAction(id: number): void;
  openObjective(id: number): void;
}

export const OpenItemContext = createContext<OpenItem | null>(null);

export function useOpenItem(): OpenItem | null {
  return useContext(OpenItemContext);
}
