/**
 * @module
 * Network exports in standard formats for analysts: GEXF 1.3 (Gephi), GraphML (yEd, igraph,
 * networkx) and CSV edge lists. Writers emit text piece by piece (header, one node, one edge,
 * footer) so a national network can be streamed page by page instead of built in memory.
 */
import { xmlEscape } from "../lib/xml";

export type AttributeType = "string" | "double" | "boolean";
export type AttributeValue = string | number | boolean | null | undefined;

export interface ExportNode {
  id: number;
  label: string;
  attributes: Record<string, AttributeValue>;
}

export interface ExportEdge {
  source: number;
  target: number;
  weight: number;
  attributes: Record<string, AttributeValue>;
}

/** Declared attributes: name → type, in output order. */
export type AttributeSchema = ReadonlyArray<readonly [string, AttributeType]>;

export interface GraphWriter {
  header(): string;
  node(n: ExportNode): string;
  /** Between the last node and the first edge. */
  between(): string;
  edge(e: ExportEdge): string;
  footer(): string;
}

const xml = xmlEscape;
const present = (v: AttributeValue): v is string | number | boolean => v !== null && v !== undefined && !(typeof v === "number" && !Number.isFinite(v));

export function gexfWriter(nodeAttrs: AttributeSchema, edgeAttrs: AttributeSchema, description: string): GraphWriter {
  const values = (schema: AttributeSchema, a: Record<string, AttributeValue>) =>
    schema.map(([k], i) => (present(a[k]) ? `<attvalue for="${i}" value="${xml(String(a[k]))}"/>` : "")).join("");
  let edgeId = 0;
  return {
    header: () =>
      [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<gexf xmlns="http://gexf.net/1.3" version="1.3">`,
        `<meta><creator>Kooperationsatlas</creator><description>${xml(description)}</description></meta>`,
        `<graph defaultedgetype="undirected" mode="static">`,
        `<attributes class="node">${nodeAttrs.map(([k, t], i) => `<attribute id="${i}" title="${xml(k)}" type="${t}"/>`).join("")}</attributes>`,
        `<attributes class="edge">${edgeAttrs.map(([k, t], i) => `<attribute id="${i}" title="${xml(k)}" type="${t}"/>`).join("")}</attributes>`,
        `<nodes>`,
      ].join("\n") + "\n",
    node: (n) => `<node id="${n.id}" label="${xml(n.label)}"><attvalues>${values(nodeAttrs, n.attributes)}</attvalues></node>\n`,
    between: () => `</nodes>\n<edges>\n`,
    edge: (e) => `<edge id="${edgeId++}" source="${e.source}" target="${e.target}" weight="${e.weight}"><attvalues>${values(edgeAttrs, e.attributes)}</attvalues></edge>\n`,
    footer: () => `</edges>\n</graph>\n</gexf>\n`,
  };
}

export function graphmlWriter(nodeAttrs: AttributeSchema, edgeAttrs: AttributeSchema): GraphWriter {
  const key = (prefix: string, k: string) => `${prefix}_${k.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const data = (prefix: string, schema: AttributeSchema, a: Record<string, AttributeValue>) =>
    schema.map(([k]) => (present(a[k]) ? `<data key="${key(prefix, k)}">${xml(String(a[k]))}</data>` : "")).join("");
  return {
    header: () =>
      [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`,
        `<key id="n_label" for="node" attr.name="label" attr.type="string"/>`,
        ...nodeAttrs.map(([k, t]) => `<key id="${key("n", k)}" for="node" attr.name="${xml(k)}" attr.type="${t}"/>`),
        `<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>`,
        ...edgeAttrs.map(([k, t]) => `<key id="${key("e", k)}" for="edge" attr.name="${xml(k)}" attr.type="${t}"/>`),
        `<graph id="G" edgedefault="undirected">`,
      ].join("\n") + "\n",
    node: (n) => `<node id="n${n.id}"><data key="n_label">${xml(n.label)}</data>${data("n", nodeAttrs, n.attributes)}</node>\n`,
    between: () => "",
    edge: (e) => `<edge source="n${e.source}" target="n${e.target}"><data key="e_weight">${e.weight}</data>${data("e", edgeAttrs, e.attributes)}</edge>\n`,
    footer: () => `</graph>\n</graphml>\n`,
  };
}

/** A CSV field, quoted when needed; cells starting with = + - @ are prefixed with ' against formula injection. */
export function csvField(v: unknown, separator = ","): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return s.includes(separator) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (row: unknown[], separator = ",") => row.map((v) => csvField(v, separator)).join(separator) + "\r\n";

export function toCsv(header: string[], rows: unknown[][], separator = ","): string {
  return [header, ...rows].map((r) => csvLine(r, separator)).join("");
}
