import { describe, expect, it } from "vitest";
import { parseTags, scoreBoard, slotConflicts, typeFit, type BoardInput, type BoardItem, type BoardParty } from "../../../worker/marketplace/matching";

// A small marketplace with known values (docs/marketplace.md, "Matching board"): weights
// type 4, affinity 2, tags 1, distance 2, network 3 (sum 12).
const party = (p: Partial<BoardParty> & Pick<BoardParty, "registrationId" | "side" | "orgName">): BoardParty => ({
  status: "approved",
  organisationId: null,
  regionCode: null,
  stateCode: null,
  sector: null,
  networkStatus: null,
  community: null,
  partners: new Set(),
  ...p,
});
const item = (i: Partial<BoardItem> & Pick<BoardItem, "id" | "registrationId" | "kind" | "contributionType">): BoardItem => ({
  description: `item ${i.id}`,
  quantity: null,
  hours: null,
  wantedWhen: null,
  tags: [],
  ...i,
});

const fixture: BoardInput = {
  parties: [
    // Isolated food bank in Essen, community 1.
    party({ registrationId: 1, side: "nonprofit", orgName: "Tafel", organisationId: 10, regionCode: "05113", stateCode: "05", sector: "food", networkStatus: "isolated", community: 1 }),
    // Youth centre already cooperating with the IT company (org 20).
    party({ registrationId: 2, side: "nonprofit", orgName: "Jugendhaus", organisationId: 11, regionCode: "05113", stateCode: "05", sector: "youth_work", networkStatus: "connected", community: 2, partners: new Set([20]) }),
    party({ registrationId: 3, side: "company", orgName: "IT GmbH", organisationId: 20, regionCode: "05113", stateCode: "05", sector: "it", networkStatus: "connected", community: 2, partners: new Set([11]) }),
    // A new company, registration pending, no organisation yet.
    party({ registrationId: 4, side: "company", orgName: "Spedition", status: "pending", sector: "logistics" }),
    // Peripheral sports club in Düsseldorf (same state), community 3, one partner elsewhere.
    party({ registrationId: 5, side: "nonprofit", orgName: "Sportverein", organisationId: 12, regionCode: "05111", stateCode: "05", sector: "sport", networkStatus: "peripheral", community: 3, partners: new Set([99]) }),
  ],
  items: [
    item({ id: 101, registrationId: 1, kind: "need", contributionType: "know_how", tags: ["food"] }),
    item({ id: 102, registrationId: 2, kind: "need", contributionType: "time", tags: ["youth_work"] }),
    item({ id: 103, registrationId: 1, kind: "need", contributionType: "goods", tags: ["food"] }),
    item({ id: 104, registrationId: 5, kind: "need", contributionType: "know_how", tags: ["it"] }),
    item({ id: 201, registrationId: 3, kind: "offer", contributionType: "know_how", tags: ["it", "youth_work"] }),
    item({ id: 202, registrationId: 4, kind: "offer", contributionType: "transport" }),
    item({ id: 203, registrationId: 3, kind: "offer", contributionType: "goods" }),
  ],
  affinity: {
    pairs: new Map([["youth_work|it", 3], ["food|it", 1], ["food|logistics", 2]]),
    industries: new Map([["it", 4], ["logistics", 2]]),
  },
};

