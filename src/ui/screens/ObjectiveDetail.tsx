// Objective detail: its numbered actions in a sortable, filterable table; a row opens the action panel.
import { useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Dropdown,
  Field,
  Link,
  Option,
  Text,
  Toolbar,
  createTableColumn,
  makeStyles,
  mergeClasses,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import {
  AddRegular,
  ArrowLeftRegular,
  DeleteRegular,
  EditRegular,
  LockClosedRegular,
  NumberSymbolRegular,
} from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import {
  type Action,
  type IndicatorNumber,
  INDICATOR_NUMBERS,
  RAGS,
  compareNumbers,
  capabilitiesWithin,
  isClosed,
  isOverdue,
  isYearClosed,
  rollUpRag,
} from "../../plan";
import { formatDate } from "../../i18n";
import { RagBadge } from "../components/RagBadge";
import { RagDropdown } from "../components/RagDropdown";
import { actionsOf, filterActions, leadOptions, NO_FILTER, type ActionFilter } from "../state/planView";
import { usePlan } from "../state/PlanContext";
import { useNarrow } from "../state/useNarrow";

const useStyles = makeStyles({
  // "2.10" needs about four digits' room, not a share of the row like the title's.
  numberColumn: { flexGrow: 0, flexShrink: 0, flexBasis: "64px", minWidth: "64px", maxWidth: "64px" },
  root: { display: "grid", gap: tokens.spacingVerticalM },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  filter: { minWidth: "160px", maxWidth: "100%" },
  dropdown: { minWidth: "160px", maxWidth: "100%" },
  overdue: { color: tokens.colorPaletteRedForeground1, display: "block" },
  tableWrap: { overflowX: "auto" },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  // Only the action's link opens it, so the row does not light up on hover (Fluent's hover colour
  // also leaves links below AA contrast in the dark and high-contrast themes).
  row: { ":hover": { backgroundColor: "transparent" }, ":active": { backgroundColor: "transparent" } },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  item: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemLink: { textAlign: "start" },
  closed: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    color: tokens.colorNeutralForeground2,
  },
  itemMeta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function ObjectiveDetail(props: {
  objectiveId: number;
  onBack: () => void;
  onOpenAction: (id: number) => void;
  onEditObjective: () => void;
  onDeleteObjective: () => void;
  onAddAction: () => void;
  onRenumber: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const narrow = useNarrow();
  const { snapshot, today, locale, capabilities: siteCapabilities } = usePlan();
  const [filter, setFilter] = useState<ActionFilter>(NO_FILTER);
  const objective = snapshot.objectives.find((o) => o.id === props.objectiveId);
  // Nobody edits a closed objective, whatever SharePoint allows.
  const capabilities = capabilitiesWithin(objective, siteCapabilities);
  const actions = useMemo(() => actionsOf(snapshot, props.objectiveId), [snapshot, props.objectiveId]);
  const leads = leadOptions(actions);
  const shown = filterActions(actions, filter, today);

  const columns: TableColumnDefinition<Action>[] = useMemo(() => {
    const all: (TableColumnDefinition<Action> | null)[] = [
      createTableColumn<Action>({
        columnId: "number",
        compare: (a, b) => compareNumbers(a.number, b.number),
        renderHeaderCell: () => t("table.number"),
        renderCell: (a) => a.number,
      }),
      createTableColumn<Action>({
        columnId: "title",
        compare: (a, b) => a.title.localeCompare(b.title),
        renderHeaderCell: () => t("table.action"),
        renderCell: (a) => (
          <Link as="button" onClick={() => props.onOpenAction(a.id)} data-action-id={a.id}>
            {a.title}
          </Link>
        ),
      }),
      narrow
        ? null
        : createTableColumn<Action>({
            columnId: "leads",
            compare: (a, b) =>
              (a.leads[0]?.title ?? a.leadText ?? "").localeCompare(b.leads[0]?.title ?? b.leadText ?? ""),
            renderHeaderCell: () => t("table.leads"),
            renderCell: (a) => [...a.leads.map((p) => p.title), ...(a.leadText ? [a.leadText] : [])].join(", "),
          }),
      createTableColumn<Action>({
        columnId: "due",
        compare: (a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"),
        renderHeaderCell: () => t("table.due"),
        renderCell: (a) => (
          <span>
            {formatDate(a.dueDate, locale)}
            {isOverdue(a, today) ? (
              <Text size={200} className={styles.overdue}>
                {t("action.overdue")}
              </Text>
            ) : null}
          </span>
        ),
      }),
      createTableColumn<Action>({
        columnId: "rag",
        compare: (a, b) => RAGS.indexOf(a.rag) - RAGS.indexOf(b.rag),
        renderHeaderCell: () => t("table.rag"),
        renderCell: (a) => <RagBadge rag={a.rag} />,
      }),
      narrow
        ? null
        : createTableColumn<Action>({
            columnId: "updated",
            compare: (a, b) =>
              (snapshot.lastUpdates[a.id]?.date ?? a.modified).localeCompare(
                snapshot.lastUpdates[b.id]?.date ?? b.modified,
              ),
            renderHeaderCell: () => t("table.lastUpdate"),
            renderCell: (a) => formatDate(snapshot.lastUpdates[a.id]?.date ?? a.modified, locale),
          }),
    ];
    return all.filter((c): c is TableColumnDefinition<Action> => c !== null);
  }, [t, narrow, locale, today, snapshot.lastUpdates, styles.overdue, props]);

  if (!objective) {
    return (
      <div className={styles.root}>
        <Button icon={<ArrowLeftRegular />} onClick={props.onBack}>
          {t("common.back")}
        </Button>
        <Text>{t("objective.gone")}</Text>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <Button icon={<ArrowLeftRegular />} onClick={props.onBack}>
          {t("nav.backToOverview")}
        </Button>
      </div>
      <div className={styles.head}>
        <h2 className={styles.heading}>
          {t("objective.numbered", { number: objective.number, title: objective.title })}
        </h2>
        <RagBadge rag={rollUpRag(objective, actions)} />
      </div>
      {objective.description ? <Text>{objective.description}</Text> : null}
      {isClosed(objective) && !isYearClosed(snapshot.objectives) ? (
        // A whole closed year says so at the top of the tab; a single closed objective says so here.
        <Text className={styles.closed}>
          <LockClosedRegular aria-hidden /> {t("closedYear.objective")}
        </Text>
      ) : null}
      {capabilities.editPlan ? (
        <Toolbar aria-label={t("objective.toolbar")} style={{ flexWrap: "wrap", padding: 0 }}>
          <Button appearance="primary" icon={<AddRegular />} onClick={props.onAddAction}>
            {t("action.add")}
          </Button>
          <Button icon={<EditRegular />} onClick={props.onEditObjective}>
            {t("objective.edit")}
          </Button>
          <Button icon={<NumberSymbolRegular />} onClick={props.onRenumber} disabled={actions.length === 0}>
            {t("objective.renumber")}
          </Button>
          <Button icon={<DeleteRegular />} onClick={props.onDeleteObjective}>
            {t("objective.delete")}
          </Button>
        </Toolbar>
      ) : null}
      <div className={styles.filters} role="group" aria-label={t("filter.label")}>
        <Field label={t("filter.lead")} className={styles.filter}>
          <Dropdown
            className={styles.dropdown}
            value={filter.lead === null ? t("filter.all") : (leads.find((l) => l.key === filter.lead)?.label ?? "")}
            selectedOptions={[filter.lead ?? "all"]}
            onOptionSelect={(_, data) =>
              setFilter({
                ...filter,
                lead: data.optionValue === "all" || data.optionValue === undefined ? null : data.optionValue,
              })
            }
          >
            <Option value="all">{t("filter.all")}</Option>
            {leads.map((l) => (
              <Option key={l.key} value={l.key}>
                {l.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("filter.rag")} className={styles.filter}>
          <RagDropdown
            className={styles.dropdown}
            value={filter.rag}
            onChange={(rag) => setFilter({ ...filter, rag })}
            none={t("filter.all")}
          />
        </Field>
        <Field label={t("filter.indicator")} className={styles.filter}>
          <Dropdown
            className={styles.dropdown}
            value={filter.indicator ? t("indicator.short", { n: filter.indicator }) : t("filter.all")}
            selectedOptions={[String(filter.indicator ?? "all")]}
            onOptionSelect={(_, data) =>
              setFilter({
                ...filter,
                indicator: data.optionValue === "all" ? null : (Number(data.optionValue) as IndicatorNumber),
              })
            }
          >
            <Option value="all">{t("filter.all")}</Option>
            {INDICATOR_NUMBERS.map((n) => (
              <Option key={n} value={String(n)}>
                {t("indicator.short", { n })}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Checkbox
          label={t("filter.overdueOnly")}
          checked={filter.overdueOnly}
          onChange={(_, data) => setFilter({ ...filter, overdueOnly: Boolean(data.checked) })}
        />
      </div>
      <Text role="status" aria-live="polite" size={200}>
        {t("filter.showing", { shown: shown.length, total: actions.length })}
      </Text>
      {actions.length === 0 ? (
        <Text>{t("objective.noActions")}</Text>
      ) : narrow ? (
        // The side panel (320 px) has no room for a table: one line per action, in number order.
        <ul className={styles.list} aria-label={t("table.label", { number: objective.number })}>
          {shown.map((a) => (
            <li key={a.id} className={styles.item}>
              <Link
                as="button"
                className={styles.itemLink}
                onClick={() => props.onOpenAction(a.id)}
                data-action-id={a.id}
              >
                {t("action.numbered", { number: a.number, title: a.title })}
              </Link>
              <span className={styles.itemMeta}>
                <RagBadge rag={a.rag} />
                <Text size={200}>
                  {a.dueDate ? t("action.dueOn", { date: formatDate(a.dueDate, locale) }) : t("action.noDueDate")}
                </Text>
                {isOverdue(a, today) ? (
                  <Text size={200} className={styles.overdue}>
                    {t("action.overdue")}
                  </Text>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <div className={styles.tableWrap}>
          <DataGrid
            items={shown}
            columns={columns}
            sortable
            defaultSortState={{ sortColumn: "number", sortDirection: "ascending" }}
            getRowId={(a: Action) => a.id}
            aria-label={t("table.label", { number: objective.number })}
            size={narrow ? "small" : "medium"}
          >
            <DataGridHeader>
              <DataGridRow>
                {({ renderHeaderCell, columnId }) => (
                  <DataGridHeaderCell className={columnId === "number" ? styles.numberColumn : undefined}>
                    {renderHeaderCell()}
                  </DataGridHeaderCell>
                )}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<Action>>
              {({ item, rowId }) => (
                <DataGridRow<Action> key={rowId} className={styles.row}>
                  {({ renderCell, columnId }) => (
                    <DataGridCell
                      className={columnId === "number" ? mergeClasses(styles.cell, styles.numberColumn) : styles.cell}
                    >
                      {renderCell(item)}
                    </DataGridCell>
                  )}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
        </div>
      )}
    </div>
  );
}
