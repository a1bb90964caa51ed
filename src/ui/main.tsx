// The tab's entry: find out whether Teams hosts the page, pick theme, locale, identity and site,
// and render the plan (or the configuration page). Nothing here waits on Teams outside Teams.
import { createRoot } from "react-dom/client";
import { localIsoDay } from "../plan";
import {
  startAuth,
  type AuthSession,
  type SignInPurpose,
  readAuthConfig,
  SHAREPOINT_SCOPES,
  type AuthConfig,
} from "../auth";
import { checkSetUp, checkSiteUrl, createPlanStore, createSp, trustedSharePointOrigin } from "../sharepoint";
import { loadCatalogue, resolveLocale } from "../i18n";
import {
  accountHintFrom,
  actionIdFromSubPage,
  initHost,
  messageOrigins,
  notifyLoaded,
  onHostThemeChange,
  registerConfigSave,
  setConfigValid,
  shareActionDeepLink,
  contentUrlFor,
  type HostTheme,
} from "../teams";
import { App } from "./App";
import type { ConfigSettings } from "./screens/ConfigPage";
import { ExtraViews } from "./meeting/ExtraViews";
import { SiteRefused } from "./components/SiteRefused";
import { lazyView } from "./components/Lazy";
import { extraRoute } from "./meeting/route";
import { createActivityTracker, trackStore } from "./state/activity";
import { readParams, standaloneActionLink } from "./state/params";
import { replaceAddress } from "./state/address";
import { actionsSearchFromSubPage, actionsViewHref, isActionsTab, readActionsView } from "./state/actionsAddress";
import "./global.css";

const ConfigPage = lazyView(() => import("./screens/ConfigPage").then((m) => m.ConfigPage));

