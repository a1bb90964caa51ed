// The board: the shown actions in Red, Amber, Green and Blue columns. Someone who may update an
// action (its leads, a plan editor) moves its card by dragging it to another column or with its
// Move menu (the keyboard's and screen readers' way); a move is a progress update through the same
// save as the update form (so a conflict opens the conflict view and nobody's edit is overwritten),
// and a move to Red or Blue asks for the note the form asks for. Other cards have no handle, and the
// board says in words who may move what.
import { useEffect, useRef, useState, type DragEvent } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowMoveRegular, ReOrderDotsVerticalRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { isOverdue, isYearClosed, RAGS, validateProgress, type Action, type Rag } from "../../plan";
import { formatDate } from "../../i18n";
import { ErrorMessage } from "../components/ErrorMessage";
import { LIMITS, limitProps } from "../state/limits";
import { boardColumns } from "../state/actionsView";
import { canUpdate } from "../state/planView";
import { usePlan } from "../state/PlanContext";
import { useActionSave } from "../state/useActionSave";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(4, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalM,
    alignItems: "start",
    // Narrow windows: two columns a row; the meeting side panel and phones: one under another.
    // Exclusive ranges, since the order of the generated media rules is not the order written here.
    "@media (min-width: 601px) and (max-width: 900px)": { gridTemplateColumns: "repeat(2, minmax(0, 1fr))" },
    "@media (max-width: 600px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  column: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    alignContent: "start",
    minHeight: "120px",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Stacked columns: an empty one takes no more room than its words.
    "@media (max-width: 600px)": { minHeight: "auto" },
  },
  dropTarget: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  columnHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  swatch: {
    width: "12px",
    height: "12px",
    borderRadius: tokens.borderRadiusCircular,
    flexShrink: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  Red: { backgroundColor: tokens.colorPaletteRedBackground3 },
  Amber: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  Green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  Blue: { backgroundColor: tokens.colorBrandBackground },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  movable: { cursor: "grab" },
  cardHead: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start" },
  grip: { color: tokens.colorNeutralForeground3, flexShrink: 0, marginTop: "2px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  titleLink: { textAlign: "start" },
  meta: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: "grid", gap: tokens.spacingVerticalM },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

interface Moving {
  action: Action;
  rag: Rag;
}

/** Whether a move to this RAG needs a note, by the update form's own rule. */
function needsNote(rag: Rag): boolean {
  return validateProgress({ rag, note: "" }).some((p) => p.field === "note");
}

export function ActionsBoard(props: { actions: Action[]; onOpenAction: (id: number) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { snapshot, me, capabilities, locale, today } = usePlan();
  const [moving, setMoving] = useState<Moving | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<Rag | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusAfterMove, setFocusAfterMove] = useState<number | null>(null);
  const pending = useRef<Moving | null>(null);
  const { save, saving, error, clearError, conflictView } = useActionSave((saved) => {
    const move = pending.current;
    pending.current = null;
    setMoving(null);
    if (saved && move) {
      setAnnouncement(t("actionsView.moved", { number: saved.number, rag: t(`actionsView.ragShort.${saved.rag}`) }));
      setFocusAfterMove(saved.id);
    }
  });

  // After a move the card sits in another column: keyboard focus follows it.
  useEffect(() => {
    if (focusAfterMove === null) return;
    document.getElementById(`board-card-${focusAfterMove}`)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, props.actions]);

  const closed = isYearClosed(snapshot.objectives);
  const objectiveOf = (action: Action) => snapshot.objectives.find((o) => o.id === action.objectiveId);
  const movable = (action: Action) => canUpdate(action, me, capabilities, objectiveOf(action));
  const why = closed
    ? t("actionsView.whyClosed")
    : capabilities.editPlan
      ? t("actionsView.whyEditor")
      : snapshot.actions.some(movable)
        ? t("actionsView.whyLead")
        : t("actionsView.whyReader");

  function move(action: Action, rag: Rag) {
    if (rag === action.rag || !movable(action)) return;
    clearError();
    if (needsNote(rag)) {
      setMoving({ action, rag });
      return;
    }
    pending.current = { action, rag };
    void save(action, { kind: "progress", change: { rag, note: null } });
  }

  function dropOn(rag: Rag, event: DragEvent) {
    event.preventDefault();
    setOver(null);
    const id = dragging ?? Number(event.dataTransfer.getData("text/plain"));
    setDragging(null);
    const action = snapshot.actions.find((a) => a.id === id);
    if (action) move(action, rag);
  }

  return (
    <div className={styles.root}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{why}</MessageBarBody>
      </MessageBar>
      {error ? <ErrorMessage error={error} /> : null}
      <div role="status" className={styles.visuallyHidden}>
        {announcement}
      </div>
      <div className={styles.columns} role="group" aria-label={t("actionsView.boardLabel")}>
        {boardColumns(props.actions).map(({ rag, actions }) => (
          <section
            key={rag}
            aria-labelledby={`board-col-${rag}`}
            data-rag-column={rag}
            className={mergeClasses(styles.column, over === rag && styles.dropTarget)}
            onDragOver={(event) => {
              if (dragging === null) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = "move";
              if (over !== rag) setOver(rag);
            }}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
            }}
            onDrop={(event) => dropOn(rag, event)}
          >
            <h3 className={styles.columnHeading} id={`board-col-${rag}`}>
              <span className={mergeClasses(styles.swatch, styles[rag])} aria-hidden />
              {t("actionsView.column", { rag: t(`rag.${rag}`), n: actions.length })}
            </h3>
            {actions.length === 0 ? (
              <Text size={200} className={styles.meta}>
                {t("actionsView.columnEmpty")}
              </Text>
            ) : (
              <ul className={styles.list}>
                {actions.map((action) => {
                  const canMove = !closed && movable(action);
                  const leads = [
                    ...action.leads.map((p) => p.title),
                    ...(action.leadText ? [action.leadText] : []),
                  ].join(", ");
                  return (
                    <li key={action.id}>
                      <article
                        id={`board-card-${action.id}`}
                        tabIndex={-1}
                        aria-labelledby={`board-card-title-${action.id}`}
                        data-action-id={action.id}
                        data-movable={canMove ? "true" : "false"}
                        className={mergeClasses(styles.card, canMove && styles.movable)}
                        draggable={canMove}
                        onDragStart={
                          canMove
                            ? (event) => {
                                event.dataTransfer.setData("text/plain", String(action.id));
                                event.dataTransfer.effectAllowed = "move";
                                setDragging(action.id);
                              }
                            : undefined
                        }
                        onDragEnd={() => {
                          setDragging(null);
                          setOver(null);
                        }}
                      >
                        <div className={styles.cardHead}>
                          {canMove ? <ReOrderDotsVerticalRegular className={styles.grip} aria-hidden /> : null}
                          <h4 className={styles.title} id={`board-card-title-${action.id}`}>
                            <Link
                              as="button"
                              className={styles.titleLink}
                              onClick={() => props.onOpenAction(action.id)}
                            >
                              {t("action.numbered", { number: action.number, title: action.title })}
                            </Link>
                          </h4>
                        </div>
                        {leads ? (
                          <Text size={200} className={styles.meta}>
                            {t("actionsView.leads", { names: leads })}
                          </Text>
                        ) : null}
                        <Text size={200}>
                          {action.dueDate
                            ? t("action.dueOn", { date: formatDate(action.dueDate, locale) })
                            : t("action.noDueDate")}
                          {isOverdue(action, today) ? (
                            <span className={styles.overdue}> · {t("action.overdue")}</span>
                          ) : null}
                        </Text>
                        {canMove ? (
                          <div>
                            <Menu>
                              <MenuTrigger disableButtonEnhancement>
                                <Button
                                  size="small"
                                  icon={<ArrowMoveRegular />}
                                  aria-label={t("actionsView.moveFor", { number: action.number })}
                                  disabled={saving}
                                >
                                  {t("actionsView.move")}
                                </Button>
                              </MenuTrigger>
                              <MenuPopover>
                                <MenuList>
                                  {RAGS.filter((r) => r !== action.rag).map((r) => (
                                    <MenuItem key={r} onClick={() => move(action, r)}>
                                      {t("actionsView.moveTo", { rag: t(`actionsView.ragShort.${r}`) })}
                                      {needsNote(r) ? "…" : ""}
                                    </MenuItem>
                                  ))}
                                </MenuList>
                              </MenuPopover>
                            </Menu>
                          </div>
                        ) : null}
                      </article>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ))}
      </div>
      {moving ? (
        <MoveDialog
          key={`${moving.action.id}-${moving.rag}`}
          moving={moving}
          saving={saving}
          error={error}
          onCancel={() => {
            setMoving(null);
            clearError();
          }}
          onMove={(note) => {
            pending.current = moving;
            void save(moving.action, { kind: "progress", change: { rag: moving.rag, note } });
          }}
        />
      ) : null}
      {conflictView}
    </div>
  );
}

/** The note a move to Red or Blue needs, asked as the update form asks it. */
function MoveDialog(props: {
  moving: Moving;
  saving: boolean;
  error: unknown;
  onCancel: () => void;
  onMove: (note: string) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { action, rag } = props.moving;
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const problems = validateProgress({ rag, note });
  const noteProblem = problems.find((p) => p.field === "note" && p.code !== "tooLong");
  const label = rag === "Blue" ? t("update.noteBlue") : t("update.noteRed");

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0) return;
    props.onMove(note.trim());
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : props.onCancel())}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>
              {t("actionsView.moveTitle", { number: action.number, rag: t(`actionsView.ragShort.${rag}`) })}
            </DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{t("actionsView.moveBody", { number: action.number })}</Text>
              <Field
                label={label}
                required
                {...limitProps(t, label, note, LIMITS.note, {
                  message: tried && noteProblem ? t(`validation.${noteProblem.code}`) : undefined,
                })}
              >
                <Textarea value={note} onChange={(_, data) => setNote(data.value)} resize="vertical" />
              </Field>
              {props.error ? <ErrorMessage error={props.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={props.saving}>
                {props.saving ? t("common.saving") : t("actionsView.moveSave")}
              </Button>
              <Button onClick={props.onCancel} disabled={props.saving}>
                {t("common.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
