// A small horizontal bar chart in SVG, coloured with Fluent tokens so it follows the Teams theme
// (light, dark, high contrast). Decorative next to the table it repeats: screen readers get its title
// and the figures from the table. Fluent's v9 charts (@fluentui/react-charts) would add d3 and ~100 KB
// to a lazily loaded screen; these charts need bars, a reference line and a shaded band only.
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: "640px", height: "auto", display: "block" },
  bar: { fill: tokens.colorBrandBackground },
  hidden: { fill: tokens.colorNeutralStroke1 },
  band: { fill: tokens.colorPaletteGreenBackground2, stroke: tokens.colorPaletteGreenBorder2 },
  line: { stroke: tokens.colorNeutralForeground1, strokeWidth: 2, strokeDasharray: "6 4" },
  // A halo in the page colour keeps the reference line visible where it crosses a bar (high contrast: both white).
  halo: { stroke: tokens.colorNeutralBackground1, strokeWidth: 6 },
  text: { fill: tokens.colorNeutralForeground1, fontSize: "13px", fontFamily: tokens.fontFamilyBase },
});

export interface Bar {
  label: string;
  value: number | null;
}

export function BarChart(props: { title: string; bars: Bar[]; unit: string; reference?: { value: number | null; label: string }; band?: { low: number; high: number; label: string } }) {
  const styles = useStyles();
  const rowHeight = 26;
  // Room for the longest label (about 7.5 px a character at 13 px).
  const left = Math.min(260, 16 + 7.5 * Math.max(4, ...props.bars.map((b) => b.label.length)));
  const width = 600;
  const plot = width - left - 60;
  const top = 8;
  const height = top + props.bars.length * rowHeight + 34;
  const values = props.bars.map((b) => b.value ?? 0);
  const max = Math.max(1e-9, ...values, props.reference?.value ?? 0, props.band ? props.band.high * 1.2 : 0) * 1.05;
  const x = (v: number) => left + (Math.max(0, v) / max) * plot;
  const format = (v: number) => (props.unit === "%" ? `${v.toFixed(1)}%` : v.toFixed(2));
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} focusable="false">
      {props.band ? <rect className={styles.band} x={x(props.band.low)} y={top - 4} width={x(props.band.high) - x(props.band.low)} height={props.bars.length * rowHeight + 4} /> : null}
      {props.bars.map((bar, i) => {
        const y = top + i * rowHeight;
        return (
          <g key={bar.label}>
            <text className={styles.text} x={left - 8} y={y + rowHeight / 2 + 4} textAnchor="end">
              {bar.label}
            </text>
            {bar.value === null ? (
              <rect className={styles.hidden} x={left} y={y + 7} width={4} height={rowHeight - 14} />
            ) : (
              <rect className={styles.bar} x={left} y={y + 7} width={Math.max(1, x(bar.value) - left)} height={rowHeight - 14} />
            )}
            <text className={styles.text} x={(bar.value === null ? left + 4 : x(bar.value)) + 6} y={y + rowHeight / 2 + 4}>
              {bar.value === null ? "*" : format(bar.value)}
            </text>
          </g>
        );
      })}
      {props.reference && props.reference.value !== null ? (
        <g>
          <line className={styles.halo} x1={x(props.reference.value)} x2={x(props.reference.value)} y1={top - 4} y2={top + props.bars.length * rowHeight} />
          <line className={styles.line} x1={x(props.reference.value)} x2={x(props.reference.value)} y1={top - 4} y2={top + props.bars.length * rowHeight} />
          <text className={styles.text} x={x(props.reference.value)} y={height - 16} textAnchor="middle">
            {`${props.reference.label} ${format(props.reference.value)}`}
          </text>
        </g>
      ) : null}
      {props.band ? (
        <text className={styles.text} x={left} y={height - 2}>
          {`${props.band.label} ${props.band.low.toFixed(2)}–${props.band.high.toFixed(2)}`}
        </text>
      ) : null}
    </svg>
  );
}
