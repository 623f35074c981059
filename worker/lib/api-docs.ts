/**
 * @module
 * A browsable, dependency-free page rendered from the OpenAPI document (works offline; no CDN,
 * no script; its one inline style block carries the response's CSP nonce).
 */

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
  security?: Record<string, string[]>[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function renderApiDocs(styleNonce: string, doc: { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } }): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "Other";
      const params = (op.parameters ?? [])
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${p.in}</td><td>${p.required ? "yes" : ""}</td><td>${esc(p.description ?? "")}</td></tr>`)
        .join("");
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const responses = Object.entries(op.responses ?? {}).map(([s, r]) => `<li><b>${s}</b> ${esc(r.description ?? "")}</li>`).join("");
      const roles = op.security?.[0]?.bearer;
      const html = `<details><summary><span class="m ${method}">${method.toUpperCase()}</span> <code>/api/v1${esc(path)}</code> — ${esc(op.summary ?? "")}</summary>
${roles ? `<p>Roles: ${roles.map(esc).join(", ")} (checked before the request is validated).</p>` : ""}
${params ? `<table><thead><tr><th>Parameter</th><th>in</th><th>required</th><th>description</th></tr></thead><tbody>${params}</tbody></table>` : ""}
${body ? `<p>Request body (JSON):</p><pre>${esc(JSON.stringify(body, null, 2))}</pre>` : ""}
<ul>${responses}</ul></details>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag.entries()].map(([tag, ops]) => `<section><h2>${esc(tag)}</h2>${ops.join("\n")}</section>`).join("\n");
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, s]) => `<details id="schema-${esc(name)}"><summary><code>${esc(name)}</code></summary><pre>${esc(JSON.stringify(s, null, 2))}</pre></details>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} — API</title><style nonce="${styleNonce}">
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
details{border:1px solid #ccc;border-radius:4px;margin:.4rem 0;padding:.4rem .6rem}summary{cursor:pointer}
.m{display:inline-block;min-width:4.5rem;font-weight:700}.get{color:#0b6e4f}.post{color:#1d4ed8}.patch{color:#a16207}.delete{color:#b91c1c}
pre{background:#f5f5f5;padding:.5rem;overflow:auto;max-height:24rem}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
</style></head><body><h1>${esc(doc.info.title)} API ${esc(doc.info.version)}</h1><p>${esc(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>.</p>
${sections}<section><h2>Schemas</h2>${schemas}</section></body></html>`;
}
