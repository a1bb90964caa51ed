// No white screen: anything that throws while rendering shows a message and a retry.
import { Component, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { withTranslation, type WithTranslation } from "react-i18next";

interface Props extends WithTranslation {
  children: ReactNode;
  onRetry?: () => void;
}

class Boundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error("The tab hit an error while drawing", error);
  }

  private retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    const { t } = this.props;
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("boundary.title")}</MessageBarTitle>
          {t("boundary.body")}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.retry}>{t("common.retry")}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

export const ErrorBoundary = withTranslation()(Boundary);