describe("matching score", () => {
  const board = scoreBoard(fixture);
  const pair = (need: number, offer: number) => board.find((m) => m.needItemId === need && m.offerItemId === offer);

  it("ranks the fitting pairs by score, ties by need and offer id", () => {
    expect(board.map((m) => [m.needItemId, m.offerItemId, m.score])).toEqual([
      [101, 201, 79], // 4·1 + 2·0.25 + 0 + 2·1 + 3·1 = 9.5 → 79
      [103, 203, 79], // 4·1 + 2·0.25 + 0 + 2·1 + 3·1 = 9.5 → 79
      [104, 201, 71], // 4·1 + 0 + 1·0.5 + 2·0.5 + 3·1 = 8.5 → 71
      [103, 202, 58], // 4·0.5 + 2·1 + 0 + 0 + 3·1 = 7 → 58
      [102, 201, 50], // 4·0.5 + 2·0.75 + 1·0.5 + 2·1 + 0 = 6 → 50
    ]);
  });

  it("gives an isolated non-profit's first tie the full network value (an isolated one bridges no communities), with its reasons", () => {
    const m = pair(101, 201)!;
    expect(m.components).toEqual({ type: 1, affinity: 0.25, tags: 0, distance: 1, network: 1 });
    expect(m.reasonCodes).toEqual([
      { code: "same_type", params: { type: "know_how" } },
      { code: "sector_affinity", params: { share: 0.25, cooperations: 1, of: 4, field: "food", industry: "it" } },
      { code: "same_district", params: { region: "05113" } },
      { code: "first_tie", params: { organisation: "Tafel" } },
    ]);
    expect(m.reasons).toEqual([
      "both about know-how",
      "25 % of past cooperations of companies in it were with non-profits in food (1 of 4)",
      "same district (05113)",
      "first tie for Tafel, which has no partner yet",
    ]);
    expect(m.pending).toBe(false);
  });

  it("counts no network value for partners that already cooperate", () => {
    const m = pair(102, 201)!;
    expect(m.components).toEqual({ type: 0.5, affinity: 0.75, tags: 0.5, distance: 1, network: 0 });
    expect(m.reasonCodes.map((r) => r.code)).toEqual(["related_type", "sector_affinity", "shared_tags", "same_district", "already_partners"]);
    expect(m.reasons).toContain("shared tags: youth_work");
  });

  it("values a peripheral non-profit half, a bridge half, and the same state half a district", () => {
    const m = pair(104, 201)!;
    expect(m.components).toEqual({ type: 1, affinity: 0, tags: 0.5, distance: 0.5, network: 1 });
    expect(m.reasonCodes).toContainEqual({ code: "peripheral", params: { organisation: "Sportverein", status: "peripheral" } });
    expect(m.reasonCodes).toContainEqual({ code: "same_state", params: { region: "05" } });
  });

  it("marks a pending registration and knows no distance without an organisation", () => {
    const m = pair(103, 202)!;
    expect(m.pending).toBe(true);
    expect(m.components.distance).toBe(0);
    expect(m.reasonCodes).toContainEqual({ code: "pending_registration", params: { organisation: "Spedition" } });
    expect(m.reasons).toContain("Spedition: registration not yet approved");
  });

  it("suggests no pair whose types do not fit, nor one within a registration or organisation", () => {
    expect(pair(101, 202)).toBeUndefined(); // know-how × transport
    expect(pair(102, 203)).toBeUndefined(); // time × goods
    const sameOrg: BoardInput = {
      ...fixture,
      parties: [...fixture.parties, party({ registrationId: 6, side: "company", orgName: "Tafel again", organisationId: 10 })],
      items: [...fixture.items, item({ id: 205, registrationId: 6, kind: "offer", contributionType: "know_how" })],
    };
    expect(scoreBoard(sameOrg).some((m) => m.offerItemId === 205 && m.needItemId === 101)).toBe(false);
    expect(scoreBoard(sameOrg).some((m) => m.offerItemId === 205 && m.needItemId === 104)).toBe(true);
  });

  it("fits types and reads tags", () => {
    expect(typeFit("time", "time")).toBe(1);
    expect(typeFit("know_how", "time")).toBe(0.5);
    expect(typeFit("transport", "goods")).toBe(0.5);
    expect(typeFit("money", "goods")).toBe(0);
    expect(parseTags(" Food, food,,youth_work ")).toEqual(["food", "youth_work"]);
  });

  it("finds double bookings of a participant or moderator at the same time, not at other times", () => {
    const reg = (id: number) => fixture.items.find((i) => i.id === id)!.registrationId;
    const talks = [
      { needItemId: 101, offerItemId: 201, talkSlot: "16:30", moderatorId: 1 },
      { needItemId: 104, offerItemId: 201, talkSlot: "16:30", moderatorId: 2 },
      { needItemId: 103, offerItemId: 202, talkSlot: "16:30", moderatorId: 2 },
      { needItemId: 102, offerItemId: 201, talkSlot: "17:00", moderatorId: 1 },
      { needItemId: 103, offerItemId: 203, talkSlot: null, moderatorId: 1 },
    ];
    expect(slotConflicts(talks, reg)).toEqual([
      // Registration 1 (needs 101, 103) and 3 (the IT company, offer 201) twice at 16:30; moderator 2 twice.
      { talkSlot: "16:30", registrationId: 1, moderatorId: null, talks: [{ needItemId: 101, offerItemId: 201 }, { needItemId: 103, offerItemId: 202 }] },
      { talkSlot: "16:30", registrationId: 3, moderatorId: null, talks: [{ needItemId: 101, offerItemId: 201 }, { needItemId: 104, offerItemId: 201 }] },
      { talkSlot: "16:30", registrationId: null, moderatorId: 2, talks: [{ needItemId: 104, offerItemId: 201 }, { needItemId: 103, offerItemId: 202 }] },
    ]);
  });
});
