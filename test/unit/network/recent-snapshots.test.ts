/** The bookkeeping of reused snapshots: time window, bounded size. */
import { describe, expect, it } from "vitest";
import { forgetRecentSnapshots, recentSnapshot, rememberSnapshot } from "../../../worker/network/recent-snapshots";
import type { Snapshot } from "../../../worker/network/snapshots";

const snapshot = (id: number) => ({ id }) as unknown as Snapshot;

describe("recent snapshots", () => {
  it("are reused only within the window after D1 confirmed them", () => {
    forgetRecentSnapshots();
    rememberSnapshot("05113|a|b", snapshot(1), 10_000);
    expect(recentSnapshot("05113|a|b", 1000, 10_999)?.id).toBe(1);
    expect(recentSnapshot("05113|a|b", 1000, 11_000)).toBeUndefined();
    expect(recentSnapshot("05113|a|b", 1000, 10_500), "an expired entry is gone").toBeUndefined();
  });

  it("keep at most 256 entries, the least recently confirmed leaving first", () => {
    forgetRecentSnapshots();
    for (let i = 0; i < 257; i++) rememberSnapshot(`k${i}`, snapshot(i), 0);
    expect(recentSnapshot("k0", 1000, 1)).toBeUndefined();
    expect(recentSnapshot("k1", 1000, 1)?.id).toBe(1);
    expect(recentSnapshot("k256", 1000, 1)?.id).toBe(256);
  });
});
