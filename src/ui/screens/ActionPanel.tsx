// The action detail panel: milestones, progress, KPIs, outcomes and the history of updates, with
// the controls this person may use (update, edit, delete, comment) and a link to copy.
import { lazy, Suspense, useState } from "react";
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
  Text,
  Toolbar,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular, DismissRegular, EditRegular, LinkRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { capabilitiesWithin, encodeMentions, isOverdue } from "../../plan";
import { formatDate } from "../../i18n";
import { CarriedFrom, CarriedInto } from "../components/CarriedFrom";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { Evidence } from "../components/Evidence";
import { MentionInput, type MentionValue } from "../components/MentionInput";
import { QuickUpdate } from "../components/QuickUpdate";
import { RagBadge } from "../components/RagBadge";
import { canUpdate } from "../state/planView";
import { usePlan } from "../state/PlanContext";
import { useBusy } from "../state/useBusy";
import { useNarrow } from "../state/useNarrow";

const History = lazy(() => import("../components/History"));
const VersionTrail = lazy(() => import("../components/VersionTrail"));

const useStyles = makeStyles({
  body: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    alignContent: "start",
    paddingBottom: tokens.spacingVerticalXXL,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  // At side-panel width each term sits above its value.
  factsNarrow: { gridTemplateColumns: "1fr", rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  section: { display: "grid", gap: tokens.spacingVerticalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  toolbar: { flexWrap: "wrap", padding: 0 },
});

export function ActionPanel(props: { actionId: number; onClose: () => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const narrow = useNarrow();
  const { snapshot, me, capabilities: siteCapabilities, locale, today, store, reload, copyLink } = usePlan();
  const action = snapshot.actions.find((a) => a.id === props.actionId) ?? null;
  const [updating, setUpdating] = useState(false);
  const [comment, setComment] = useState<MentionValue>({ display: "", chosen: [] });
  const commentState = useBusy();
  const [commentTried, setCommentTried] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deleteState = useBusy();
  const [copied, setCopied] = useState<string | null>(null);
  const [commentsAdded, setCommentsAdded] = useState(0);

  const objective = action ? snapshot.objectives.find((o) => o.id === action.objectiveId) : undefined;
  // In a closed (rolled-over) objective nobody edits, updates or comments: the panel is for reading.
  const capabilities = capabilitiesWithin(objective, siteCapabilities);
  const mayUpdate = action ? canUpdate(action, me, capabilities) : false;

  async function addComment(event: React.FormEvent) {
    event.preventDefault();
    if (!action) return;
    setCommentTried(true);
    if (!comment.display.trim()) {
      commentState.clearError();
      return;
    }
    const added = await commentState.run(async () => {
      await store.addComment(action.id, encodeMentions(comment.display.trim(), comment.chosen));
      setComment({ display: "", chosen: [] });
      setCommentsAdded((n) => n + 1);
      setCommentTried(false);
    });
    if (added) await reload().catch(() => undefined);
  }

  async function remove() {
    if (!action) return;
    const deleted = await deleteState.run(async () => {
      await store.deleteAction(action.id, action.etag);
      setConfirmDelete(false);
      props.onClose();
    });
    if (deleted) await reload().catch(() => undefined);
  }

  async function copy() {
    if (!action) return;
    const result = await copyLink(action.id, t("action.numbered", { number: action.number, title: action.title }));
    setCopied(result === "failed" ? t("link.failed") : result === "shared" ? t("link.shared") : t("link.copied"));
  }

  return (
    <OverlayDrawer
      open
      position="end"
      size={narrow ? "full" : "medium"}
      onOpenChange={(_, data) => (data.open ? undefined : props.onClose())}
      aria-labelledby="action-panel-title"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: "action-panel-title", as: "h2" }}
          action={
            <Button
              appearance="subtle"
              aria-label={t("common.close")}
              icon={<DismissRegular />}
              onClick={props.onClose}
            />
          }
        >
          {action ? t("action.numbered", { number: action.number, title: action.title }) : t("action.gone")}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {!action ? (
          <Text>{t("action.goneBody")}</Text>
        ) : (
          <>
            <div>
              <RagBadge rag={action.rag} size="large" />
            </div>
            <CarriedFrom action={action} />
            <CarriedInto action={action} />
            <Toolbar aria-label={t("action.toolbar")} className={styles.toolbar}>
              <Button icon={<LinkRegular />} onClick={() => void copy()}>
                {t("link.copy")}
              </Button>
              {capabilities.editPlan ? (
                <>
                  <Button icon={<EditRegular />} onClick={props.onEdit}>
                    {t("action.edit")}
                  </Button>
                  <Button icon={<DeleteRegular />} onClick={() => setConfirmDelete(true)}>
                    {t("action.delete")}
                  </Button>
                </>
              ) : null}
            </Toolbar>
            <div role="status" aria-live="polite">
              {copied ? <Text size={200}>{copied}</Text> : null}
            </div>
            <dl className={mergeClasses(styles.facts, narrow && styles.factsNarrow)}>
              <dt className={styles.term}>{t("field.objective")}</dt>
              <dd className={styles.detail}>
                {objective ? t("objective.numbered", { number: objective.number, title: objective.title }) : ""}
              </dd>
              <dt className={styles.term}>{t("field.leads")}</dt>
              <dd className={styles.detail}>
                {[...action.leads.map((p) => p.title), ...(action.leadText ? [action.leadText] : [])].join(", ") ||
                  t("common.notSet")}
              </dd>
              <dt className={styles.term}>{t("field.dueDate")}</dt>
              <dd className={styles.detail}>
                {action.dueDate ? formatDate(action.dueDate, locale) : t("common.notSet")}
                {isOverdue(action, today) ? <span className={styles.overdue}> ({t("action.overdue")})</span> : null}
              </dd>
              <dt className={styles.term}>{t("field.indicators")}</dt>
              <dd className={styles.detail}>
                {action.indicators.length
                  ? action.indicators.map((n) => t("indicator.short", { n })).join(", ")
                  : t("common.none")}
              </dd>
              <dt className={styles.term}>{t("field.milestones")}</dt>
              <dd className={styles.detail}>{action.milestones || t("common.notSet")}</dd>
              <dt className={styles.term}>{t("field.progress")}</dt>
              <dd className={styles.detail}>{action.progress || t("common.notSet")}</dd>
              <dt className={styles.term}>{t("field.kpis")}</dt>
              <dd className={styles.detail}>{action.kpis || t("common.notSet")}</dd>
              <dt className={styles.term}>{t("field.outcomes")}</dt>
              <dd className={styles.detail}>{action.outcomes || t("common.notSet")}</dd>
            </dl>
            {mayUpdate ? (
              <section className={styles.section} aria-labelledby="update-heading">
                <h3 id="update-heading" className={styles.h3}>
                  {t("update.heading")}
                </h3>
                {updating ? (
                  <QuickUpdate
                    key={action.etag}
                    action={action}
                    onDone={() => setUpdating(false)}
                    onCancel={() => setUpdating(false)}
                  />
                ) : (
                  <div>
                    {/* A completed action needs no call to action: a quiet way to add a note or reopen it. */}
                    <Button
                      appearance={action.rag === "Blue" ? "secondary" : "primary"}
                      onClick={() => setUpdating(true)}
                    >
                      {action.rag === "Blue" ? t("completeAction.update") : t("update.open")}
                    </Button>
                  </div>
                )}
              </section>
            ) : null}
            {capabilities.comment ? (
              <section className={styles.section} aria-labelledby="comment-heading">
                <h3 id="comment-heading" className={styles.h3}>
                  {t("comment.heading")}
                </h3>
                <form onSubmit={(e) => void addComment(e)} className={styles.section} noValidate>
                  <MentionInput
                    label={t("comment.label")}
                    value={comment}
                    onChange={setComment}
                    validationMessage={
                      commentTried && !comment.display.trim() ? t("validation.commentRequired") : undefined
                    }
                  />
                  {commentState.error ? <ErrorMessage error={commentState.error} /> : null}
                  <div>
                    <Button type="submit" disabled={commentState.busy}>
                      {commentState.busy ? t("common.saving") : t("comment.add")}
                    </Button>
                  </div>
                </form>
              </section>
            ) : null}
            <section className={styles.section} aria-labelledby="history-heading">
              <h3 id="history-heading" className={styles.h3}>
                {t("history.heading")}
              </h3>
              <Suspense fallback={<Spinner size="tiny" label={t("history.loading")} />}>
                <History
                  actionId={action.id}
                  version={`${action.etag}/${snapshot.lastUpdates[action.id]?.id ?? ""}/${commentsAdded}`}
                  meId={me.id}
                  comment={capabilities.comment}
                />
              </Suspense>
            </section>
            <section className={styles.section} aria-labelledby="evidence-heading">
              <h3 id="evidence-heading" className={styles.h3}>
                {t("evidence.heading")}
              </h3>
              <Evidence actionId={action.id} version={action.etag} mayAttach={mayUpdate} meId={me.id} />
            </section>
            <section className={styles.section} aria-labelledby="version-trail-heading">
              <h3 id="version-trail-heading" className={styles.h3}>
                {t("versionTrail.heading")}
              </h3>
              <Suspense fallback={<Spinner size="tiny" label={t("versionTrail.loading")} />}>
                <VersionTrail actionId={action.id} version={action.etag} objectives={snapshot.objectives} />
              </Suspense>
            </section>
          </>
        )}
      </DrawerBody>
      {confirmDelete && action ? (
        <ConfirmDialog
          title={t("action.deleteTitle", { number: action.number })}
          body={t("action.deleteBody")}
          confirm={t("action.delete")}
          busy={deleteState.busy}
          error={deleteState.error}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
    </OverlayDrawer>
  );
}
