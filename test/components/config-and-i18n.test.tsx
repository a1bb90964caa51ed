import type { SetUpCheck } from "../../src/sharepoint/security-model";
import { describe, expect, it, vi } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { button, findButton, openDialog, renderApp } from "./render";
import { FakePlanStore, ROLES, PEOPLE } from "../support/fake-store";
import { ConfigPage, type ConfigSettings } from "../../src/ui/screens/ConfigPage";
import { formatDate, resolveLocale } from "../../src/i18n";
import enGB from "../../src/i18n/locales/en-GB.json";
import cyGB from "../../src/i18n/locales/cy-GB.json";
import enNotes from "../../src/indicators/notes/en-GB.json";
import cyNotes from "../../src/indicators/notes/cy-GB.json";
import { NotProvisionedError } from "../../src/sharepoint/errors";

// The indicator module keeps its own notes; the i18n layer files them under indicatorNotes.
const catalogues = { "en-GB": { ...enGB, indicatorNotes: enNotes }, "cy-GB": { ...cyGB, indicatorNotes: cyNotes } };

vi.setConfig({ testTimeout: 90_000 });

describe("configuration page", () => {
  function renderConfig(
    store: FakePlanStore,
    provision = vi.fn(async () => ({})),
    setUp: SetUpCheck = { canSetUp: true },
  ) {
    const changes: (ConfigSettings | null)[] = [];
    renderApp(new FakePlanStore(), {
      children: (
        <ConfigPage
          defaultSiteUrl="https://trust.sharepoint.com/sites/edi"
          defaultYear={null}
          today="2025-11-23"
          connect={() => ({ store, provision, setUpCheck: async () => setUp })}
          onChange={(settings) => changes.push(settings)}
        />
      ),
    });
    return { changes, provision };
  }

  it("defaults to the team's site and the newest plan year, and reports complete settings", async () => {
    const { changes } = renderConfig(new FakePlanStore());
    await screen.findByLabelText("Plan year");
    expect((screen.getByLabelText("SharePoint site") as HTMLInputElement).value).toBe(
      "https://trust.sharepoint.com/sites/edi",
    );
    await waitFor(() =>
      expect(changes.at(-1)).toEqual({ siteUrl: "https://trust.sharepoint.com/sites/edi", year: "2025/26" }),
    );
  });

  it("lets a plan editor set up the lists after confirming", async () => {
    const store = new FakePlanStore({ capabilities: ROLES.editor });
    let provisioned = false;
    store.planYears = async () => {
      if (!provisioned) throw new NotProvisionedError("WRES Objectives");
      return [];
    };
    const provision = vi.fn(async () => {
      provisioned = true;
      return {};
    });
    const { changes } = renderConfig(store, provision);
    await screen.findByText("The plan lists are not on this site yet.");
    expect(changes.at(-1)).toBeNull();
    await userEvent.click(await findButton("Set up the lists"));
    const confirm = await openDialog("Set up the plan lists?");
    await userEvent.click(button("Set up the lists", confirm));
    await screen.findByText("The lists are ready.");
    expect(provision).toHaveBeenCalledOnce();
    await waitFor(() =>
      expect(changes.at(-1)).toEqual({ siteUrl: "https://trust.sharepoint.com/sites/edi", year: "2025/26" }),
    );
  });

  it("tells someone without Full Control on the site to ask a site owner instead of offering set-up", async () => {
    const store = new FakePlanStore({ me: PEOPLE.committee, capabilities: ROLES.reader });
    store.planYears = async () => {
      throw new NotProvisionedError("WRES Objectives");
    };
    renderConfig(store, undefined, { canSetUp: false, missing: "sitePermission" });
    await screen.findByText(/needs Full Control on this site\. Ask a site owner to set it up/);
    expect(screen.queryByText("Set up the lists")).toBeNull();
  });

  it("tells a plan editor whose sign-in lacks the set-up scope which permission to ask the administrator for", async () => {
    const store = new FakePlanStore({ capabilities: ROLES.editor });
    store.planYears = async () => {
      throw new NotProvisionedError("WRES Objectives");
    };
    renderConfig(store, undefined, { canSetUp: false, missing: "scope", scope: "AllSites.FullControl" });
    await screen.findByText(
      /needs the SharePoint permission AllSites\.FullControl for this app.*Ask your Microsoft 365 administrator to grant admin consent/,
    );
    expect(screen.queryByText("Set up the lists")).toBeNull();
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("words in English and Welsh", () => {
  it("has every key in both catalogues, none empty", () => {
    const en = keys(catalogues["en-GB"]).sort();
    expect(keys(catalogues["cy-GB"]).sort()).toEqual(en);
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const key of keys(catalogue)) {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        expect(String(value).trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });

  it("has text for every key the tab asks for", () => {
    const en = new Set(keys(catalogues["en-GB"]));
    const used = new Set<string>();
    // The plan tab's own screens (other parts of src/ui keep their own keys).
    const files = [
      ...["src/ui/components", "src/ui/screens", "src/ui/state"].flatMap(sourceFiles),
      "src/ui/App.tsx",
      "src/ui/main.tsx",
    ];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\("([a-zA-Z]+\.[a-zA-Z.]+)"/g)) used.add(match[1]!);
      for (const match of text.matchAll(/label: "([a-z]+\.[a-zA-Z]+)"/g)) used.add(match[1]!);
    }
    for (const rag of ["Red", "Amber", "Green", "Blue"]) used.add(`rag.${rag}`);
    for (const code of ["completionNoteRequired", "redNoteRequired", "tooLong", "overrideReasonRequired"])
      used.add(`validation.${code}`);
    for (const kind of [
      "conflict",
      "forbidden",
      "manageRequired",
      "throttled",
      "offline",
      "notProvisioned",
      "listThreshold",
      "notFound",
      "invalid",
      "unexpected",
    ])
      used.add(`errors.${kind}`);
    // Keys of the views other parts of the product add to the shell (indicators, meeting, year) are theirs to check.
    const others = /^(indicators|meeting|year|report)\./;
    expect([...used].filter((key) => !en.has(key) && !others.test(key))).toEqual([]);
    expect(used.size).toBeGreaterThan(150);
  });

  it("follows Teams' Welsh locale and formats dates per locale", () => {
    expect(resolveLocale("cy")).toBe("cy-GB");
    expect(resolveLocale("cy-GB")).toBe("cy-GB");
    expect(resolveLocale("en-US")).toBe("en-GB");
    expect(resolveLocale(null)).toBe("en-GB");
    expect(formatDate("2026-03-31", "en-GB")).toBe("31 Mar 2026");
    expect(formatDate("2026-03-31", "cy-GB")).toMatch(/^31 Maw 2026$/);
  });
});
