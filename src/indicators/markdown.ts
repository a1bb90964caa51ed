// renderMarkdown: the readable report. It renders only a publishable copy: a document not yet
// suppressed is suppressed first with the default threshold. Strings come from messages.ts.
import { AFC_BANDS, MEDICAL_SUBGROUPS, type AfcBand } from "./input";
import type {
  BoardDifference,
  BoardResult,
  Caution,
  Counts,
  Fraction,
  IndicatorResult,
  NotCalculableReason,
  RelativeLikelihoodResult,
  RepresentationResult,
  ResultsDocument,
  SuppressionMark,
  SurveyResult,
} from "./types";
import { suppressResults } from "./suppress";
import { cautionNote, EN_GB, englishNote, reasonNote, t as translate } from "./messages";
import { HIDDEN_MARK, formatCount, formatPercent, formatPoints, formatRatio } from "./format";
import { capitalise } from "./groups";
import { breakdownsSection } from "./breakdown-markdown";
import { table } from "./markdown-table";

type Rec = Record<string, unknown> & { suppressed?: Partial<Record<string, SuppressionMark>> };

export function renderMarkdown<R extends string, F extends string>(
  doc: ResultsDocument<R, F>,
  locale?: string,
): string {
  // Only English is written so far; every string is a key in messages.ts, ready for other catalogues.
  void locale;
  const catalogue = EN_GB;
  const t = (key: string, params?: Record<string, string | number>) => translate(key, params, catalogue);
  const shown = doc.suppression ? doc : suppressResults(doc);
  const threshold = shown.suppression!.threshold;
  const { reference, focus } = shown.groups;
  const label = (group: string) => (`group.${group}` in catalogue ? t(`group.${group}`) : group);
  const refLabel = label(reference);
  const focusLabel = label(focus);
  const count = (obj: Rec, field: string) => formatCount(obj[field] as number | null, obj.suppressed?.[field]);
  const pct = (obj: Rec, field: string) =>
    formatPercent(obj[field] as number | null, obj.suppressed?.[field] !== undefined);
  const countPct = (c: Counts<R, F>, field: string) => {
    const obj = c as unknown as Rec;
    const p = pct(obj, `${field}Pct`);
    return p === "n/a" ? count(obj, field) : `${count(obj, field)} (${p})`;
  };
  const countsRow = (name: string, c: Counts<R, F>) => [
    name,
    countPct(c, reference),
    countPct(c, focus),
    countPct(c, "unknown"),
    count(c as unknown as Rec, "total"),
  ];
  const countsHead = (first: string) => [first, refLabel, focusLabel, t("group.unknown"), t("table.total")];
  const bandName = (b: string) => (b === "VSM" ? t("band.VSM") : t("band.n", { band: b }));
  const title = (id: string) =>
    `${shown.standard}.${id}` in catalogue ? t(`${shown.standard}.${id}`) : t("indicator.fallback", { id });
  const reasonText = (reason: NotCalculableReason, group: string | null) =>
    englishNote(reasonNote(reason, group), label);
  const cautions = (cs: Caution[]) => cs.map((c) => `> ${englishNote(cautionNote(c), label)}`);

  const out: string[] = [];
  out.push(
    `# ${t("report.title", { standard: shown.standard in catalogue ? t(shown.standard) : shown.standard })}`,
    "",
  );
  out.push(
    `- ${t("report.organisation")}: ${shown.organisation ?? t("report.notGiven")}`,
    `- ${t("report.period")}: ${shown.period ?? t("report.notGiven")}`,
    `- ${t("report.snapshot")}: ${shown.snapshotDate ?? t("report.notGiven")}`,
    "",
    `**${t("report.audience")}**`,
    "",
    t("report.suppression", { threshold }),
    t("report.rounding"),
    "",
  );

  const ids = Object.keys(shown.indicators).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (ids.length === 0) out.push(t("report.noIndicators"), "");
  for (const id of ids) {
    const result = shown.indicators[id] as IndicatorResult<R, F>;
    out.push(`## ${title(id)}`, "");
    if (result.kind === "representation") out.push(...representation(result));
    else if (result.kind === "relative-likelihood") out.push(...likelihood(result));
    else if (result.kind === "survey") out.push(...survey(result));
    else out.push(...board(result));
  }

  function representation(r: RepresentationResult<R, F>): string[] {
    const lines: string[] = [table(countsHead(t("table.group")), [countsRow(t("cohort.overall"), r.overall)]), ""];
    const bandTable = (key: string, rows: Partial<Record<AfcBand, Counts<R, F>>>) => {
      // Bands nobody is in are left out of the report (the JSON keeps them).
      const present = AFC_BANDS.filter((b) => rows[b] && rows[b].total !== 0);
      if (present.length === 0) return;
      lines.push(
        `### ${t(`cohort.${key}`)}`,
        "",
        table(
          countsHead(t("table.band")),
          present.map((b) => countsRow(bandName(b), rows[b]!)),
        ),
        "",
      );
    };
    bandTable("non-clinical", r.cohorts["non-clinical"]);
    bandTable("clinical", r.cohorts.clinical);
    const med = MEDICAL_SUBGROUPS.filter((m) => r.cohorts.medical[m] && r.cohorts.medical[m].total !== 0);
    if (med.length > 0) {
      const rows = med.map((m) => countsRow(t(`medical.${m}`), r.cohorts.medical[m]!));
      if (r.seniorMedicalManagers && r.seniorMedicalManagers.total !== 0)
        rows.push(countsRow(t("senior.smm"), r.seniorMedicalManagers));
      lines.push(`### ${t("cohort.medical")}`, "", table(countsHead(t("table.subgroup")), rows), "");
    }
    const unbanded = Object.entries(r.unbanded) as [string, Counts<R, F>][];
    if (unbanded.length > 0)
      lines.push(
        `### ${t("cohort.unbanded")}`,
        "",
        table(
          countsHead(t("table.cohort")),
          unbanded.map(([k, c]) => countsRow(t(`cohort.${k}`), c)),
        ),
        "",
      );
    lines.push(
      `### ${t("cohort.senior")}`,
      "",
      table(countsHead(t("table.band")), [
        countsRow(t("senior.8a-VSM"), r.senior["8a-VSM"]),
        countsRow(t("senior.8c-VSM"), r.senior["8c-VSM"]),
      ]),
      "",
    );
    const bd = r.breakdown;
    if (bd) {
      const row = (name: string, c: Rec) => [name, ...bd.categories.map((k) => count(c, k))];
      const rows = [row(t("cohort.overall"), bd.overall as Rec)];
      for (const b of AFC_BANDS) {
        const c = bd.bands[b] as Rec | undefined;
        if (c && r.bands[b]?.total !== 0) rows.push(row(bandName(b), c));
      }
      rows.push(row(t("senior.8a-VSM"), bd.senior as Rec));
      lines.push(
        `### ${t("breakdown.title")}`,
        "",
        t("breakdown.note"),
        "",
        table([t("table.group"), ...bd.categories.map(label)], rows),
        "",
      );
    }
    return lines;
  }

  function likelihood(r: RelativeLikelihoodResult<R, F>): string[] {
    const rec = r as unknown as Record<string, Fraction>;
    const fr = (side: string) => rec[side]!;
    const ofKey = r.measure === "cases" && r.basis === "two-year-pooled" ? "rl.of.cases.pooled" : `rl.of.${r.measure}`;
    const rows = [
      [t(`rl.count.${r.measure}`), ...[reference, focus].map((s) => formatCount(fr(s).count, fr(s).suppressed?.count))],
      [t(ofKey), ...[reference, focus].map((s) => formatCount(fr(s).of, fr(s).suppressed?.of))],
      [
        t("rl.rate"),
        ...[reference, focus].map((s) =>
          formatPercent(fr(s).rate === null ? null : fr(s).rate! * 100, fr(s).suppressed?.rate !== undefined),
        ),
      ],
    ];
    const lines = [table(["", refLabel, focusLabel], rows), ""];
    const band = { low: r.adverseBand.low.toFixed(2), high: r.adverseBand.high.toFixed(2) };
    if (r.value !== null && r.ci95) {
      lines.push(
        t("rl.value", { value: formatRatio(r.value), lo: formatRatio(r.ci95[0]), hi: formatRatio(r.ci95[1]) }),
        "",
      );
      lines.push(
        `- ${t(r.adverse ? "rl.adverse" : "rl.nonAdverse", band)}`,
        `- ${t(r.significant ? "rl.significant" : "rl.notSignificant")}`,
      );
    } else {
      const reason = reasonText(r.reason ?? "missing-input", r.reasonGroup);
      // Hidden is not the same as not calculable: the figure exists (in the exact results) and is marked as hidden.
      lines.push(
        r.reason === "below-threshold"
          ? t("rl.hidden", { mark: HIDDEN_MARK, reason })
          : t("rl.notCalculable", { reason }),
      );
    }
    if (r.years.length > 0) lines.push(`- ${t("rl.years", { years: r.years.join(", ") })}`);
    lines.push("");
    const c = cautions(r.cautions);
    if (c.length > 0) lines.push(...c, "");
    lines.push(`*${t("method.title")}:* ${r.method}`, "");
    return lines;
  }

  function survey(s: SurveyResult<R, F>): string[] {
    const rec = s as unknown as Rec;
    const rows = [
      ["%", pct(rec, `${reference}Pct`), pct(rec, `${focus}Pct`), formatPoints(s.gap)],
      [t("survey.respondents"), count(rec, `${reference}Respondents`), count(rec, `${focus}Respondents`), ""],
    ];
    const lines = [
      table(["", refLabel, focusLabel, t("survey.gap", { focus: focusLabel, reference: refLabel })], rows),
      "",
    ];
    lines.push(
      `${s.year !== null ? t("survey.year", { year: s.year }) + " " : ""}${t(`direction.${s.direction}`)}`,
      "",
    );
    const c = cautions(s.cautions);
    if (c.length > 0) lines.push(...c, "");
    return lines;
  }

  function board(b: BoardResult<R, F>): string[] {
    const F = capitalise(focus);
    const row = (name: string, d: BoardDifference<R, F>) => {
      const rec = d as unknown as Rec;
      const m = d.members as unknown as Rec;
      return [
        name,
        pct(rec, `board${F}Pct`),
        pct(rec, `workforce${F}Pct`),
        d.difference !== null
          ? formatPoints(d.difference)
          : d.reason === "below-threshold"
            ? HIDDEN_MARK // from a hidden count: the preamble says why
            : d.reason
              ? reasonText(d.reason, null)
              : "n/a",
        `${count(m, reference)} / ${count(m, focus)} / ${count(m, "unknown")}`,
      ];
    };
    const c = cautions([...new Set([...(b.voting.cautions ?? []), ...(b.executive.cautions ?? [])])]);
    return [
      table(
        [
          t("board.membership"),
          t("board.boardPct", { focus: focusLabel }),
          t("board.workforcePct", { focus: focusLabel }),
          t("board.difference"),
          t("board.members", { reference: refLabel, focus: focusLabel }),
        ],
        [row(t("board.voting"), b.voting), row(t("board.executive"), b.executive)],
      ),
      "",
      t("board.note", { focus: focusLabel }),
      "",
      t(shown.suppression?.publishBoardComposition === false ? "board.protected" : "board.published"),
      "",
      ...(c.length > 0 ? [...c, ""] : []),
    ];
  }

  const { modelEmployer: me, raceDisparity: rd } = shown.related;
  if (me || rd) out.push(`## ${t("related.title")}`, "", t("related.note"), "");
  if (me) {
    out.push(
      `### ${t("me.title")}`,
      "",
      t("me.note", { focus: focusLabel, target: formatPercent(me.targetPct), year: me.targetYear }),
      "",
    );
    out.push(
      table(
        [
          t("table.band"),
          t("me.headcount"),
          focusLabel,
          t("me.pct", { focus: focusLabel }),
          t("me.target"),
          t("me.gap"),
          t("me.needed"),
          t("me.perYear"),
        ],
        me.bands.map((b) => {
          const rec = b as unknown as Rec;
          return [
            bandName(b.band),
            count(rec, "headcount"),
            count(rec, "focus"),
            pct(rec, "focusPct"),
            formatPercent(b.targetPct),
            rec.suppressed?.gapPct ? HIDDEN_MARK : formatPoints(b.gapPct),
            rec.suppressed?.needed ? HIDDEN_MARK : formatCount(b.needed),
            rec.suppressed?.neededPerYear ? HIDDEN_MARK : b.neededPerYear === null ? "n/a" : b.neededPerYear.toFixed(1),
          ];
        }),
      ),
      "",
    );
  }
  if (rd) {
    out.push(`### ${t("rdr.title")}`, "", t("rdr.note", { reference: refLabel, focus: focusLabel }), "");
    // A hidden ratio is marked in its cell and the reason given once, under the table.
    const hidden = rd.ratios.filter((r) => r.value === null && r.reason === "below-threshold");
    out.push(
      table(
        ["", t("rdr.ratio")],
        rd.ratios.map((r) => [
          t("rdr.pair", { from: t(`tier.${r.from}`), to: t(`tier.${r.to}`) }),
          hidden.includes(r)
            ? HIDDEN_MARK
            : r.value === null
              ? reasonText(r.reason ?? "missing-input", null)
              : formatRatio(r.value),
        ]),
      ),
      "",
      ...(hidden.length > 0 ? [t("rdr.hidden", { mark: HIDDEN_MARK }), ""] : []),
    );
  }

  if (shown.comparison) {
    const cmp = shown.comparison;
    out.push(`## ${t("cmp.title", { period: cmp.previousPeriod ?? t("report.notGiven") })}`, "");
    const fmt = (x: number | null, measure: string, hidden: boolean) =>
      hidden
        ? HIDDEN_MARK
        : x === null
          ? "n/a"
          : measure === "value"
            ? formatRatio(x)
            : measure.includes("difference") || measure === "gap"
              ? formatPoints(x)
              : formatPercent(x);
    out.push(
      table(
        [t("cmp.indicator"), t("cmp.measure"), t("cmp.previous"), t("cmp.current"), t("cmp.change"), t("cmp.trend")],
        cmp.items.map((i) => [
          i.indicator,
          measureLabel(i.measure),
          fmt(i.previous, i.measure, i.suppressed?.previous !== undefined),
          fmt(i.current, i.measure, i.suppressed?.current !== undefined),
          // A change from a hidden figure is not published either.
          i.suppressed
            ? HIDDEN_MARK
            : i.change === null
              ? "n/a"
              : i.measure === "value"
                ? (i.change >= 0 ? "+" : "") + i.change.toFixed(2)
                : formatPoints(i.change),
          t(`trend.${i.trend}`),
        ]),
      ),
      "",
    );
  }

  function measureLabel(measure: string): string {
    const generic = measure.replace(`board${capitalise(focus)}Pct`, "boardFocusPct").replace(`${focus}Pct`, "focusPct");
    const key = `cmp.m.${generic}`;
    return key in catalogue ? t(key, { focus: focusLabel, reference: refLabel }) : measure;
  }

  out.push(...breakdownsSection(shown));

  const dq = shown.dataQuality;
  out.push(`## ${t("dq.title")}`, "");
  const inputs = Object.entries(dq.inputs);
  if (inputs.length > 0) {
    out.push(
      table(
        [t("dq.input"), t("dq.records"), t("dq.unknown"), t("dq.unknownPct"), t("dq.level")],
        inputs.map(([name, q]) => {
          const rec = q as unknown as Rec;
          return [
            t(`input.${name}`),
            count(rec, "records"),
            count(rec, "unknown"),
            pct(rec, "unknownPct"),
            t(`dq.level.${q!.level}`, dq.thresholds),
          ];
        }),
      ),
      "",
    );
  }
  out.push(t("dq.excluded", { n: dq.rowsExcluded.toLocaleString("en-GB") }));
  for (const [reason, n] of Object.entries(dq.exclusions))
    out.push(`- ${t("dq.exclusion", { reason, n: n.toLocaleString("en-GB") })}`);
  out.push("", t("dq.issues", dq.issues), "");
  // The bank-only workforce: its own section, its own tables, never added to the figures above.
  if (shown.bank)
    out.push(
      ...bankSection(renderMarkdown(shown.bank, locale), t("bank.title"), t("bank.note"), `## ${t("dq.title")}`),
    );
  return out.join("\n");
}

/**
 * The bank population's report as a section of this one: its own title and note in place of the title and
 * preamble (the period, notice and threshold are this report's), its headings one level down, and of its data
 * quality only the table of its inputs (the files, their rows and problems are this report's).
 */
function bankSection(report: string, title: string, note: string, dqHeading: string): string[] {
  const lines = report.split("\n");
  const first = lines.findIndex((l) => l.startsWith("## "));
  const dq = lines.indexOf(dqHeading);
  let end = dq < 0 ? lines.length : dq + 2;
  while (end < lines.length && lines[end]!.startsWith("|")) end++;
  const body = first < 0 ? [] : lines.slice(first, end).map((l) => (/^#{1,5} /.test(l) ? `#${l}` : l));
  return [`## ${title}`, "", note, "", ...body, ""];
}
