// An action's history of updates and comments, newest first (lazy-loaded with the panel's history).
// Comments come in threads (one level of replies, as in Teams and Planner); a person's own comment
// can be edited or deleted (SharePoint's WriteSecurity decides; the buttons only appear on their
// own), and mentions show the person's current name. Progress records are shown as written.
import { useEffect, useMemo, useState } from "react";
import { Button, Skeleton, SkeletonItem, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import {
  encodeMentions,
  mayEditComment,
  mentionedIds,
  mentionsForEditing,
  parseComment,
  threadComments,
  wasEdited,
  type CommentThread,
  type Person,
  type ProgressUpdate,
} from "../../plan";
import { formatDateTime } from "../../i18n";
import { usePlanContext } from "../state/PlanContext";
import { useBusy } from "../state/useBusy";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorMessage } from "./ErrorMessage";
import { MentionInput, type MentionValue } from "./MentionInput";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  entry: {
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke1,
    paddingInlineStart: tokens.spacingHorizontalM,
    display: "grid",
    gap: tokens.spacingVerticalXXS,
  },
  replies: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  meta: { color: tokens.colorNeutralForeground2 },
  move: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  note: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  mention: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  form: { display: "grid", gap: tokens.spacingVerticalS },
  deleted: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
});

type Entry =
  { kind: "row"; row: ProgressUpdate; date: string } | { kind: "thread"; thread: CommentThread; date: string };

export interface HistoryAccess {
  /** The signed-in person's site user id (their own comments get Edit and Delete). */
  meId: number | null;
  /** May write comments (and so replies). */
  comment: boolean;
  /** Called after a reply, an edit or a deletion (the panel re-reads what it shows). */
  onChanged?: () => void;
}

