// The plan-wide Actions view: every action of the plan year, found by search and filters, sorted and
// grouped, as a list or as a board by RAG. The whole view lives in the address (actionsAddress.ts),
// so a copied link or a bookmark opens the same view; the rules are in actionsView.ts, this is the shell.
// One file because the filters, the count and the list are used only here and all read and write the one view
// the address holds.
import { useEffect, useMemo, useState, type ReactNode } from "react";
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Link,
  OverlayDrawer,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Option,
  SearchBox,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AppsListRegular, BoardRegular, DismissRegular, FilterRegular, LinkRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { compareNumbers, INDICATOR_NUMBERS, isOverdue, type Action, type IndicatorNumber } from "../../plan";
import { formatDate } from "../../i18n";
import { DateField } from "../components/DateInput";
import { RagBadge } from "../components/RagBadge";
import { RagDropdown } from "../components/RagDropdown";
import { actionsViewHref, readActionsView } from "../state/actionsAddress";
import { replaceAddress } from "../state/address";
import {
  activeFilterCount,
  clearFilters,
  GROUPS,
  groupActions,
  SORTS,
  viewActions,
  type ActionGroupOf,
  type ActionsGroup,
  type ActionsSort,
  type ActionsView,
} from "../state/actionsView";
import { leadOptions } from "../state/planView";
import { usePlan } from "../state/PlanContext";
import { useNarrow } from "../state/useNarrow";
import { copyViewLink } from "../state/viewLink";
import { ActionsBoard } from "./ActionsBoard";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  search: { flexGrow: 1, minWidth: "200px", maxWidth: "480px" },
  searchBox: { width: "100%", maxWidth: "100%" },
  switch: { display: "flex", gap: tokens.spacingHorizontalXS },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  drawerFilters: { display: "grid", gap: tokens.spacingVerticalM },
  filter: { minWidth: "160px", maxWidth: "100%" },
  dropdown: { minWidth: "160px", maxWidth: "100%" },
  status: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  empty: { display: "grid", gap: tokens.spacingVerticalS, justifyItems: "start" },
  groupHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  group: { display: "grid", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid" },
  item: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  itemHead: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    justifyContent: "space-between",
    flexWrap: "wrap",
  },
  itemTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  itemLink: { textAlign: "start" },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Keeps the view in the address as it changes (replacing the entry: each keystroke is not a page to go back to). */
function useAddressView(): [ActionsView, (view: ActionsView) => void] {
  const [view, setView] = useState<ActionsView>(() => readActionsView(location.search));
  useEffect(() => {
    replaceAddress(actionsViewHref(location.href, view));
  }, [view]);
  return [view, setView];
}

