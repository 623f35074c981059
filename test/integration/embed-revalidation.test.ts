/**
 * An embed page is revalidated on every view: its ETag follows the figures, so a write that
 * changes them is seen at once, and an unchanged page costs a 304 (no body).
 */
import { describe, expect, it } from "vitest";
import { call, makeOrganisation } from "./api";

const REGION = "09184";
const PATH = `/embed/trend?region=${REGION}&metric=cooperations&interval=year`;

async function deal(partnerIds: number[], dateAgreed: string) {
  const res = await call("/api/v1/cooperations", { body: { partnerIds, dateAgreed, status: "done", hours: 4, volunteers: 2, contributionTypes: ["time"] } });
  if (res.status !== 201) throw new Error(res.text);
}

/** The figure of 2025 in the embed's data table. */
const cell2025 = (html: string) => /<th scope="row">2025<\/th><td class="num">([^<]*)<\/td>/.exec(html)?.[1];

describe("embed caching", () => {
  it("answers 304 while the figures stand and the new figures right after a write", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await makeOrganisation({ regionCode: REGION, kind: i % 2 ? "company" : "nonprofit", isPublic: true }));
    for (let i = 0; i < 4; i++) await deal([ids[i], ids[i + 1]], `2025-0${i + 2}-10`);

    const first = await call(PATH, { token: null });
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^W\/"e[0-9a-f]{32}"$/);
    expect(first.headers.get("Cache-Control")).toBe("public, no-cache");
    expect(cell2025(first.text)).toBe("4");

    const again = await call(PATH, { token: null, headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);

    await deal([ids[4], ids[5]], "2025-07-01");
    const after = await call(PATH, { token: null, headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect(cell2025(after.text)).toBe("5");
  });

  it("gives each locale and theme its own validator", async () => {
    const de = await call(PATH, { token: null });
    const en = await call(`${PATH}&locale=en`, { token: null, headers: { "If-None-Match": de.headers.get("ETag")! } });
    expect(en.status).toBe(200);
    expect(en.headers.get("ETag")).not.toBe(de.headers.get("ETag"));
  });
});
