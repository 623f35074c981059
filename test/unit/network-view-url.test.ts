// The network view's state in the page URL (dashboard/src/network-view/url.ts): what a shared link
// names comes back, defaults stay out of the URL, the page's own parameters are kept.
import { describe, expect, it } from "vitest";
import { copyViewParams, readViewState, writeViewState } from "../../dashboard/src/network-view/url";
import { NO_FILTERS } from "../../dashboard/src/network-view/model";

describe("network view state in the URL", () => {
  it("writes search, filters, size and focus next to the page's own parameters and reads them back", () => {
    const q = writeViewState(new URLSearchParams("year=2025"), {
      search: "Tafel ü",
      filters: { kind: "nonprofit", status: "peripheral", community: "3", sector: "youth_work" },
      sizeBy: "betweenness",
      focus: 812,
    });
    expect(q.get("year")).toBe("2025");
    expect(readViewState(new URLSearchParams(q.toString()))).toEqual({
      search: "Tafel ü",
      filters: { kind: "nonprofit", status: "peripheral", community: "3", sector: "youth_work" },
      sizeBy: "betweenness",
      focus: 812,
    });
  });

  it("leaves defaults out, and removes what was cleared", () => {
    const q = new URLSearchParams("year=2025&nv-kind=company&nv-focus=5&nv-size=pagerank");
    writeViewState(q, { search: "  ", filters: { ...NO_FILTERS }, sizeBy: "degree", focus: null });
    expect(q.toString()).toBe("year=2025");
  });

  it("names no focus only where the page would focus one itself (organisation page)", () => {
    const own = 42;
    expect(writeViewState(new URLSearchParams(), { search: "", filters: { ...NO_FILTERS }, sizeBy: "degree", focus: own }, own).toString()).toBe("");
    const none = writeViewState(new URLSearchParams(), { search: "", filters: { ...NO_FILTERS }, sizeBy: "degree", focus: null }, own);
    expect(none.toString()).toBe("nv-focus=none");
    expect(readViewState(none)).toEqual({ focus: null });
  });

  it("ignores what it cannot read", () => {
    expect(readViewState(new URLSearchParams("nv-size=radius&nv-focus=abc&nv-kind=" + "x".repeat(65)))).toEqual({});
  });

  it("keeps the view when the page's period changes", () => {
    const next = copyViewParams(new URLSearchParams("year=2024&nv-q=tafel&nv-focus=7"), new URLSearchParams("period=12m"));
    expect(next.toString()).toBe("period=12m&nv-q=tafel&nv-focus=7");
  });
});
