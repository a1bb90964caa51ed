// Issue 19: one arrow convention: the arrow is the way the figure moved, at display precision;
// whether that is better or worse is the trend's business.
import { describe, expect, it } from "vitest";
import { movementOf, trendOf } from "../../../src/indicators";

describe("the arrow of an indicator's change", () => {
  it("follows the figure, whatever its direction of good", () => {
    // Indicator 2 falling towards 1: the figure went down, and that is better.
    expect(movementOf(1.2, 1.3, 2)).toBe("down");
    expect(trendOf(1.2, 1.3, "towards-one", 2)).toBe("improved");
    // A BME share rising: up, and better.
    expect(movementOf(14.2, 13.1, 1)).toBe("up");
    expect(trendOf(14.2, 13.1, "higher", 1)).toBe("improved");
    // Harassment rising: up, and worse.
    expect(movementOf(30.5, 28, 1)).toBe("up");
    expect(trendOf(30.5, 28, "lower", 1)).toBe("worsened");
  });

  it("is level when the change does not show at the precision published, and absent without a previous figure", () => {
    expect(movementOf(1.204, 1.199, 2)).toBe("level");
    expect(movementOf(1.2, null, 2)).toBeNull();
    expect(movementOf(null, 1.2, 2)).toBeNull();
  });
});
