// English is in the first download; Welsh is fetched when a Welsh session starts, and a Welsh
// session never silently shows English words because its catalogue was not there yet.
import { describe, expect, it } from "vitest";
import { createI18n, loadCatalogue } from "../../../src/i18n";

describe("the catalogues", () => {
  it("renders English straight away, and refuses Welsh until its catalogue is loaded; then speaks Welsh", async () => {
    expect(createI18n("en-GB").t("rag.Red")).toBe("Red: off track");
    expect(() => createI18n("cy-GB")).toThrow(/cy-GB catalogue is not loaded/);
    await loadCatalogue("cy-GB");
    const welsh = createI18n("cy-GB");
    expect(welsh.language).toBe("cy-GB");
    expect(welsh.t("rag.Red")).toBe("Coch: oddi ar y trywydd");
  });
});
