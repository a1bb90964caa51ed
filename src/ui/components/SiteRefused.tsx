// What the tab shows instead of a plan when its address names a site it will not contact.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "./ErrorMessage";

const useStyles = makeStyles({
  page: { maxWidth: "1280px", margin: "0 auto", padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
});

export function SiteRefused(props: { error: unknown }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <ErrorMessage error={props.error} title={t("load.failed")} />
    </main>
  );
}
