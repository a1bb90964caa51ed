// "Copy link" for a view of the Actions screen. In Teams the tab's own address is not one people can
// open, so Teams' deep link is shared with the view in its sub-page id (read back on load, main.tsx);
// standalone, the page's address (which always holds the view) goes to the clipboard.
import { mayBeHosted, teamsJs } from "../../teams";
import { actionsSubPageId, actionsViewHref } from "./actionsAddress";
import type { ActionsView } from "./actionsView";

export async function copyViewLink(view: ActionsView, label: string): Promise<"copied" | "shared" | "failed"> {
  if (mayBeHosted()) {
    try {
      teamsJs().pages.shareDeepLink({ subPageId: actionsSubPageId(view), subPageLabel: label });
      return "shared";
    } catch {
      // Framed but not by Teams (a test harness, a SharePoint preview): the address, as standalone.
    }
  }
  try {
    await navigator.clipboard.writeText(actionsViewHref(location.href, view));
    return "copied";
  } catch {
    return "failed";
  }
}