async function start() {
  const root = document.getElementById("root");
  if (!root) return;
  const params = readParams(location.search);
  // A broken configuration is reported by startAuth below; until then no origin is trusted.
  let config: AuthConfig | null = null;
  try {
    config = readAuthConfig();
  } catch {
    config = null;
  }
  const configuredOrigin = config?.mode === "tenant" ? config.sharePointOrigin : undefined;
  const trust = (hostSiteUrl?: string | null) =>
    config
      ? trustedSharePointOrigin({ mode: config.mode, configuredOrigin, hostSiteUrl, pageOrigin: location.origin })
      : null;
  // In a SharePoint page or web part teams-js must trust the SharePoint origin (the build's): never one the address names.
  const host = await initHost(3000, window, { validMessageOrigins: messageOrigins(configuredOrigin) });
  const context = host.inHost ? host.context : null;
  // A Teams deep link to a view of all actions carries the view in its sub-page id: the address takes it, as a shared address would.
  const sharedView = actionsSearchFromSubPage(context?.subPageId);
  if (sharedView && !isActionsTab(location.search))
    replaceAddress(actionsViewHref(location.href, readActionsView(sharedView)));
  const trustedOrigin = trust(context?.teamSiteUrl);

  const theme: HostTheme =
    params.theme ?? context?.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default");
  const locale = resolveLocale(params.lang ?? context?.locale ?? navigator.language);
  document.documentElement.lang = locale;
  // Fetched alongside sign-in; if the Welsh catalogue cannot be fetched the tab opens in English.
  // English needs nothing more before the first paint: its first-paint words are in this download.
  const catalogue =
    locale === "en-GB"
      ? Promise.resolve(locale)
      : loadCatalogue(locale).then(
          () => locale,
          () => "en-GB" as const,
        );

  // The site from the address, else the team's, else the demo site (local) or the tenant's root site.
  const requestedSite =
    params.siteUrl ??
    context?.teamSiteUrl ??
    (config?.mode === "tenant" ? (trustedOrigin ?? location.origin) : `${location.origin}/sites/wres`);
  let siteUrl = requestedSite;
  let siteRefusal: unknown = null;
  try {
    siteUrl = checkSiteUrl(requestedSite, trustedOrigin);
  } catch (error) {
    siteRefusal = error;
  }
  // Identity: local mode signs in as the demo user from ?as=; tenant builds use MSAL (nested app auth in Teams).
  let auth: AuthSession | null = null;
  let authFailure: unknown = null;
  try {
    // The host's account hint lets the standard flow (no nested auth) find or silently sign in the same user.
    auth = await startAuth({
      localUpn: params.as,
      ...(params.consent ? { localConsent: params.consent } : {}),
      ...(params.setUpScope ? { localSetUpScope: params.setUpScope } : {}),
      hosted: Boolean(context),
      siteUrl: trustedOrigin ?? undefined,
      accountHint: accountHintFrom(context),
    });
  } catch (error) {
    authFailure = error;
  }
  const failingToken = () => Promise.reject(authFailure);
  const getToken = auth?.getToken ?? failingToken;
  const getProvisioningToken = auth?.getProvisioningToken ?? failingToken;
  // A 401 from SharePoint skips the token cache once and retries (src/sharepoint/behaviors.ts).
  const invalidateToken = auth ? () => auth.invalidate() : undefined;
  const tracker = createActivityTracker();
  // Every site the tab opens (the address's, the team's, one typed on the configuration page) passes checkSiteUrl first.
  const connect = (candidate: string) => {
    const siteUrl = checkSiteUrl(candidate, trustedOrigin);
    const sp = createSp({ siteUrl, getToken, invalidateToken, onRetry: () => tracker.retried() });
    const manage = createSp({
      siteUrl,
      getToken: getProvisioningToken,
      invalidateToken,
      purpose: "provision",
      onRetry: () => tracker.retried(),
    });
    // Local mode knows the scopes the set-up token carries (what the "tenant" consented to).
    const setUpScopes = auth?.mode === "local" ? auth.consentedScopes : null;
    return {
      store: trackStore(createPlanStore(sp), tracker),
      // Setting up and upgrading the site (list and field definitions) download when first needed.
      provision: () => import("../sharepoint").then((m) => m.provision(manage)),
      setUpCheck: () => checkSetUp(manage, setUpScopes, auth?.setUpScope ?? SHAREPOINT_SCOPES.provision),
      schema: {
        check: () => import("../sharepoint").then((m) => m.siteSchema(sp)),
        upgrade: () => import("../sharepoint").then((m) => m.upgradeLists(manage)),
      },
    };
  };
  const today = localIsoDay(new Date());
  const subscribeTheme = context ? (listener: (t: HostTheme) => void) => onHostThemeChange(listener) : undefined;

  const copyLink = async (actionId: number, label: string): Promise<"copied" | "shared" | "failed"> => {
    if (context) {
      shareActionDeepLink(actionId, label);
      return "shared";
    }
    try {
      await navigator.clipboard.writeText(standaloneActionLink(location.href, actionId));
      return "copied";
    } catch {
      return "failed";
    }
  };

  const isConfig = params.view === "config" || Boolean(context?.isConfig);
  let chosen: ConfigSettings | null = null;
  if (isConfig && context) {
    registerConfigSave(() => chosen, "WRES action plan", location.origin);
  }

  // A refused site is never connected to: the tab shows why instead (the configuration page can still choose another).
  const connection = siteRefusal === null ? connect(siteUrl) : null;
  const store = connection?.store;
  // Meeting side panel / stage (Teams frame context or ?view=), plan-year tools and print view (?view=).
  const extra = isConfig || !store ? null : extraRoute(location.search, context?.frameContext ?? null);
  const shownLocale = await catalogue;
  document.documentElement.lang = shownLocale;
  createRoot(root).render(
    <App
      store={store}
      setUpCheck={connection?.setUpCheck}
      schema={connection?.schema}
      tracker={tracker}
      theme={theme}
      subscribeTheme={subscribeTheme}
      locale={shownLocale}
      year={params.year}
      initialActionId={params.actionId ?? actionIdFromSubPage(context?.subPageId)}
      initialObjectiveId={params.objectiveId}
      copyLink={copyLink}
      today={today}
      // The purpose passes through: set-up asks for AllSites.FullControl, everything else for AllSites.Write.
      signIn={auth?.mode === "tenant" ? (purpose?: SignInPurpose) => auth.msal.signIn(purpose) : undefined}
    >
      {isConfig ? (
        <ConfigPage
          defaultSiteUrl={siteUrl}
          defaultYear={params.year}
          today={today}
          connect={connect}
          onChange={(settings) => {
            chosen = settings;
            if (context) setConfigValid(settings !== null);
          }}
          openHref={
            context
              ? undefined
              : (settings) =>
                  contentUrlFor(location.origin, settings).replace("/index.html", "/") +
                  `&as=${encodeURIComponent(params.as)}`
          }
        />
      ) : !store ? (
        <SiteRefused error={siteRefusal} />
      ) : extra ? (
        <ExtraViews route={extra} store={store} year={params.year} today={today} />
      ) : undefined}
    </App>,
  );
  if (context) notifyLoaded();
}

void start();
