// "What changed since the last meeting": RAG moves, completions, newly overdue actions and the
// progress notes, each with the action's number so the room can find it in the paper.
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PlanChanges, Action } from "../../plan";
import { RagBadge } from "../components/RagBadge";
import { formatDay } from "./format";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  section: { display: "grid", gap: tokens.spacingVerticalXS },
  h: { margin: 0, fontSize: "1em", fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: "none", display: "grid", gap: tokens.spacingVerticalS },
  item: { display: "grid", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  move: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  meta: { color: tokens.colorNeutralForeground2, fontSize: "0.875em" },
  note: {
    whiteSpace: "pre-line",
    display: "-webkit-box",
    WebkitLineClamp: "4",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  none: { color: tokens.colorNeutralForeground2 },
});

function label(action: Action | null | undefined, fallback: string): string {
  return action ? `${action.number} ${action.title}` : fallback;
}

/** Links that open an action in the tab, and the full report, in a new window (the meeting view stays). */
export interface MeetingLinks {
  action(id: number): string;
  objective(id: number): string;
  report: string;
}

/** An action's number and title, as a link that opens it when links are given and the action still exists. */
export function ActionMention(props: {
  action: Action | null | undefined;
  fallback: string;
  links?: MeetingLinks;
}): ReactNode {
  const text = label(props.action, props.fallback);
  if (!props.links || !props.action) return <span>{text}</span>;
  return (
    <Link href={props.links.action(props.action.id)} target="_blank" rel="noopener" inline>
      {text}
    </Link>
  );
}

/** Shows the first `max` items and says how many more the report has. */
function capped<T>(items: readonly T[], max: number | undefined): { shown: readonly T[]; more: number } {
  if (max === undefined || items.length <= max) return { shown: items, more: 0 };
  return { shown: items.slice(0, max), more: items.length - max };
}

export function ChangesList(props: {
  changes: PlanChanges;
  actions: readonly Action[];
  since: string;
  headingLevel?: 2 | 3;
  maxItems?: number;
  maxNotes?: number;
  links?: MeetingLinks;
  /** False where the overdue actions are listed next to the changes (the side panel marks the new ones there). */
  showNewlyOverdue?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const H = props.headingLevel === 2 ? "h2" : "h3";
  const { ragMoves, completed, newlyOverdue, notes } = props.changes;
  const byId = new Map(props.actions.map((a) => [a.id, a]));
  const unknown = t("meeting.removedAction");
  if (ragMoves.length === 0 && newlyOverdue.length === 0 && notes.length === 0) {
    return <p className={styles.none}>{t("meeting.noChanges", { date: formatDay(props.since, i18n.language) })}</p>;
  }
  const moves = capped(ragMoves, props.maxItems);
  const done = capped(completed, props.maxItems);
  const late = capped(newlyOverdue, props.maxItems);
  const shownNotes = props.maxNotes === undefined ? notes : notes.slice(0, props.maxNotes);
  const more = (n: number) =>
    n <= 0 ? null : props.links ? (
      <Link href={props.links.report} target="_blank" rel="noopener" className={styles.meta}>
        {t("meeting.moreNotes", { n })}
      </Link>
    ) : (
      <span className={styles.meta}>{t("meeting.moreNotes", { n })}</span>
    );
  const mention = (action: Action | null | undefined) => (
    <ActionMention action={action} fallback={unknown} links={props.links} />
  );
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-label={t("meeting.ragMoves")}>
        <H className={styles.h}>{t("meeting.ragMovesCount", { n: ragMoves.length })}</H>
        {ragMoves.length > 0 ? (
          <ul className={styles.list}>
            {moves.shown.map((move) => (
              <li key={move.actionId} className={styles.item} data-testid="rag-move">
                {mention(move.action)}
                <span className={styles.move}>
                  {/* A first update has no earlier RAG recorded: show where it went only. */}
                  {move.from ? <RagBadge rag={move.from} /> : null}
                  <span aria-label={t("meeting.movedTo")}>→</span>
                  <RagBadge rag={move.to} />
                </span>
                <span className={styles.meta}>
                  {move.author
                    ? t("meeting.byOn", { name: move.author.title, date: formatDay(move.date, i18n.language) })
                    : formatDay(move.date, i18n.language)}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {more(moves.more)}
      </section>
      <section className={styles.section} aria-label={t("meeting.completed")}>
        <H className={styles.h}>{t("meeting.completedCount", { n: completed.length })}</H>
        {completed.length > 0 ? (
          <ul className={styles.list}>
            {done.shown.map((move) => (
              <li key={move.actionId} className={styles.item}>
                {mention(move.action)}
              </li>
            ))}
          </ul>
        ) : null}
        {more(done.more)}
      </section>
      {props.showNewlyOverdue === false ? null : (
        <section className={styles.section} aria-label={t("meeting.newlyOverdue")}>
          <H className={styles.h}>{t("meeting.newlyOverdueCount", { n: newlyOverdue.length })}</H>
          {newlyOverdue.length > 0 ? (
            <ul className={styles.list}>
              {late.shown.map((action) => (
                <li key={action.id} className={styles.item}>
                  {mention(action)}
                  {action.dueDate ? (
                    <span className={styles.meta}>
                      {t("meeting.wasDue", { date: formatDay(action.dueDate, i18n.language) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {more(late.more)}
        </section>
      )}
      <section className={styles.section} aria-label={t("meeting.notes")}>
        <H className={styles.h}>{t("meeting.notesCount", { n: notes.length })}</H>
        {shownNotes.length > 0 ? (
          <ul className={styles.list}>
            {shownNotes.map((note) => (
              <li key={note.id} className={styles.item} data-testid="change-note">
                {mention(byId.get(note.actionId))}
                <span className={styles.note}>{note.note}</span>
                <span className={styles.meta}>
                  {note.author
                    ? t("meeting.byOn", { name: note.author.title, date: formatDay(note.date, i18n.language) })
                    : formatDay(note.date, i18n.language)}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {more(notes.length - shownNotes.length)}
      </section>
    </div>
  );
}
