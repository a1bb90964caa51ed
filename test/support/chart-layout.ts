// Fluent's charts size themselves from their box, and jsdom lays nothing out: a component test that draws charts
// calls useChartLayout() once, at the top of the file, to give each chart's box a size for the file's tests.
import { afterAll, beforeAll } from "vitest";

export function useChartLayout(): void {
  let restore: () => void = () => undefined;
  beforeAll(() => {
    const original = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      if (!this.classList.contains("fui-cart__root")) return original.call(this);
      return {
        x: 0,
        y: 0,
        top: 0,
        left: 0,
        right: 900,
        bottom: 320,
        width: 900,
        height: 320,
        toJSON: () => ({}),
      } as DOMRect;
    };
    // jsdom leaves var(--token) unresolved in computed styles; the chart adds its legend's margins to its height.
    const computed = window.getComputedStyle;
    window.getComputedStyle = (element: Element, pseudo?: string | null) =>
      new Proxy(computed(element, pseudo), {
        get(style, key) {
          const value: unknown = Reflect.get(style, key);
          if (typeof value === "function") return value.bind(style);
          return typeof value === "string" && value.startsWith("var(") ? "0px" : value;
        },
      });
    restore = () => {
      HTMLElement.prototype.getBoundingClientRect = original;
      window.getComputedStyle = computed;
    };
  });
  afterAll(() => restore());
}
