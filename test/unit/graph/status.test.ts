import { describe, expect, it } from "vitest";
import { buildCompactGraph } from "../../../worker/graph/compact-graph";
import { classifyStatus, organisationStatus } from "../../../worker/graph/metrics";

describe("classifyStatus", () => {
  const end = "2024-06-30"; // fading if the last cooperation is before 2023-06-30

  it("applies isolated > peripheral > fading > connected", () => {
    expect(classifyStatus({ partners: 0, lastCooperation: null, recurring: false }, end)).toBe("isolated");
    expect(classifyStatus({ partners: 1, lastCooperation: "2020-01-01", recurring: false }, end)).toBe("peripheral");
    expect(classifyStatus({ partners: 2, lastCooperation: "2023-06-29", recurring: false }, end)).toBe("fading");
    expect(classifyStatus({ partners: 2, lastCooperation: "2023-06-30", recurring: false }, end)).toBe("connected");
    expect(classifyStatus({ partners: 2, lastCooperation: "2022-01-01", recurring: true }, end)).toBe("connected");
    expect(classifyStatus({ partners: 5, lastCooperation: "2024-06-01", recurring: false }, end)).toBe("connected");
    // Without a known date there is no evidence of fading.
    expect(classifyStatus({ partners: 3, lastCooperation: null, recurring: false }, end)).toBe("connected");
  });

  it("counts organising an event in the window as activity: an organiser is never isolated or peripheral", () => {
    expect(classifyStatus({ partners: 0, lastCooperation: null, recurring: false, lastOrganised: "2024-05-01" }, end)).toBe("connected");
    expect(classifyStatus({ partners: 1, lastCooperation: "2020-01-01", recurring: false, lastOrganised: "2024-05-01" }, end)).toBe("connected");
    // Organising long ago and nothing since: fading, as for an old cooperation.
    expect(classifyStatus({ partners: 0, lastCooperation: null, recurring: false, lastOrganised: "2023-06-29" }, end)).toBe("fading");
    // The later of the two activities counts.
    expect(classifyStatus({ partners: 3, lastCooperation: "2022-01-01", recurring: false, lastOrganised: "2024-01-10" }, end)).toBe("connected");
    expect(classifyStatus({ partners: 3, lastCooperation: "2024-01-10", recurring: false, lastOrganised: "2022-01-01" }, end)).toBe("connected");
    expect(classifyStatus({ partners: 0, lastCooperation: null, recurring: false, lastOrganised: null }, end)).toBe("isolated");
  });

  it("counts calendar months, clamping the leap day", () => {
    expect(classifyStatus({ partners: 2, lastCooperation: "2023-02-27", recurring: false }, "2024-02-29")).toBe("fading");
    expect(classifyStatus({ partners: 2, lastCooperation: "2023-02-28", recurring: false }, "2024-02-29")).toBe("connected");
  });

  it("rejects dates that are not ISO dates", () => {
    expect(() => classifyStatus({ partners: 2, lastCooperation: "30.06.2023", recurring: false }, end)).toThrow(
      /^parseIsoDate:/,
    );
  });
});

describe("organisationStatus", () => {
  const cg = buildCompactGraph({
    nodes: [1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({ id, kind: "nonprofit" as const })),
    edges: [
      { a: 2, b: 3 },
      { a: 3, b: 4, weight: 2 },
      { a: 4, b: 5 },
      { a: 5, b: 6, weight: 2 },
      { a: 6, b: 7 },
      { a: 7, b: 8 },
    ],
  });
  const pairs = [
    { a: 2, b: 3, dates: ["2022-01-01"] },
    { a: 3, b: 4, dates: ["2023-06-29", "2024-08-01"] }, // the second is after the window end
    { a: 4, b: 5, dates: ["2023-06-30"] },
    { a: 5, b: 6, dates: ["2021-03-01", "2022-02-01"] }, // recurring: two years
    { a: 6, b: 7, dates: ["2022-05-05"] },
    { a: 7, b: 8, dates: ["2022-01-01"] },
  ];

  it("derives partners, last cooperation and recurrence from the pairs", () => {
    expect(organisationStatus(cg, pairs, "2024-06-30")).toEqual([
      "isolated", // 1: no partner
      "peripheral", // 2: one partner (also old, but peripheral comes first)
      "fading", // 3: last 2023-06-29, nothing recurring
      "connected", // 4: last 2023-06-30, exactly 12 months
      "connected", // 5: last 2023-06-30
      "connected", // 6: last 2022-05-05 but a recurring tie with 5
      "fading", // 7: last 2022-05-05, nothing recurring
      "peripheral", // 8
    ]);
  });

  it("lets a follow-up make a tie recurring", () => {
    const withFollowUp = pairs.map((pair) => (pair.a === 6 && pair.b === 7 ? { ...pair, followUp: true } : pair));
    expect(organisationStatus(cg, withFollowUp, "2024-06-30")[6]).toBe("connected");
  });

  it("rejects unknown organisations", () => {
    expect(() => organisationStatus(cg, [{ a: 1, b: 42, dates: [] }], "2024-06-30")).toThrow(/^organisationStatus: pair 1–42/);
  });
});
