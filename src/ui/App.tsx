// The tab: Teams theme and locale around the plan screens (overview, objective detail, my actions,
// the action panel), with loading, error and "still working" states.
import { Suspense, useEffect, useMemo, useState, type ReactNode } from "react";
import { FluentProvider, Link, Tab, TabList, Text, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from "@fluentui/react-components";
import { I18nextProvider, useTranslation } from "react-i18next";
import { isYearClosed, renumberObjectives } from "../plan";
import type { PlanStore } from "../sharepoint";
import { createI18n, type AppLocale } from "../i18n";
import type { HostTheme } from "../teams";
import { ClosedYearNotice } from "./components/ClosedYearNotice";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { ErrorMessage } from "./components/ErrorMessage";
import { lazyView } from "./components/Lazy";
import { yearToolsHref } from "./meeting/route";
import { PlanSkeleton } from "./components/PlanSkeleton";
import { StillWorking } from "./components/StillWorking";
import { SchemaUpgrade } from "./components/SchemaUpgrade";
import { SchemaContext, type SchemaActions } from "./state/schema";
import { NotSetUp } from "./components/NotSetUp";
import { errorKind } from "./state/errors";
import { Overview } from "./screens/Overview";
import type { ActivityTracker } from "./state/activity";
import { actionsOf } from "./state/planView";
import { PlanProvider, usePlanContext, type PlanContextValue } from "./state/PlanContext";
import { CycleHeaderLine } from "./cycle/CycleHeaderLine";
import { SignInContext } from "./state/signIn";
import { SetUpContext, type CheckSetUp } from "./state/setUp";
import { useNarrow } from "./state/useNarrow";
import { OpenItemContext } from "./state/openItem";
import { usePlanPlace } from "./state/address";
import { usePlanChanges, useShellDialogs, useShellNavigation, type ShellTab } from "./state/useShell";

// Only the overview is in the first download; every other screen, panel and dialog loads when first
// shown (and, once the overview is up, in the background: see preloadScreens).
const ActionForm = lazyView(() => import("./components/ActionForm").then((m) => m.ActionForm));
const ObjectiveForm = lazyView(() => import("./components/ObjectiveForm").then((m) => m.ObjectiveForm));
const RenumberObjectivesDialog = lazyView(() =>
  import("./components/RenumberObjectives").then((m) => m.RenumberObjectivesDialog),
);
const ConfirmDialog = lazyView(() => import("./components/ConfirmDialog").then((m) => m.ConfirmDialog));
const ActionPanel = lazyView(() => import("./screens/ActionPanel").then((m) => m.ActionPanel));
const ObjectiveDetail = lazyView(() => import("./screens/ObjectiveDetail").then((m) => m.ObjectiveDetail));
const MyActions = lazyView(() => import("./screens/MyActions").then((m) => m.MyActions));
// The indicators (worker, results, export) and the plan-wide Actions view (list and board).
const IndicatorsScreen = lazyView(() => import("./indicators/IndicatorsScreen").then((m) => m.default));
// The "Saved" toaster shows nothing until something is saved, by a screen that loads later itself.
const SavedToaster = lazyView(() => import("./components/SavedToast").then((m) => m.SavedToaster), { quiet: true });
const ActionsScreen = lazyView(() => import("./screens/ActionsScreen").then((m) => m.ActionsScreen));

export const THEMES: Record<HostTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** What people open next from the overview, fetched while they read it. */
function preloadScreens(): () => void {
  const preload = () => {
    for (const view of [ActionPanel, ObjectiveDetail, MyActions]) view.preload();
  };
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(preload, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(preload, 200);
  return () => clearTimeout(id);
}

const useStyles = makeStyles({
  // On a wrapper, not the FluentProvider: the provider's className is copied onto every portal's
  // mount node (absolutely placed at z-index 1000000), and a 100vh height there laid an invisible
  // sheet over the page whenever a dropdown had focus, so mouse clicks never reached its button.
  surface: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  // minmax(0, 1fr): a wide child (a table, a chart) scrolls in its own box instead of widening the page.
  page: {
    maxWidth: "1280px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalM,
    // The meeting side panel (320 px) and phones: every pixel of width goes to the content.
    "@media (max-width: 600px)": { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  who: { color: tokens.colorNeutralForeground2 },
  // The three tabs wrap rather than scroll out of sight in a narrow tab.
  navTabs: { flexWrap: "wrap" },
});

export interface AppProps {
  /** The plan's store; absent when the site was refused, and then `children` says why. */
  store?: PlanStore;
  tracker: ActivityTracker;
  theme: HostTheme;
  /** Lets the host push theme changes (Teams' theme handler). */
  subscribeTheme?: (listener: (theme: HostTheme) => void) => void;
  locale: AppLocale;
  year: string | null;
  initialActionId: number | null;
  /** The objective to open first (?objective=, from the meeting views' links). */
  initialObjectiveId?: number | null;
  copyLink: PlanContextValue["copyLink"];
  today: string;
  /** Whether this person may set the site up, asked with the set-up sign-in (the empty site's advice). */
  setUpCheck?: CheckSetUp;
  /** The site's schema and its upgrade (a site set up by an older version of the app). */
  schema?: SchemaActions;
  /** Tenant mode: the interactive sign-in (from a click). */
  signIn?: () => Promise<void>;
  /** Replaces the plan screens (the configuration page). */
  children?: ReactNode;
}

export function App(props: AppProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState<HostTheme>(props.theme);
  const i18n = useMemo(() => createI18n(props.locale), [props.locale]);
  const { subscribeTheme } = props;
  useEffect(() => subscribeTheme?.(setTheme), [subscribeTheme]);
  // The plan year shown and the action open in it (another year opens in place; Back returns).
  const [place, openYear] = usePlanPlace(props.year, props.initialActionId);
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={THEMES[theme]} lang={props.locale} data-theme={theme}>
        <div className={styles.surface}>
          <SignInContext.Provider value={props.signIn ?? null}>
            <SetUpContext.Provider value={props.setUpCheck ?? null}>
              <SchemaContext.Provider value={props.schema ?? null}>
                <ErrorBoundary>
                  {props.children ? (
                    <Suspense fallback={<PlanSkeleton />}>{props.children}</Suspense>
                  ) : props.store ? (
                    // Keyed by place: another year loads afresh (skeleton, then its plan), never showing the old one's.
                    <PlanProvider
                      key={place.seq}
                      store={props.store}
                      locale={props.locale}
                      today={props.today}
                      year={place.year}
                      copyLink={props.copyLink}
                      openYear={openYear}
                    >
                      <Shell
                        tracker={props.tracker}
                        initialActionId={place.actionId}
                        initialObjectiveId={place.seq === 0 ? (props.initialObjectiveId ?? null) : null}
                      />
                    </PlanProvider>
                  ) : null}
                </ErrorBoundary>
              </SchemaContext.Provider>
            </SetUpContext.Provider>
          </SignInContext.Provider>
        </div>
      </FluentProvider>
    </I18nextProvider>
  );
}

function Shell(props: { tracker: ActivityTracker; initialActionId: number | null; initialObjectiveId: number | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const narrow = useNarrow();
  const context = usePlanContext();
  const { state, year } = context;
  const data = state.status === "ready" ? state.data : null;
  const nav = useShellNavigation({ actionId: props.initialActionId, objectiveId: props.initialObjectiveId }, data);
  const dialogs = useShellDialogs();
  const changes = usePlanChanges();
  const { busy } = changes;
  // Once the plan is on screen, the next screens download in the background.
  const ready = data !== null;
  useEffect(() => (ready ? preloadScreens() : undefined), [ready]);

  let body: ReactNode;
  if (state.status === "loading") body = <PlanSkeleton />;
  else if (state.status === "error")
    body =
      errorKind(state.error) === "notProvisioned" ? (
        <NotSetUp store={context.store} onRetry={() => void context.reload()} />
      ) : errorKind(state.error) === "schemaOutdated" ? (
        <SchemaUpgrade store={context.store} outdated onUpgraded={() => void context.reload()} />
      ) : (
        <ErrorMessage title={t("load.failed")} error={state.error} onRetry={() => void context.reload()} />
      );
  else if (state.status === "empty") body = <Text>{t("load.noPlan")}</Text>;
  else if (data) {
    const { objectiveId, actionId, editing, deleting } = { ...nav, ...dialogs };
    const objective = objectiveId === null ? undefined : data.snapshot.objectives.find((o) => o.id === objectiveId);
    body = (
      <>
        <SchemaUpgrade store={context.store} onUpgraded={() => void context.reload()} />
        {isYearClosed(data.snapshot.objectives) ? <ClosedYearNotice year={data.snapshot.year} /> : null}
        <nav aria-label={t("nav.label")}>
          <TabList
            className={styles.navTabs}
            size={narrow ? "small" : "medium"}
            selectedValue={nav.tab}
            onTabSelect={(_, d) => nav.selectTab(d.value as ShellTab)}
          >
            <Tab value="overview">{t("nav.overview")}</Tab>
            <Tab value="mine">{t("nav.mine")}</Tab>
            <Tab value="actions">{t("actionsView.nav")}</Tab>
            <Tab value="indicators">{t("indicators.nav")}</Tab>
          </TabList>
        </nav>
        {changes.failure ? <ErrorMessage error={changes.failure} /> : null}
        {nav.tab === "indicators" ? (
          <IndicatorsScreen />
        ) : nav.tab === "actions" ? (
          <ActionsScreen onOpenAction={nav.openAction} />
        ) : nav.tab === "mine" ? (
          <MyActions onOpenAction={nav.openAction} />
        ) : objectiveId !== null ? (
          <ObjectiveDetail
            objectiveId={objectiveId}
            onBack={nav.closeObjective}
            onOpenAction={nav.openAction}
            onAddAction={() => objective && dialogs.editAction(objective, null)}
            onEditObjective={() => objective && dialogs.editObjective(objective)}
            onDeleteObjective={() => objective && dialogs.askDelete(objective)}
            onRenumber={() => objective && void changes.renumberActions(objective, data)}
          />
        ) : (
          <Overview
            onOpenObjective={nav.openObjective}
            onOpenAction={nav.openAction}
            onAddObjective={() => dialogs.editObjective(null)}
            onRenumberObjectives={dialogs.openRenumbering}
          />
        )}
        {actionId !== null ? (
          <ActionPanel
            actionId={actionId}
            onClose={nav.closeAction}
            onEdit={() => {
              const action = data.snapshot.actions.find((a) => a.id === actionId);
              const parent = action && data.snapshot.objectives.find((o) => o.id === action.objectiveId);
              if (action && parent) dialogs.editAction(parent, action);
            }}
          />
        ) : null}
        {editing?.kind === "objective" ? (
          <ObjectiveForm objective={editing.objective} onClose={dialogs.closeEditor} />
        ) : null}
        {editing?.kind === "action" ? (
          <ActionForm
            objective={editing.objective}
            action={editing.action}
            siblings={actionsOf(data.snapshot, editing.objective.id)}
            onClose={dialogs.closeEditor}
          />
        ) : null}
        {dialogs.renumbering ? (
          <RenumberObjectivesDialog
            plan={renumberObjectives(data.snapshot.objectives, data.snapshot.actions)}
            count={data.snapshot.objectives.length}
            busy={busy}
            onConfirm={() =>
              void changes
                .renumberObjectives(renumberObjectives(data.snapshot.objectives, data.snapshot.actions))
                .finally(dialogs.closeRenumbering)
            }
            onCancel={dialogs.closeRenumbering}
          />
        ) : null}
        {deleting ? (
          <ConfirmDialog
            title={t("objective.deleteTitle", { number: deleting.number })}
            body={t("objective.deleteBody", { n: actionsOf(data.snapshot, deleting.id).length })}
            confirm={t("objective.delete")}
            busy={busy}
            onConfirm={() =>
              void changes
                .deleteObjective(deleting, () => {
                  dialogs.closeDelete();
                  nav.closeObjective();
                })
                .finally(dialogs.closeDelete)
            }
            onCancel={dialogs.closeDelete}
          />
        ) : null}
      </>
    );
  }

  return (
    <OpenItemContext.Provider value={nav.openItem}>
      <div className={styles.page}>
        <header className={styles.header}>
          <h1 className={styles.h1}>{year ? t("app.titleYear", { year }) : t("app.title")}</h1>
          {data ? (
            <Text size={200} className={styles.who}>
              {t("app.signedInAs", { name: data.me.title })}
            </Text>
          ) : null}
          {data?.capabilities.editPlan ? <Link href={yearToolsHref(location.href)}>{t("planYear.open")}</Link> : null}
          {year ? <CycleHeaderLine store={context.store} year={year} /> : null}
        </header>
        <StillWorking tracker={props.tracker} />
        <main aria-busy={state.status === "loading" || busy}>{body}</main>
        {/* Inside the plan's shell, so it is remounted with it when another year opens: one toaster outliving
          the shell left Tabster treating the old year's closed panel as the open modal, and hid the new
          panel from screen readers (aria-hidden on the drawer). */}
        <SavedToaster />
      </div>
    </OpenItemContext.Provider>
  );
}
