/**
 * @module
 * Network exports in standard formats for analysts: GEXF 1.3 (Gephi), GraphML (yEd, igraph,
 * networkx) and CSV edge lists. Node attributes are the organisation metrics.
 */

export interface ExportNode {
  id: number;
  label: string;
  attributes: Record<string, string | number | boolean | null>;
}

export interface ExportEdge {
  source: number;
  target: number;
  weight: number;
  attributes: Record<string, string | number | null>;
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

function attributeTypes(items: { attributes: Record<string, unknown> }[]) {
  const types = new Map<string, "string" | "double" | "boolean">();
  for (const item of items) {
    for (const [k, v] of Object.entries(item.attributes)) {
      if (v === null || v === undefined) continue;
      const t = typeof v === "number" ? "double" : typeof v === "boolean" ? "boolean" : "string";
      if (!types.has(k) || types.get(k) === t) types.set(k, t);
      else types.set(k, "string");
    }
  }
  return types;
}

export function toGexf(nodes: ExportNode[], edges: ExportEdge[], meta: { description: string }): string {
  const nt = attributeTypes(nodes);
  const et = attributeTypes(edges);
  const nodeKeys = [...nt.keys()];
  const edgeKeys = [...et.keys()];
  const attrs = (keys: string[], values: Record<string, unknown>) =>
    keys
      .filter((k) => values[k] !== null && values[k] !== undefined)
      .map((k, _i) => `<attvalue for="${keys.indexOf(k)}" value="${xml(String(values[k]))}"/>`)
      .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://gexf.net/1.3" version="1.3">`,
    `<meta><creator>Kooperationsatlas</creator><description>${xml(meta.description)}</description></meta>`,
    `<graph defaultedgetype="undirected" mode="static">`,
    `<attributes class="node">${nodeKeys.map((k, i) => `<attribute id="${i}" title="${xml(k)}" type="${nt.get(k)}"/>`).join("")}</attributes>`,
    `<attributes class="edge">${edgeKeys.map((k, i) => `<attribute id="${i}" title="${xml(k)}" type="${et.get(k)}"/>`).join("")}</attributes>`,
    `<nodes>`,
    ...nodes.map((n) => `<node id="${n.id}" label="${xml(n.label)}"><attvalues>${attrs(nodeKeys, n.attributes)}</attvalues></node>`),
    `</nodes><edges>`,
    ...edges.map((e, i) => `<edge id="${i}" source="${e.source}" target="${e.target}" weight="${e.weight}"><attvalues>${attrs(edgeKeys, e.attributes)}</attvalues></edge>`),
    `</edges></graph></gexf>`,
  ].join("\n");
}

export function toGraphml(nodes: ExportNode[], edges: ExportEdge[]): string {
  const nt = attributeTypes(nodes);
  const et = attributeTypes(edges);
  const key = (prefix: string, k: string) => `${prefix}_${k.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const data = (prefix: string, values: Record<string, unknown>) =>
    Object.entries(values)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<data key="${key(prefix, k)}">${xml(String(v))}</data>`)
      .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`,
    `<key id="n_label" for="node" attr.name="label" attr.type="string"/>`,
    ...[...nt].map(([k, t]) => `<key id="${key("n", k)}" for="node" attr.name="${xml(k)}" attr.type="${t}"/>`),
    `<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>`,
    ...[...et].map(([k, t]) => `<key id="${key("e", k)}" for="edge" attr.name="${xml(k)}" attr.type="${t}"/>`),
    `<graph id="G" edgedefault="undirected">`,
    ...nodes.map((n) => `<node id="n${n.id}"><data key="n_label">${xml(n.label)}</data>${data("n", n.attributes)}</node>`),
    ...edges.map((e) => `<edge source="n${e.source}" target="n${e.target}"><data key="e_weight">${e.weight}</data>${data("e", e.attributes)}</edge>`),
    `</graph></graphml>`,
  ].join("\n");
}

/** A CSV field, quoted when needed; cells starting with = + - @ are prefixed with ' against formula injection. */
export function csvField(v: unknown, separator = ","): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return s.includes(separator) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][], separator = ","): string {
  return [header, ...rows].map((r) => r.map((v) => csvField(v, separator)).join(separator)).join("\r\n") + "\r\n";
}
