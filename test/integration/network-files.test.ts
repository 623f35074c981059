/**
 * Network files (docs/network-files.md) on a small hand-made region with a partner from outside
 * it: GEXF's viz elements and typed attributes, field and industry on every node, the outside
 * partner's community, GraphML keys, the CSV pair in one ZIP in both dialects, and the access
 * rules of the JSON export in every format. The comparison of every value with networkx runs in
 * test/e2e/network-files.e2e.mjs (workerd cannot start Python).
 */
import { SELF } from "cloudflare:test";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_RADIUS, MIN_RADIUS, radiusFor } from "../../dashboard/src/network-view/model";
import { KIND_COLOURS } from "../../dashboard/src/palette";
import { rgb } from "../../worker/network/export-formats";
import { call, makeOrganisation, tokenFor } from "./api";

// München (09162) and Ingolstadt (09161) are used by no other test file.
const R = "09162";
const OUTSIDE = "09161";
const TO = "2024-06-30";
const network = (format: string, token?: string | null) => call(`/api/v1/regions/${R}/network?to=${TO}&format=${format}`, token === undefined ? {} : { token });
let ids: Record<string, number>;

beforeAll(async () => {
  ids = {
    A: await makeOrganisation({ name: "Isar Maschinenbau Test AG", kind: "company", regionCode: R, industry: "manufacturing", isPublic: true }),
    B: await makeOrganisation({ name: "Brauerei Test GmbH", kind: "company", regionCode: R, industry: "food" }),
    N1: await makeOrganisation({ name: "Tafel München Test e.V.", kind: "nonprofit", regionCode: R, field: "poverty" }),
    N2: await makeOrganisation({ name: "Sportfreunde Test 1860 e.V.", kind: "nonprofit", regionCode: R, field: "sports", isPublic: true }),
    L: await makeOrganisation({ name: "Einzelkämpfer Test e.V.", kind: "nonprofit", regionCode: R, field: "culture", isPublic: true }),
    O: await makeOrganisation({ name: "Donau Kultur Test e.V.", kind: "nonprofit", regionCode: OUTSIDE, field: "culture" }),
  };
  const coop = async (partnerIds: number[], dateAgreed: string, hours = 10) => {
    const res = await call("/api/v1/cooperations", { body: { partnerIds, dateAgreed, status: "done", hours, volunteers: 2, valueEur: 512.5, contributionTypes: ["time"], regionCode: R } });
    if (res.status !== 201) throw new Error(res.text);
  };
  await coop([ids.A, ids.N1], "2023-03-01");
  await coop([ids.A, ids.N2], "2023-04-01", 7.5);
  await coop([ids.B, ids.N1], "2023-05-10");
  await coop([ids.N2, ids.O], "2023-06-01");
});

const attributeIndex = (gexf: string, title: string) => gexf.match(new RegExp(`<attribute id="(\\d+)" title="${title}" type="(\\w+)"/>`))!;
const gexfNode = (gexf: string, id: number) => gexf.match(new RegExp(`<node id="${id}" [^]*?</node>`))![0];

