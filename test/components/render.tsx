// Renders the tab over a fake store for component tests, and fails on any i18n key without text.
import { act, render, waitFor, within } from "@testing-library/react";
import { expect, type MockInstance } from "vitest";
import type { ReactElement } from "react";
import { App } from "../../src/ui/App";
import { createActivityTracker, trackStore, type ActivityTracker } from "../../src/ui/state/activity";
import type { AppLocale } from "../../src/i18n";
import type { SchemaActions } from "../../src/ui/state/schema";
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
  options: {
    locale?: AppLocale;
    initialActionId?: number | null;
    children?: ReactElement;
    tracker?: ActivityTracker;
    signIn?: () => Promise<void>;
    schema?: SchemaActions;
  } = {},
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
      signIn={options.signIn}
      schema={options.schema}
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

/**
 * The open dialog. In jsdom Fluent's modalizer leaves aria-hidden on the surface (in Chromium it
 * does not: the browser tests check that with axe), so queries inside pass { hidden: true }.
 */
export async function openDialog(title?: string | RegExp): Promise<HTMLElement> {
  return waitFor(
    () => {
      const dialogs = [...document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')].filter(
        (d) => {
          const heading = d.querySelector("h2")?.textContent ?? "";
          return title === undefined || (typeof title === "string" ? heading === title : title.test(heading));
        },
      );
      const last = dialogs[dialogs.length - 1];
      if (!last) throw new Error("no dialog open");
      return last;
    },
    { timeout: 10_000 },
  );
}

/** The open listbox of a Fluent Dropdown or Combobox button. */
export async function listboxOf(trigger: HTMLElement): Promise<HTMLElement> {
  return waitFor(() => {
    const id = trigger.getAttribute("aria-controls");
    const found = id ? document.getElementById(id) : null;
    if (!found) throw new Error("listbox not open");
    return found;
  });
}

/** The button whose text is `name` (getByRole is slow over Fluent's large trees). */
export function button(name: string | RegExp, container: HTMLElement = document.body): HTMLButtonElement {
  const matches = within(container)
    .getAllByText(name, { ignore: "script, style" })
    .map((el) => el.closest("button"))
    .filter((b): b is HTMLButtonElement => b !== null);
  if (!matches[0]) throw new Error(`no button ${String(name)}`);
  return matches[0];
}

export async function findButton(
  name: string | RegExp,
  container: HTMLElement = document.body,
): Promise<HTMLButtonElement> {
  return waitFor(() => button(name, container));
}

export function queryButton(name: string | RegExp, container: HTMLElement = document.body): HTMLButtonElement | null {
  try {
    return button(name, container);
  } catch {
    return null;
  }
}

/**
 * Waits until a spied read has been called and each of its calls has answered, with React's updates applied: for
 * judging what a component shows once a read of its own (made after it appears) is done, absences above all.
 */
export async function answered(spy: MockInstance): Promise<void> {
  await waitFor(() => expect(spy).toHaveBeenCalled());
  await act(async () => {
    await Promise.all(spy.mock.results.map((r) => r.value));
  });
}
