import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "../../worker/lib/rate-limit";

describe("FixedWindowLimiter", () => {
  it("allows `limit` hits per window and key, then refuses until the window ends", () => {
    const l = new FixedWindowLimiter(3, 1000);
    expect([l.hit("a", 0), l.hit("a", 10), l.hit("a", 20), l.hit("a", 30)]).toEqual([true, true, true, false]);
    expect(l.hit("b", 30)).toBe(true);
    expect(l.retryAfter("a", 500)).toBe(1);
    expect(l.hit("a", 1000)).toBe(true);
  });

  it("forgets expired keys when full", () => {
    const l = new FixedWindowLimiter(1, 100, 2);
    l.hit("a", 0);
    l.hit("b", 0);
    expect(l.hit("c", 200)).toBe(true);
    expect(l.hit("a", 200)).toBe(true);
  });
});
