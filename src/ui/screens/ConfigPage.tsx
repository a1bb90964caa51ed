// The configurable tab's configuration page: choose the SharePoint site (default: the team's site)
// and the plan year; a plan editor can set up (provision) the lists after confirming.
import { useCallback, useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Capabilities } from "../../plan";
import type { PlanStore, SetUpCheck } from "../../sharepoint";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { errorKind, needsSignIn } from "../state/errors";
import { useBusy } from "../state/useBusy";

export interface SiteConnection {
  store: PlanStore;
  /** Creates the lists and fields (idempotent); resolves with a short summary. */
  provision(): Promise<unknown>;
  /** Whether this user, with the set-up sign-in, may set the plan up (and if not, what is missing). */
  setUpCheck(): Promise<SetUpCheck>;
}

export interface ConfigSettings {
  siteUrl: string;
  year: string;
}

const useStyles = makeStyles({
  page: {
    maxWidth: "720px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalL,
    display: "grid",
    gap: tokens.spacingVerticalL,
  },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "min(100%, 240px)" },
  years: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** What stops this user setting the plan up, and whom to ask; nothing when they can. */
function setUpHint(
  setUp: SetUpCheck | null,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | null {
  if (!setUp || setUp.canSetUp) return null;
  if (setUp.missing === "scope") return t("config.needsConsent", { scope: setUp.scope });
  if (setUp.missing === "siteGrant") return t("sitesSelected.needsGrant");
  return t("config.needsFullControl");
}

/** A plan year as NHS plans write it: "2025/26", the second year the one after the first. */
export function isPlanYear(value: string): boolean {
  const m = /^(\d{4})\/(\d{2})$/.exec(value.trim());
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** An address the tab can reach: http(s) with a host. */
export function isSiteUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** The plan year running on a date: NHS years run April to March ("2025/26"). */
export function currentPlanYear(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

type SiteState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "ready"; years: string[]; capabilities: Capabilities; provisioned: boolean; setUp: SetUpCheck | null }
  | { status: "error"; error: unknown };

export function ConfigPage(props: {
  defaultSiteUrl: string;
  defaultYear: string | null;
  today: string;
  connect: (siteUrl: string) => SiteConnection;
  /** Told the chosen settings whenever they are complete (null when not), for Teams' Save. */
  onChange: (settings: ConfigSettings | null) => void;
  /** Standalone: where the chosen settings open the tab. */
  openHref?: (settings: ConfigSettings) => string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { connect, onChange, today } = props;
  const [siteUrl, setSiteUrl] = useState(props.defaultSiteUrl);
  const [checkedUrl, setCheckedUrl] = useState(props.defaultSiteUrl);
  const [year, setYear] = useState(props.defaultYear ?? "");
  const [yearTouched, setYearTouched] = useState(false);
  const [siteInvalid, setSiteInvalid] = useState(false);
  const [site, setSite] = useState<SiteState>({ status: "idle" });
  const [confirming, setConfirming] = useState(false);
  const provisioning = useBusy();
  const [provisioned, setProvisioned] = useState(false);

  const check = useCallback(
    async (url: string) => {
      setSite({ status: "checking" });
      try {
        const connection = connect(url);
        const { store } = connection;
        const capabilities = await store.capabilities();
        try {
          const years = await store.planYears();
          setSite({ status: "ready", years, capabilities, provisioned: true, setUp: null });
          setYear((current) => current || years[0] || currentPlanYear(today));
        } catch (error) {
          if (errorKind(error) !== "notProvisioned") throw error;
          // Decided with the set-up sign-in, never the everyday one (SharePoint trims each to its
          // scopes). When that sign-in still needs the user, the offer stays: the set-up asks.
          const setUp = await connection.setUpCheck().catch((failure: unknown): SetUpCheck => {
            if (needsSignIn(failure)) return { canSetUp: true };
            throw failure;
          });
          setSite({ status: "ready", years: [], capabilities, provisioned: false, setUp });
          setYear((current) => current || currentPlanYear(today));
        }
      } catch (error) {
        setSite({ status: "error", error });
      }
    },
    [connect, today],
  );

  useEffect(() => {
    void check(checkedUrl);
  }, [check, checkedUrl]);

  const yearValid = isPlanYear(year);
  const complete = site.status === "ready" && site.provisioned && yearValid && checkedUrl.trim() !== "";
  useEffect(() => {
    onChange(complete ? { siteUrl: checkedUrl.trim(), year: year.trim() } : null);
  }, [complete, checkedUrl, year, onChange]);

  async function runProvision() {
    setProvisioned(false);
    const done = await provisioning.run(
      async () => {
        await connect(checkedUrl).provision();
        setProvisioned(true);
        setConfirming(false);
      },
      // Creating lists needs AllSites.Manage, which the user may not have consented to yet. That is
      // asked for on the page (not in the dialog, whose error has no retry): the message's button
      // runs the interactive step for that permission and then this set-up again (already confirmed).
      (error) => needsSignIn(error) && setConfirming(false),
    );
    if (done) await check(checkedUrl);
  }
  const provisionNeedsSignIn = provisioning.error !== null && needsSignIn(provisioning.error);

  const years = site.status === "ready" ? site.years : [];
  return (
    <main className={styles.page}>
      <h1 className={styles.h1}>{t("config.title")}</h1>
      <Text>{t("config.intro")}</Text>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (!isSiteUrl(siteUrl)) {
            setSiteInvalid(true);
            return;
          }
          setSiteInvalid(false);
          if (siteUrl.trim() === checkedUrl) void check(checkedUrl);
          else setCheckedUrl(siteUrl.trim());
        }}
        noValidate
      >
        <Field
          label={t("config.site")}
          hint={t("config.siteHint")}
          className={styles.grow}
          validationState={siteInvalid ? "error" : "none"}
          validationMessage={siteInvalid ? t("configForm.siteInvalid") : undefined}
        >
          <Input type="url" value={siteUrl} onChange={(_, d) => setSiteUrl(d.value)} />
        </Field>
        <Button type="submit">{t("config.check")}</Button>
      </form>
      {site.status === "checking" ? <Spinner size="small" label={t("config.checking")} /> : null}
      {site.status === "error" ? <ErrorMessage error={site.error} onRetry={() => void check(checkedUrl)} /> : null}
      {site.status === "ready" && !site.provisioned ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t("config.notProvisioned")} {setUpHint(site.setUp, t)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {site.status === "ready" && !site.provisioned && site.setUp?.canSetUp ? (
        <div>
          <Button appearance="primary" onClick={() => setConfirming(true)}>
            {t("config.provision")}
          </Button>
        </div>
      ) : null}
      {provisionNeedsSignIn ? <ErrorMessage error={provisioning.error} onRetry={() => void runProvision()} /> : null}
      {provisioning.busy && !confirming ? <Spinner size="small" label={t("config.provisioning")} /> : null}
      {provisioned ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("config.provisioned")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {site.status === "ready" && site.provisioned ? (
        // Any plan year may be typed (last year's, next year's): the years already on the site are offered, not imposed.
        <div className={styles.row}>
          <Field
            label={t("config.year")}
            hint={t("config.yearHint")}
            validationState={yearTouched && !yearValid ? "error" : "none"}
            validationMessage={yearTouched && !yearValid ? t("configForm.yearInvalid") : undefined}
          >
            <Input value={year} onChange={(_, d) => setYear(d.value)} onBlur={() => setYearTouched(true)} />
          </Field>
          <div className={styles.years} role="group" aria-label={t("configForm.yearsOnSite")}>
            <Text>{years.length > 0 ? t("configForm.yearsOnSite") : t("configForm.noYearsYet")}</Text>
            {[...new Set([...years, currentPlanYear(today)])].sort().map((y) => (
              <Button
                key={y}
                size="small"
                appearance={y === year.trim() ? "primary" : "secondary"}
                aria-pressed={y === year.trim()}
                onClick={() => {
                  setYear(y);
                  setYearTouched(true);
                }}
              >
                {y}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
      {complete && props.openHref ? (
        <Link href={props.openHref({ siteUrl: checkedUrl.trim(), year: year.trim() })}>{t("config.open")}</Link>
      ) : null}
      {/* Always mounted, closed with open={false}, even while the site is re-checked: see ConfirmDialog. */}
      <ConfirmDialog
        open={confirming}
        title={t("config.provisionTitle")}
        body={t("config.provisionBody", { site: checkedUrl })}
        confirm={t("config.provision")}
        busy={provisioning.busy}
        error={provisionNeedsSignIn ? null : provisioning.error}
        onConfirm={() => void runProvision()}
        onCancel={() => setConfirming(false)}
      />
    </main>
  );
}
