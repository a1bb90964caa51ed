// A Fluent table that keeps its columns' natural widths and, in a narrow tab (the meeting side
// panel's 320 px), scrolls sideways inside its own named, focusable box, rather than squeezing its
// columns over each other or widening the whole page.
import { Table, makeStyles, mergeClasses, type TableProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: { overflowX: "auto", maxWidth: "100%", minWidth: 0 },
  table: { tableLayout: "auto" },
});

export function WideTable(props: TableProps & { "aria-label": string }) {
  const styles = useStyles();
  const { className, ...rest } = props;
  return (
    <div className={styles.box} role="region" aria-label={props["aria-label"]} tabIndex={0}>
      <Table {...rest} className={mergeClasses(styles.table, className)} />
    </div>
  );
}
