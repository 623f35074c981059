/**
 * D1 read replication through the Sessions API (worker/db/session.ts): every API answer carries
 * the request's session bookmark; a request that sends a write's bookmark back reads that write;
 * a bookmark that is not one is ignored rather than refused.
 */
import { describe, expect, it } from "vitest";
import { BOOKMARK_HEADER, isBookmark } from "../../worker/db/session";
import { call, makeOrganisation } from "./api";

describe("D1 session bookmarks", () => {
  it("a write's answer carries a bookmark; a read sending it back sees the write", async () => {
    const created = await call("/api/v1/organisations", { body: { name: "Bookmark Test e.V.", kind: "nonprofit", regionCode: "12054" } });
    expect(created.status, created.text).toBe(201);
    const bookmark = created.headers.get(BOOKMARK_HEADER);
    expect(isBookmark(bookmark), String(bookmark)).toBe(true);

    const read = await call(`/api/v1/organisations/${created.json.id}`, { headers: { [BOOKMARK_HEADER]: bookmark! } });
    expect(read.status, read.text).toBe(200);
    expect(read.json.name).toBe("Bookmark Test e.V.");
    // The read's session started at the write's bookmark: its own is not older.
    const after = read.headers.get(BOOKMARK_HEADER);
    expect(isBookmark(after)).toBe(true);
    expect(after! >= bookmark!).toBe(true);

    const list = await call(`/api/v1/organisations?region=12054&q=Bookmark`, { headers: { [BOOKMARK_HEADER]: bookmark! } });
    expect(list.json.data.map((o: { id: number }) => o.id)).toContain(created.json.id);
  });

  it("a read without a bookmark carries one; an answer that asked D1 nothing carries none", async () => {
    const read = await call("/api/v1/regions/12054");
    expect(read.status).toBe(200);
    expect(isBookmark(read.headers.get(BOOKMARK_HEADER))).toBe(true);
    const refused = await call("/api/v1/organisations", { body: { name: "", kind: "nonprofit", regionCode: "12054" } });
    expect(refused.status).toBe(422);
    expect(refused.headers.get(BOOKMARK_HEADER)).toBeNull();
  });

  it("ignores what is not a bookmark instead of failing the request", async () => {
    const id = await makeOrganisation({ regionCode: "12054" });
    for (const bad of ["x", "first-primary", "first-unconstrained", "0".repeat(300), "00000001-zz-00000003", "'; DROP TABLE organisations; --"]) {
      const res = await call(`/api/v1/organisations/${id}`, { headers: { [BOOKMARK_HEADER]: bad } });
      expect(res.status, bad).toBe(200);
    }
  });
});
