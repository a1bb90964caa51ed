import { afterEach } from "vitest";
import { cleanup, configure } from "@testing-library/react";
import { loadCatalogue } from "../../src/i18n";

// The tab fetches the Welsh catalogue before it renders a Welsh session; tests render either language.
await loadCatalogue("cy-GB");

afterEach(() => cleanup());

// A role query computes every element's accessible name; over a whole tab with an open panel, one pass can
// take most of a second in jsdom on a busy two-core machine, so findBy* waits up to 5 s (not the default 1 s).
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no text layout; Fluent's charts measure their labels (canvas measureText, SVG text length)
// to place them. An estimate of 7 px a character is enough for them to lay out in tests.
const textWidth = (text: string | null | undefined) => 7 * (text ?? "").length;
if (typeof SVGElement !== "undefined" && !("getComputedTextLength" in SVGElement.prototype)) {
  Object.defineProperty(SVGElement.prototype, "getComputedTextLength", {
    value(this: SVGElement) {
      return textWidth(this.textContent);
    },
  });
}
if (typeof HTMLCanvasElement !== "undefined") {
  HTMLCanvasElement.prototype.getContext = function () {
    return { font: "", measureText: (text: string) => ({ width: textWidth(text) }) };
  } as unknown as HTMLCanvasElement["getContext"];
}
