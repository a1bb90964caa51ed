// Screens and panels that the overview's first paint does not need, downloaded when first shown.
// While a piece downloads a labelled spinner stands in its place; if the download fails (offline, a
// new deployment removed the old chunk) a translated message with "Try again" replaces it instead of a
// blank tab, and the retry imports the chunk afresh (React.lazy would keep the first rejection forever).
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation, withTranslation, type WithTranslation } from "react-i18next";
import { completeCatalogues } from "../../i18n";

const useStyles = makeStyles({
  loading: { padding: tokens.spacingVerticalL },
});

/** The stand-in while a piece downloads: a spinner with a spoken label. */
export function LazyLoading() {
  const { t } = useTranslation();
  const styles = useStyles();
  return <Spinner className={styles.loading} size="small" label={t("lazy.loading")} />;
}

interface BoundaryProps extends WithTranslation {
  children: ReactNode;
  onRetry: () => void;
}

/** Catches the failed download (and only shows it here, so the rest of the tab stays usable). */
class DownloadBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.error("A part of the tab could not be downloaded", error);
  }

  override render() {
    const { t } = this.props;
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("lazy.failedTitle")}</MessageBarTitle>
          {t("lazy.failedBody")}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.props.onRetry}>{t("common.retry")}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

const TranslatedBoundary = withTranslation()(DownloadBoundary);

export type LazyView<P> = ComponentType<P> & {
  /** Starts the download early (after the first paint), so opening the piece later is immediate. */
  preload: () => void;
};

/**
 * A component downloaded on first render, with its own spinner and failed-download message.
 * `load` resolves to the component (`() => import("./X").then((m) => m.X)`); it is shown once the
 * whole catalogue has arrived too. `quiet`: nothing stands in while it downloads (a piece with nothing to
 * show until used, such as the toaster).
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: { quiet?: boolean } = {},
): LazyView<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  let failed = false;
  const start = () => {
    // A failed download is forgotten, so the next attempt asks the network again.
    // The piece's words come with it: the first download carries only the overview's.
    pending ??= Promise.all([load(), completeCatalogues()]).then(
      ([component]) => component,
      (error: unknown) => {
        pending = null;
        failed = true;
        throw error;
      },
    );
    return pending;
  };
  const fresh = () => {
    failed = false;
    return lazy(() => start().then((component) => ({ default: component })));
  };
  let Current = fresh();

  function View(props: P) {
    // Opened again after a failure (the panel closed and reopened): a new attempt, not the old error.
    useState(() => {
      if (failed) Current = fresh();
    });
    const [attempt, setAttempt] = useState(0);
    const retry = () => {
      Current = fresh();
      setAttempt((n) => n + 1);
    };
    return (
      <TranslatedBoundary key={attempt} onRetry={retry}>
        <Suspense fallback={options.quiet ? null : <LazyLoading />}>
          <Current {...props} />
        </Suspense>
      </TranslatedBoundary>
    );
  }
  return Object.assign(View, {
    preload: () => {
      start().catch(() => undefined);
    },
  });
}
