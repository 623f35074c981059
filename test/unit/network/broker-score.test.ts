import { describe, expect, it } from "vitest";
import { brokerScores } from "../../../worker/network/broker-score";
import fixture from "../../fixtures/brokers/two-organisers.json";

const asObject = (m: ReturnType<typeof brokerScores>) =>
  Object.fromEntries([...m].map(([o, { score, pairs }]) => [String(o), { score, pairs }]));
const expected = (e: Record<string, number[][]>) => Object.fromEntries(Object.entries(e).map(([o, pairs]) => [o, { score: pairs.length, pairs }]));

describe("brokerScores", () => {
  it("credits each new tie to the organiser of the event where the pair met first (fixture with known values)", () => {
    expect(asObject(brokerScores(fixture.events, fixture.pairs, fixture.window))).toEqual(expected(fixture.expected.window));
  });

  it("counts every pair without a window", () => {
    expect(asObject(brokerScores(fixture.events, fixture.pairs))).toEqual(expected(fixture.expected.all));
  });

  it("does not depend on the order of events, attendees or pairs", () => {
    const events = [...fixture.events].reverse().map((e) => ({ ...e, attendees: [...e.attendees].reverse() }));
    const pairs = [...fixture.pairs].reverse().map((p) => ({ a: p.b, b: p.a, first: p.first }));
    const got = asObject(brokerScores(events, pairs, fixture.window));
    for (const entry of Object.values(got)) entry.pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const want = expected(fixture.expected.window);
    for (const entry of Object.values(want)) entry.pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(got).toEqual(want);
  });
});
