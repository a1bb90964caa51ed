// Loading: the shape of the overview while the plan is read.
import { Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  band: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  card: { display: "grid", gap: tokens.spacingVerticalS },
});

export function PlanSkeleton() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Skeleton aria-label={t("status.loading")} aria-busy="true" className={styles.root}>
      <div className={styles.band}>
        {[0, 1, 2, 3, 4].map((i) => (
          <SkeletonItem key={i} shape="rectangle" size={48} style={{ width: 120 }} />
        ))}
      </div>
      {[0, 1, 2].map((i) => (
        <div key={i} className={styles.card}>
          <SkeletonItem size={24} style={{ width: "60%" }} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} style={{ width: "80%" }} />
        </div>
      ))}
    </Skeleton>
  );
}
