/**
 * @module
 * Network exports in standard formats for analysts: GEXF 1.3 with the drawing (Gephi), GraphML
 * (yEd, igraph, networkx), CSV edge lists and a ZIP of nodes.csv + edges.csv (docs/network-files.md). Writers emit text piece by piece (header, one node, one edge,
 * footer) so a national network can be streamed page by page instead of built in memory.
 */
import { Zip, ZipDeflate } from "fflate";
import { xmlEscape } from "../lib/xml";

/** Attribute types, named as in GEXF; GraphML calls `integer` `int`. */
export type AttributeType = "string" | "integer" | "double" | "boolean";
export type AttributeValue = string | number | boolean | null | undefined;

/** What Gephi draws: position (the product's layout), size and colour. */
export interface NodeViz {
  position: { x: number; y: number } | null;
  size: number;
  color: { r: number; g: number; b: number };
}

export interface ExportNode {
  id: number;
  label: string;
  attributes: Record<string, AttributeValue>;
  viz?: NodeViz;
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

/**
 * A value as its declared type writes it. An integer attribute holding a fraction would make
 * readers fail on the whole file, so that is a programming error, not a value to write.
 */
function typed(name: string, type: AttributeType, v: string | number | boolean): string {
  if (type === "integer" && !(typeof v === "number" && Number.isInteger(v))) throw new Error(`export: attribute ${name} is not an integer (${v})`);
  if (type === "boolean") return v === true || v === 1 ? "true" : "false";
  return String(v);
}

/** `#RRGGBB` → `{ r, g, b }`. */
export function rgb(hex: string): { r: number; g: number; b: number } {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export function gexfWriter(nodeAttrs: AttributeSchema, edgeAttrs: AttributeSchema, description: string): GraphWriter {
  const values = (schema: AttributeSchema, a: Record<string, AttributeValue>) =>
    schema.map(([k, t], i) => {
      const v = a[k];
      return present(v) ? `<attvalue for="${i}" value="${xml(typed(k, t, v))}"/>` : "";
    }).join("");
  const viz = (v: NodeViz | undefined) =>
    v
      ? `<viz:color r="${v.color.r}" g="${v.color.g}" b="${v.color.b}"/>` +
        (v.position ? `<viz:position x="${v.position.x}" y="${v.position.y}" z="0"/>` : "") +
        `<viz:size value="${v.size}"/>`
      : "";
  let edgeId = 0;
  return {
    header: () =>
      [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">`,
        `<meta><creator>Kooperationsatlas</creator><description>${xml(description)}</description></meta>`,
        `<graph defaultedgetype="undirected" mode="static">`,
        `<attributes class="node">${nodeAttrs.map(([k, t], i) => `<attribute id="${i}" title="${xml(k)}" type="${t}"/>`).join("")}</attributes>`,
        `<attributes class="edge">${edgeAttrs.map(([k, t], i) => `<attribute id="${i}" title="${xml(k)}" type="${t}"/>`).join("")}</attributes>`,
        `<nodes>`,
      ].join("\n") + "\n",
    node: (n) => `<node id="${n.id}" label="${xml(n.label)}"><attvalues>${values(nodeAttrs, n.attributes)}</attvalues>${viz(n.viz)}</node>\n`,
    between: () => `</nodes>\n<edges>\n`,
    edge: (e) => `<edge id="${edgeId++}" source="${e.source}" target="${e.target}" weight="${e.weight}"><attvalues>${values(edgeAttrs, e.attributes)}</attvalues></edge>\n`,
    footer: () => `</edges>\n</graph>\n</gexf>\n`,
  };
}

export function graphmlWriter(nodeAttrs: AttributeSchema, edgeAttrs: AttributeSchema): GraphWriter {
  const key = (prefix: string, k: string) => `${prefix}_${k.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const graphmlType = (t: AttributeType) => (t === "integer" ? "int" : t);
  const data = (prefix: string, schema: AttributeSchema, a: Record<string, AttributeValue>) =>
    schema.map(([k, t]) => {
      const v = a[k];
      return present(v) ? `<data key="${key(prefix, k)}">${xml(typed(k, t, v))}</data>` : "";
    }).join("");
  return {
    header: () =>
      [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`,
        `<key id="n_label" for="node" attr.name="label" attr.type="string"/>`,
        ...nodeAttrs.map(([k, t]) => `<key id="${key("n", k)}" for="node" attr.name="${xml(k)}" attr.type="${graphmlType(t)}"/>`),
        `<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>`,
        ...edgeAttrs.map(([k, t]) => `<key id="${key("e", k)}" for="edge" attr.name="${xml(k)}" attr.type="${graphmlType(t)}"/>`),
        `<graph id="G" edgedefault="undirected">`,
      ].join("\n") + "\n",
    node: (n) => `<node id="n${n.id}"><data key="n_label">${xml(n.label)}</data>${data("n", nodeAttrs, n.attributes)}</node>\n`,
    between: () => "",
    edge: (e) => `<edge source="n${e.source}" target="n${e.target}"><data key="e_weight">${e.weight}</data>${data("e", edgeAttrs, e.attributes)}</edge>\n`,
    footer: () => `</graph>\n</graphml>\n`,
  };
}

/**
 * A ZIP of text files as a stream: each file's pieces are deflated as they come, so the archive
 * never sits in memory whole.
 */
export function zipStream(files: ReadonlyArray<{ name: string; pieces: () => AsyncGenerator<string> }>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, data) => {
      if (err) failure = err;
      else out.push(data);
    });
    const drain = function* () {
      if (failure) throw failure;
      const ready = out;
      out = [];
      yield* ready;
    };
    for (const file of files) {
      const entry = new ZipDeflate(file.name, { level: 6 });
      zip.add(entry);
      for await (const piece of file.pieces()) {
        entry.push(encoder.encode(piece));
        yield* drain();
      }
      entry.push(new Uint8Array(0), true);
      yield* drain();
    }
    zip.end();
    yield* drain();
  }
  const iterator = chunks();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
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
