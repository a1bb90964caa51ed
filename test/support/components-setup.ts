import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";

afterEach(() => cleanup());

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
