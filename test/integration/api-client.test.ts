/**
 * The typed client (README, "Scripting the API from TypeScript"): the README's example runs as
 * written against the worker and lists a region's isolated organisations; the README shows the
 * example file verbatim.
 */
import { SELF } from "cloudflare:test";
import createClient from "openapi-fetch";
import { beforeAll, describe, expect, it } from "vitest";
import type { paths } from "../../dashboard/src/api-schema";
import { isolatedOrganisations, type Api } from "../../scripts/examples/isolated-organisations";
import readme from "../../README.md?raw";
import example from "../../scripts/examples/isolated-organisations.ts?raw";
import { ADMIN, call, makeOrganisation } from "./api";

// Cochem-Zell is used by no other test file.
const R = "07135";
const client = (token: string | null): Api =>
  createClient<paths, "application/json">({
    baseUrl: "http://localhost/api/v1",
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    fetch: (request) => SELF.fetch(request),
  });

beforeAll(async () => {
  const company = await makeOrganisation({ name: "Moselweingut Test GmbH", kind: "company", regionCode: R, industry: "food" });
  const partner = await makeOrganisation({ name: "Tafel Cochem Test e.V.", kind: "nonprofit", regionCode: R, field: "poverty" });
  await makeOrganisation({ name: "Jugendclub Zell Test e.V.", kind: "nonprofit", regionCode: R, field: "youth_work" });
  await makeOrganisation({ name: "Sportverein Cochem Test e.V.", kind: "nonprofit", regionCode: R, field: "sports" });
  const res = await call("/api/v1/cooperations", { body: { partnerIds: [company, partner], dateAgreed: "2026-05-01", status: "done", hours: 8, contributionTypes: ["time"] } });
  if (res.status !== 201) throw new Error(res.text);
});

describe("the README's example", () => {
  it("lists the region's isolated organisations, all pages, each with its first suggested partner", async () => {
    const isolated = await isolatedOrganisations(client(ADMIN), R);
    expect(isolated.map((o) => o.name).sort()).toEqual(["Jugendclub Zell Test e.V.", "Sportverein Cochem Test e.V."]);
    // the company with partners is suggested to the non-profits without any
    expect(isolated.every((o) => o.kind === "nonprofit" && o.suggestion === "Moselweingut Test GmbH")).toBe(true);
  });

  it("says why when the API refuses (anonymous callers get no organisation-level detail)", async () => {
    await expect(isolatedOrganisations(client(null), R)).rejects.toThrow(/^unauthorized: /);
  });

  it("is shown in the README as written", () => {
    const body = example.slice(example.indexOf("import createClient"));
    expect(readme).toContain("## Scripting the API from TypeScript");
    expect(readme).toContain(body.trim());
  });
});