export function ActionsScreen(props: { onOpenAction: (id: number) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const narrow = useNarrow();
  const { snapshot, today } = usePlan();
  const [view, setView] = useAddressView();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [linkMessage, setLinkMessage] = useState("");
  const shown = useMemo(() => viewActions(snapshot, view, today), [snapshot, view, today]);
  const total = snapshot.actions.length;
  const filterCount = activeFilterCount(view);
  const update = (patch: Partial<ActionsView>) => setView({ ...view, ...patch });

  async function copy() {
    const result = await copyViewLink(view, t("actionsView.linkLabel"));
    setLinkMessage(result === "failed" ? t("link.failed") : result === "shared" ? t("link.shared") : t("link.copied"));
  }

  const filters = <Filters view={view} update={update} stacked={narrow} />;

  return (
    <section className={styles.root} aria-labelledby="actions-view-heading">
      <h2 id="actions-view-heading" className={styles.heading}>
        {t("actionsView.heading")}
      </h2>
      <div className={styles.bar}>
        <Field label={t("actionsView.search")} hint={t("actionsView.searchHint")} className={styles.search}>
          <SearchBox
            className={styles.searchBox}
            value={view.query}
            onChange={(_, data) => update({ query: data.value })}
          />
        </Field>
        <div className={styles.switch} role="group" aria-label={t("actionsView.layout")}>
          <ToggleButton
            icon={<AppsListRegular />}
            checked={view.layout === "list"}
            onClick={() => update({ layout: "list" })}
          >
            {t("actionsView.list")}
          </ToggleButton>
          <ToggleButton
            icon={<BoardRegular />}
            checked={view.layout === "board"}
            onClick={() => update({ layout: "board" })}
          >
            {t("actionsView.board")}
          </ToggleButton>
        </div>
        {narrow ? (
          <Button icon={<FilterRegular />} onClick={() => setDrawerOpen(true)} aria-expanded={drawerOpen}>
            {filterCount > 0 ? t("actionsView.filtersCount", { n: filterCount }) : t("actionsView.filters")}
          </Button>
        ) : null}
        <Button icon={<LinkRegular />} onClick={() => void copy()}>
          {t("actionsView.copyLink")}
        </Button>
      </div>
      {narrow ? (
        <OverlayDrawer
          open={drawerOpen}
          position="start"
          size="full"
          onOpenChange={(_, data) => setDrawerOpen(data.open)}
          aria-labelledby="actions-filters-title"
        >
          <DrawerHeader>
            <DrawerHeaderTitle
              heading={{ id: "actions-filters-title", as: "h2" }}
              action={
                <Button
                  appearance="subtle"
                  aria-label={t("common.close")}
                  icon={<DismissRegular />}
                  onClick={() => setDrawerOpen(false)}
                />
              }
            >
              {t("actionsView.filtersLabel")}
            </DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody>
            {filters}
            <ShownCount shown={shown.length} total={total} />
          </DrawerBody>
        </OverlayDrawer>
      ) : (
        filters
      )}
      <div className={styles.status}>
        <ShownCount shown={shown.length} total={total} live />
        {filterCount > 0 && shown.length > 0 ? (
          <Link as="button" onClick={() => setView(clearFilters(view))}>
            {t("actionsView.clear")}
          </Link>
        ) : null}
        <span role="status">{linkMessage}</span>
      </div>
      {shown.length === 0 ? (
        <div className={styles.empty}>
          <Text>{t("actionsView.none")}</Text>
          {filterCount > 0 ? (
            <Button onClick={() => setView(clearFilters(view))}>{t("actionsView.clear")}</Button>
          ) : null}
        </div>
      ) : view.layout === "board" ? (
        <ActionsBoard actions={shown} onOpenAction={props.onOpenAction} />
      ) : (
        <ActionList actions={shown} group={view.group} onOpenAction={props.onOpenAction} />
      )}
    </section>
  );
}

function ShownCount(props: { shown: number; total: number; live?: boolean }) {
  const { t } = useTranslation();
  // The count is announced as it changes (polite: after what the person is typing).
  return (
    <Text
      weight="semibold"
      {...(props.live ? { role: "status", "aria-live": "polite" as const, "aria-atomic": true } : {})}
    >
      {t("actionsView.showing", { shown: props.shown, total: props.total })}
    </Text>
  );
}

function Filters(props: { view: ActionsView; update: (patch: Partial<ActionsView>) => void; stacked: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { snapshot } = usePlan();
  const { view, update } = props;
  const leads = useMemo(() => leadOptions(snapshot.actions), [snapshot.actions]);
  const groupKeys = useMemo(
    () => new Set(snapshot.actions.flatMap((a) => a.leads.filter((p) => p.isGroup).map((p) => `person:${p.id}`))),
    [snapshot.actions],
  );
  const objectives = useMemo(
    () => [...snapshot.objectives].sort((a, b) => compareNumbers(a.number, b.number)),
    [snapshot.objectives],
  );
  const chosen = (labels: string[]) => (labels.length ? labels.join(", ") : t("actionsView.any"));
  const sortLabel: Record<ActionsSort, string> = {
    number: t("actionsView.sortNumber"),
    due: t("actionsView.sortDue"),
    rag: t("actionsView.sortRag"),
    changed: t("actionsView.sortChanged"),
  };
  const groupLabel: Record<ActionsGroup, string> = {
    none: t("actionsView.groupNone"),
    objective: t("actionsView.groupObjective"),
    rag: t("actionsView.groupRag"),
    lead: t("actionsView.groupLead"),
    indicator: t("actionsView.groupIndicator"),
  };

  return (
    <div
      className={props.stacked ? styles.drawerFilters : styles.filters}
      role="group"
      aria-label={t("actionsView.filtersLabel")}
    >
      <Field label={t("actionsView.rag")} className={styles.filter}>
        <RagDropdown
          multiselect
          className={styles.dropdown}
          values={view.rags}
          onChange={(rags) => update({ rags })}
          summary={chosen(view.rags.map((r) => t(`actionsView.ragShort.${r}`)))}
        />
      </Field>
      <Field label={t("actionsView.lead")} className={styles.filter}>
        <Dropdown
          multiselect
          className={styles.dropdown}
          value={chosen(view.leads.map((key) => leads.find((l) => l.key === key)?.label ?? key.replace(/^role:/, "")))}
          selectedOptions={view.leads}
          onOptionSelect={(_, data) => update({ leads: data.selectedOptions })}
        >
          {leads.map((lead) => (
            <Option key={lead.key} value={lead.key} text={lead.label}>
              {groupKeys.has(lead.key) ? `${lead.label} (${t("actionsView.group")})` : lead.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("actionsView.indicator")} className={styles.filter}>
        <Dropdown
          multiselect
          className={styles.dropdown}
          value={chosen(view.indicators.map((n) => t("indicator.short", { n })))}
          selectedOptions={view.indicators.map(String)}
          onOptionSelect={(_, data) =>
            update({
              indicators: INDICATOR_NUMBERS.filter((n) =>
                data.selectedOptions.includes(String(n)),
              ) as IndicatorNumber[],
            })
          }
        >
          {INDICATOR_NUMBERS.map((n) => (
            <Option key={n} value={String(n)}>
              {t("indicator.short", { n })}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("actionsView.objective")} className={styles.filter}>
        <Dropdown
          multiselect
          className={styles.dropdown}
          value={chosen(
            view.objectives.map((id) => snapshot.objectives.find((o) => o.id === id)?.number ?? String(id)),
          )}
          selectedOptions={view.objectives.map(String)}
          onOptionSelect={(_, data) =>
            update({
              objectives: objectives.filter((o) => data.selectedOptions.includes(String(o.id))).map((o) => o.id),
            })
          }
        >
          {objectives.map((o) => (
            <Option
              key={o.id}
              value={String(o.id)}
              text={t("objective.numbered", { number: o.number, title: o.title })}
            >
              {t("objective.numbered", { number: o.number, title: o.title })}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <DateField
        label={t("actionsView.dueBy")}
        value={view.dueBy ?? ""}
        onChange={(iso) => update({ dueBy: iso || null })}
        className={styles.filter}
      />
      <Checkbox
        label={t("actionsView.overdue")}
        checked={view.overdue}
        onChange={(_, data) => update({ overdue: Boolean(data.checked) })}
      />
      <Field label={t("actionsView.sort")} className={styles.filter}>
        <Dropdown
          className={styles.dropdown}
          value={sortLabel[view.sort]}
          selectedOptions={[view.sort]}
          onOptionSelect={(_, data) => update({ sort: (data.optionValue as ActionsSort | undefined) ?? view.sort })}
        >
          {SORTS.map((s) => (
            <Option key={s} value={s}>
              {sortLabel[s]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {view.layout === "list" ? (
        <Field label={t("actionsView.groupBy")} className={styles.filter}>
          <Dropdown
            className={styles.dropdown}
            value={groupLabel[view.group]}
            selectedOptions={[view.group]}
            onOptionSelect={(_, data) =>
              update({ group: (data.optionValue as ActionsGroup | undefined) ?? view.group })
            }
          >
            {GROUPS.map((g) => (
              <Option key={g} value={g}>
                {groupLabel[g]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
    </div>
  );
}

function ActionList(props: { actions: Action[]; group: ActionsGroup; onOpenAction: (id: number) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { snapshot } = usePlan();
  const groups = groupActions(props.actions, props.group, snapshot.objectives);
  const title = (group: ActionGroupOf): string => {
    const label = group.label;
    switch (label.kind) {
      case "objective":
        return label.objective
          ? t("objective.numbered", { number: label.objective.number, title: label.objective.title })
          : t("actionsView.objectiveGone");
      case "rag":
        return t(`rag.${label.rag}`);
      case "lead":
        return label.name;
      case "noLead":
        return t("actionsView.noLead");
      case "indicator":
        return t("indicator.short", { n: label.indicator });
      case "noIndicator":
        return t("actionsView.noIndicator");
      default:
        return "";
    }
  };
  if (props.group === "none")
    return <ActionItems actions={props.actions} heading="h3" onOpenAction={props.onOpenAction} />;
  return (
    <>
      {groups.map((group) => (
        <section key={group.key} className={styles.group} aria-labelledby={`actions-group-${group.key}`}>
          <h3 className={styles.groupHeading} id={`actions-group-${group.key}`}>
            {t("actionsView.groupHeading", { label: title(group), n: group.actions.length })}
          </h3>
          <ActionItems actions={group.actions} heading="h4" onOpenAction={props.onOpenAction} />
        </section>
      ))}
    </>
  );
}

function ActionItems(props: {
  actions: Action[];
  heading: "h3" | "h4";
  onOpenAction: (id: number) => void;
}): ReactNode {
  const Heading = props.heading;
  const { t } = useTranslation();
  const styles = useStyles();
  const { snapshot, locale, today } = usePlan();
  return (
    <ul className={styles.list}>
      {props.actions.map((action) => {
        const objective = snapshot.objectives.find((o) => o.id === action.objectiveId);
        const leads = [...action.leads.map((p) => p.title), ...(action.leadText ? [action.leadText] : [])].join(", ");
        return (
          <li key={action.id} className={styles.item} data-action-id={action.id}>
            <div className={styles.itemHead}>
              <Heading className={styles.itemTitle}>
                <Link as="button" className={styles.itemLink} onClick={() => props.onOpenAction(action.id)}>
                  {t("action.numbered", { number: action.number, title: action.title })}
                </Link>
              </Heading>
              <RagBadge rag={action.rag} />
            </div>
            <Text size={200} className={styles.meta}>
              {objective ? <span>{t("actionsView.inObjective", { number: objective.number })}</span> : null}
              {leads ? <span>{t("actionsView.leads", { names: leads })}</span> : null}
              <span>
                {action.dueDate
                  ? t("action.dueOn", { date: formatDate(action.dueDate, locale) })
                  : t("action.noDueDate")}
                {isOverdue(action, today) ? <span className={styles.overdue}> · {t("action.overdue")}</span> : null}
              </span>
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