describe("network files", () => {
  it("give every node its field or industry, and the outside partner a community of this network", async () => {
    const res = await network("json");
    expect(res.status, res.text).toBe(200);
    const byId = new Map<number, any>(res.json.nodes.map((n: any) => [n.id, n]));
    for (const n of res.json.nodes) {
      expect(n).toHaveProperty("field");
      expect(n).toHaveProperty("industry");
      expect(Number.isInteger(n.community), `community of ${n.id}`).toBe(true);
    }
    expect(byId.get(ids.A)).toMatchObject({ industry: "manufacturing", field: null, inScope: true });
    expect(byId.get(ids.N1)).toMatchObject({ field: "poverty", industry: null });
    const o = byId.get(ids.O);
    expect(o).toMatchObject({ inScope: false, field: "culture", regionCode: OUTSIDE, degree: 1 });
    // Its only partner's community (Louvain never leaves a leaf alone), computed in the same run.
    expect(o.community).toBe(byId.get(ids.N2).community);
  });

  it("GEXF: viz position (the layout), size by partners, colour by kind; typed attributes", async () => {
    const json = (await network("json")).json;
    const res = await network("gexf");
    expect(res.status).toBe(200);
    const gexf = res.text;
    expect(gexf).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
    expect(attributeIndex(gexf, "community")[2]).toBe("integer");
    expect(attributeIndex(gexf, "degree")[2]).toBe("integer");
    expect(attributeIndex(gexf, "isPublic")[2]).toBe("boolean");
    expect(attributeIndex(gexf, "pagerank")[2]).toBe("double");
    expect(gexf).not.toMatch(/title="x"/);
    const most = Math.max(...json.nodes.map((n: any) => n.degree));
    for (const n of json.nodes) {
      const el = gexfNode(gexf, n.id);
      const c = rgb(KIND_COLOURS[n.kind]);
      expect(el).toContain(`<viz:color r="${c.r}" g="${c.g}" b="${c.b}"/>`);
      expect(el).toContain(`<viz:position x="${n.x}" y="${n.y}" z="0"/>`);
      expect(Number(el.match(/<viz:size value="([^"]+)"/)![1])).toBe(radiusFor(n.degree, most));
      expect(el).toContain(`<attvalue for="${attributeIndex(gexf, "community")[1]}" value="${n.community}"/>`);
      if (n.field) expect(el).toContain(`<attvalue for="${attributeIndex(gexf, "field")[1]}" value="${n.field}"/>`);
      if (n.industry) expect(el).toContain(`<attvalue for="${attributeIndex(gexf, "industry")[1]}" value="${n.industry}"/>`);
    }
    // The unconnected organisation: the smallest size; the best connected: the largest.
    expect(gexfNode(gexf, ids.L)).toContain(`<viz:size value="${MIN_RADIUS}"/>`);
    expect(json.nodes.some((n: any) => gexfNode(gexf, n.id).includes(`<viz:size value="${MAX_RADIUS}"/>`))).toBe(true);
  });

  it("GraphML: the same attributes with typed keys, position as x and y", async () => {
    const res = await network("graphml");
    expect(res.status).toBe(200);
    for (const [name, type] of [["community", "int"], ["degree", "int"], ["isPublic", "boolean"], ["field", "string"], ["industry", "string"], ["x", "double"], ["y", "double"]]) {
      expect(res.text).toContain(`<key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
    }
    expect(res.text).toMatch(new RegExp(`<node id="n${ids.O}">[^\\n]*<data key="n_community">\\d+</data>`));
  });

  it("ZIP: nodes.csv and edges.csv, German Excel dialect by default, English on request", async () => {
    const json = (await network("json")).json;
    for (const locale of ["de", "en"] as const) {
      const res = await fetchBytes(`/api/v1/regions/${R}/network?to=${TO}&format=zip&locale=${locale}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/zip");
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      expect(Object.keys(files).sort()).toEqual(["edges.csv", "nodes.csv"]);
      const text = (name: string) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(files[name]); // keeps the BOM
      const sep = locale === "de" ? ";" : ",";
      const nodes = text("nodes.csv");
      expect(nodes.startsWith("\uFEFFid" + sep + "label" + sep + "kind")).toBe(true);
      const lines = nodes.replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines.length).toBe(json.nodes.length + 1);
      const header = lines[0].split(sep);
      const a = json.nodes.find((n: any) => n.id === ids.A);
      const row = lines.find((l) => l.startsWith(`${ids.A}${sep}`))!.split(sep);
      const cell = (k: string) => row[header.indexOf(k)];
      expect(cell("label")).toBe("Isar Maschinenbau Test AG");
      expect(cell("industry")).toBe("manufacturing");
      expect(cell("isPublic")).toBe(locale === "de" ? "ja" : "yes");
      expect(cell("pagerank")).toBe(locale === "de" ? String(a.pagerank).replace(".", ",") : String(a.pagerank));
      expect(cell("firstCooperation")).toBe(locale === "de" ? "01.03.2023" : "2023-03-01");
      const edges = text("edges.csv").replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(edges[0]).toBe(["source", "target", "weight", "layer", "hours", "valueEur", "firstDate", "lastDate"].join(sep));
      expect(edges.length).toBe(json.edges.length + 1);
      expect(edges.some((l) => l.includes(locale === "de" ? `${sep}7,5${sep}512,5${sep}` : `${sep}7.5${sep}512.5${sep}`))).toBe(true);
    }
  });

  it("follow the JSON export's access rules in every format", async () => {
    for (const format of ["json", "gexf", "graphml", "csv", "zip"]) expect((await network(format, null)).status, format).toBe(401);
    // A coordinator of another region sees non-public names masked, in every file as in the JSON.
    const other = await tokenFor("coordinator", ["05113"]);
    const hidden = ["Brauerei Test GmbH", "Tafel München Test e.V.", "Donau Kultur Test e.V."];
    for (const format of ["json", "gexf", "graphml", "zip"]) {
      const res = await fetchBytes(`/api/v1/regions/${R}/network?to=${TO}&format=${format}`, other);
      expect(res.status, format).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder().decode(format === "zip" ? unzipSync(bytes)["nodes.csv"] : bytes);
      expect(text, format).toContain("Isar Maschinenbau Test AG");
      for (const name of hidden) expect(text, `${format}: ${name}`).not.toContain(name);
      expect(text, format).toContain(`(nicht öffentlich #${ids.O})`);
    }
    const own = await tokenFor("coordinator", [R]);
    const zip = unzipSync(new Uint8Array(await (await fetchBytes(`/api/v1/regions/${R}/network?to=${TO}&format=zip`, own)).arrayBuffer()));
    expect(new TextDecoder().decode(zip["nodes.csv"])).toContain("Tafel München Test e.V.");
  });

  it("refuses an unknown locale with the one error shape", async () => {
    for (const q of ["format=gexf&locale=fr", "format=zip&locale=DE"]) {
      const res = await call(`/api/v1/regions/${R}/network?to=${TO}&${q}`);
      expect(res.status, q).toBe(422);
      expect(res.json.error.code).toBeTypeOf("string");
    }
  });
});

/** A response whose body is read as bytes (ZIP files). */
function fetchBytes(path: string, token = "test-admin-token") {
  return SELF.fetch(`http://localhost${path}`, { headers: { Authorization: `Bearer ${token}` } });
}