export default function History(props: { actionId: number; version: string } & Partial<HistoryAccess>) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, locale } = usePlanContext();
  const [state, setState] = useState<
    { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; updates: ProgressUpdate[] }
  >({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());

  useEffect(() => {
    let live = true;
    store.history(props.actionId).then(
      (updates) => {
        if (!live) return;
        setState({ status: "ready", updates: [...updates].sort((a, b) => b.date.localeCompare(a.date)) });
        // Mentions are stored by site user id: their current names, read once per load.
        const ids = [...new Set(updates.flatMap((u) => (u.kind === "comment" && u.note ? mentionedIds(u.note) : [])))];
        if (ids.length > 0)
          store.peopleByIds(ids).then(
            (people: Person[]) => live && setNames(new Map(people.map((p) => [p.id, p.title]))),
            () => undefined,
          );
      },
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [store, props.actionId, props.version, attempt]);

  const entries = useMemo((): Entry[] => {
    if (state.status !== "ready") return [];
    // Evidence rows are listed under Evidence, not as remarks.
    const comments = state.updates.filter((u) => u.kind === "comment" && !u.evidence);
    const rows: Entry[] = state.updates
      .filter((u) => u.kind !== "comment")
      .map((row) => ({ kind: "row", row, date: row.date }));
    const threads: Entry[] = threadComments(comments).map((thread) => ({
      kind: "thread",
      thread,
      date: thread.root?.date ?? thread.replies[0]?.date ?? "",
    }));
    return [...rows, ...threads].sort((a, b) => b.date.localeCompare(a.date));
  }, [state]);

  if (state.status === "loading")
    return (
      <Skeleton aria-label={t("history.loading")}>
        <SkeletonItem size={16} />
        <SkeletonItem size={16} style={{ width: "70%" }} />
      </Skeleton>
    );
  if (state.status === "error") return <ErrorMessage error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (entries.length === 0) return <Text>{t("history.empty")}</Text>;
  const access: HistoryAccess = {
    meId: props.meId ?? null,
    comment: props.comment ?? false,
    onChanged: () => (setAttempt((n) => n + 1), props.onChanged?.()),
  };
  return (
    <ol className={styles.list} aria-label={t("history.heading")}>
      {entries.map((entry) =>
        entry.kind === "row" ? (
          <li key={`row-${entry.row.id}`} className={styles.entry}>
            <RecordEntry row={entry.row} />
          </li>
        ) : (
          <li key={`thread-${entry.thread.rootId}`} className={styles.entry} data-testid="comment-thread">
            <Thread thread={entry.thread} actionId={props.actionId} access={access} names={names} locale={locale} />
          </li>
        ),
      )}
    </ol>
  );
}

/** A progress record or an import, as written. */
function RecordEntry(props: { row: ProgressUpdate }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { locale } = usePlanContext();
  const u = props.row;
  return (
    <>
      <Text size={200} className={styles.meta}>
        {t(u.kind === "import" ? "history.importBy" : "history.updateBy", {
          who: u.author?.title ?? t("history.someone"),
          when: formatDateTime(u.date, locale),
        })}
      </Text>
      {u.kind === "import" ? (
        <Text data-testid="history-import">{t("history.importedFrom", { file: u.note ?? "" })}</Text>
      ) : null}
      {u.rag ? (
        <span className={styles.move}>
          {u.previousRag && u.previousRag !== u.rag ? (
            <>
              <RagBadge rag={u.previousRag} />
              <span aria-hidden>→</span>
              <span className="visually-hidden">{t("history.to")}</span>
            </>
          ) : null}
          <RagBadge rag={u.rag} />
        </span>
      ) : null}
      {u.note && u.kind !== "import" ? <Text className={styles.note}>{u.note}</Text> : null}
      {u.kind === "update" && u.progress ? (
        <Text size={200} className={styles.note}>
          {t("history.progressWas", { progress: u.progress })}
        </Text>
      ) : null}
    </>
  );
}

/** A comment's text with each mention as "@" and the person's current name. */
function CommentText(props: { text: string; names: ReadonlyMap<number, string> }) {
  const styles = useStyles();
  return (
    <Text className={styles.note}>
      {parseComment(props.text).map((part, i) =>
        part.kind === "text" ? (
          <span key={i}>{part.text}</span>
        ) : (
          <span key={i} className={styles.mention} data-user-id={part.userId}>
            @{props.names.get(part.userId) ?? part.name}
          </span>
        ),
      )}
    </Text>
  );
}

function Thread(props: {
  thread: CommentThread;
  actionId: number;
  access: HistoryAccess;
  names: ReadonlyMap<number, string>;
  locale: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store } = usePlanContext();
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState<MentionValue>({ display: "", chosen: [] });
  const busy = useBusy();
  const [tried, setTried] = useState(false);
  const { root, replies } = props.thread;
  const rootAuthor = root?.author?.title ?? t("history.someone");

  async function sendReply(event: React.FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!reply.display.trim()) {
      busy.clearError();
      return;
    }
    await busy.run(async () => {
      await store.addComment(props.actionId, encodeMentions(reply.display.trim(), reply.chosen), {
        replyTo: props.thread.rootId,
      });
      setReply({ display: "", chosen: [] });
      setReplying(false);
      setTried(false);
      props.access.onChanged?.();
    });
  }

  return (
    <>
      {root ? (
        <CommentBody row={root} access={props.access} names={props.names} kind="comment" />
      ) : (
        <Text className={styles.deleted} data-testid="comment-deleted">
          {t("discussion.deleted")}
        </Text>
      )}
      {replies.length > 0 ? (
        <ol className={styles.replies} aria-label={t("discussion.replies")}>
          {replies.map((r) => (
            <li key={r.id} className={styles.entry}>
              <CommentBody row={r} access={props.access} names={props.names} kind="reply" />
            </li>
          ))}
        </ol>
      ) : null}
      {props.access.comment ? (
        replying ? (
          <form className={styles.form} onSubmit={(e) => void sendReply(e)} noValidate>
            <MentionInput
              label={t("discussion.replyTo", { who: rootAuthor })}
              value={reply}
              onChange={setReply}
              autoFocus
              validationMessage={tried && !reply.display.trim() ? t("validation.commentRequired") : undefined}
            />
            {busy.error ? <ErrorMessage error={busy.error} /> : null}
            <div className={styles.buttons}>
              <Button type="submit" appearance="primary" disabled={busy.busy}>
                {busy.busy ? t("common.saving") : t("discussion.sendReply")}
              </Button>
              <Button onClick={() => setReplying(false)}>{t("discussion.cancel")}</Button>
            </div>
          </form>
        ) : (
          <div className={styles.buttons}>
            <Button
              size="small"
              appearance="subtle"
              onClick={() => setReplying(true)}
              aria-label={t("discussion.replyTo", { who: rootAuthor })}
            >
              {t("discussion.reply")}
            </Button>
          </div>
        )
      ) : null}
    </>
  );
}

/** One comment or reply: who and when, "edited", the text, and Edit and Delete on one's own. */
function CommentBody(props: {
  row: ProgressUpdate;
  access: HistoryAccess;
  names: ReadonlyMap<number, string>;
  kind: "comment" | "reply";
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, locale } = usePlanContext();
  const [editing, setEditing] = useState<MentionValue | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const work = useBusy();
  const row = props.row;
  const who = row.author?.title ?? t("history.someone");
  const mine = mayEditComment(row, props.access.meId);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!editing || !editing.display.trim()) return;
    await work.run(async () => {
      await store.editComment(row.id, encodeMentions(editing.display.trim(), editing.chosen));
      setEditing(null);
      props.access.onChanged?.();
    });
  }

  async function remove() {
    await work.run(async () => {
      await store.deleteComment(row.id);
      setConfirmDelete(false);
      props.access.onChanged?.();
    });
  }

  return (
    <div className={styles.form} data-testid={props.kind === "reply" ? "reply" : "comment"}>
      <Text size={200} className={styles.meta}>
        {t(props.kind === "reply" ? "discussion.replyBy" : "history.commentBy", {
          who,
          when: formatDateTime(row.date, locale),
        })}
        {wasEdited(row) ? ` · ${t("discussion.edited")}` : ""}
      </Text>
      {editing ? (
        <form className={styles.form} onSubmit={(e) => void save(e)} noValidate>
          <MentionInput
            label={t("discussion.editLabel")}
            value={editing}
            onChange={setEditing}
            autoFocus
            validationMessage={!editing.display.trim() ? t("validation.commentRequired") : undefined}
          />
          {work.error ? <ErrorMessage error={work.error} /> : null}
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={work.busy || !editing.display.trim()}>
              {work.busy ? t("common.saving") : t("discussion.save")}
            </Button>
            <Button onClick={() => setEditing(null)}>{t("discussion.cancel")}</Button>
          </div>
        </form>
      ) : (
        <>
          {row.note ? <CommentText text={row.note} names={props.names} /> : null}
          {mine ? (
            <div className={styles.buttons} role="group" aria-label={t("discussion.commentActions", { who })}>
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setEditing(mentionsForEditing(row.note ?? "", (id) => props.names.get(id)))}
              >
                {t("discussion.edit")}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setConfirmDelete(true)}>
                {t("discussion.delete")}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {confirmDelete ? (
        <ConfirmDialog
          title={t("discussion.deleteTitle")}
          body={t("discussion.deleteBody")}
          confirm={t("discussion.delete")}
          busy={work.busy}
          error={work.error}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
    </div>
  );
}
