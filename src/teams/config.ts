// The configurable tab's save: the content URL carries the chosen site and plan year.
import { teamsJs } from "./host";

export interface TabSettings {
  siteUrl: string;
  year: string;
}

export function contentUrlFor(origin: string, settings: TabSettings): string {
  const params = new URLSearchParams({ site: settings.siteUrl, year: settings.year });
  return `${origin}/index.html?${params}`;
}

/** Registers the save handler Teams calls when the user presses Save on the configuration page. */
export function registerConfigSave(getSettings: () => TabSettings | null, displayName: string, origin: string): void {
  const { pages } = teamsJs();
  pages.config.registerOnSaveHandler((event) => {
    const settings = getSettings();
    if (!settings) {
      event.notifyFailure("incomplete");
      return;
    }
    pages.config
      .setConfig({
        contentUrl: contentUrlFor(origin, settings),
        websiteUrl: contentUrlFor(origin, settings),
        entityId: `wres-plan-${settings.year}`,
        suggestedDisplayName: displayName,
      })
      .then(() => event.notifySuccess())
      .catch((error: unknown) => event.notifyFailure(String(error)));
  });
}

export function setConfigValid(valid: boolean): void {
  teamsJs().pages.config.setValidityState(valid);
}
