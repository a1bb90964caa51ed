// Screens outside the first download: a labelled spinner while one downloads, and a translated
// message with "Try again" (never a blank tab) when the download fails; the retry asks again.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n, type AppLocale } from "../../src/i18n";
import { lazyView } from "../../src/ui/components/Lazy";

function Panel(props: { name: string }) {
  return <h2>Panel for {props.name}</h2>;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function inTab(node: React.ReactNode, locale: AppLocale = "en-GB") {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <FluentProvider theme={webLightTheme}>{node}</FluentProvider>
    </I18nextProvider>,
  );
}

describe("a lazily loaded screen", () => {
  it("shows a labelled spinner while it downloads, then the screen with its props", async () => {
    const download = deferred<typeof Panel>();
    const View = lazyView(() => download.promise);
    inTab(<View name="Objective 1" />);
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("Loading…")).toBeTruthy();
    download.resolve(Panel);
    expect(await screen.findByRole("heading", { name: "Panel for Objective 1" })).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("says in words when the download failed, and downloads again on Try again", async () => {
    let attempts = 0;
    const View = lazyView(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return Panel;
    });
    inTab(<View name="Action 1.1" />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This part of the tab did not download");
    expect(alert.textContent).toContain("Check your connection");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Panel for Action 1.1" })).toBeTruthy();
    expect(attempts).toBe(2);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("tries the network again when opened anew after a failure, and says it in Welsh for a Welsh session", async () => {
    let attempts = 0;
    const View = lazyView(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return Panel;
    });
    const first = inTab(<View name="A" />, "cy-GB");
    expect((await screen.findByRole("alert")).textContent).toContain("Ni lwythodd y rhan hon o'r tab i lawr");
    expect(screen.getByRole("button", { name: "Rhoi cynnig arall arni" })).toBeTruthy();
    first.unmount();
    inTab(<View name="B" />);
    expect(await screen.findByRole("heading", { name: "Panel for B" })).toBeTruthy();
    expect(attempts).toBe(2);
  });

  it("downloads once, early, when preloaded", async () => {
    let attempts = 0;
    const View = lazyView(async () => {
      attempts += 1;
      return Panel;
    });
    View.preload();
    View.preload();
    await waitFor(() => expect(attempts).toBe(1));
    inTab(<View name="C" />);
    expect(await screen.findByRole("heading", { name: "Panel for C" })).toBeTruthy();
    expect(attempts).toBe(1);
  });
});
