// Renders the tab over a fake store for component tests, and fails on any i18n key without text.
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { App } from "../../src/ui/App";
import { createActivityTracker, trackStore, type ActivityTracker } from "../../src/ui/state/activity";
import type { AppLocale } from "../../src/i18n";
import { FakePlanStore, TODAY } from "../support/fake-store";

// jsdom lacks these browser APIs that Fluent's positioning and motion use.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export interface Rendered {
  store: FakePlanStore;
  tracker: ActivityTracker;
  copied: number[];
}

export function renderApp(
  store: FakePlanStore = new FakePlanStore(),
  options: { locale?: AppLocale; initialActionId?: number | null; children?: ReactElement; tracker?: ActivityTracker } = {},
): Rendered & ReturnType<typeof render> {
  const tracker = options.tracker ?? createActivityTracker();
  const copied: number[] = [];
  const result = render(
    <App
      store={trackStore(store, tracker)}
      tracker={tracker}
      theme="default"
      locale={options.locale ?? "en-GB"}
      year="2025/26"
      initialActionId={options.initialActionId ?? null}
      today={TODAY}
      copyLink={async (id) => {
        copied.push(id);
        return "copied";
      }}
    >
      {options.children}
    </App>,
  );
  return { ...result, store, tracker, copied };
}
