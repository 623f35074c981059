// Data flows one way through worker/: routes → domain modules (network, export, embed, …) → db and
// lib. This check fails (exit 1) on
//   - an import cycle between modules of worker/ (imports of values; `import type` is erased);
//   - a route handler module (worker/routes/<name>/*.handlers.ts) imported from outside its own
//     route folder: what another module needs belongs below the routes.
// `node scripts/check-imports.mjs` (part of `npm run typecheck`).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const workerDir = join(root, "worker");

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The file a relative specifier names (x.ts, x/index.ts), or null for packages and other folders. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The specifiers a module imports values from (`import type` and type-only names are erased at build time). */
function valueImports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const out = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly = clause && (clause.isTypeOnly || (!clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      if (!named || !named.every((e) => e.isTypeOnly)) out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

const files = sources(workerDir);
const graph = new Map();
for (const file of files) {
  const targets = valueImports(file).map((s) => resolveImport(file, s)).filter((t) => t && t.startsWith(workerDir + "/"));
  graph.set(file, [...new Set(targets)]);
}

// Strongly connected components (Tarjan): every component of more than one module is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let counter = 0;
function connect(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
  }
}
for (const file of files) if (!index.has(file)) connect(file);

const rel = (f) => relative(root, f);
const problems = [];
for (const component of cycles) problems.push(`import cycle: ${component.map(rel).sort().join(" ↔ ")}`);
for (const [file, targets] of graph) {
  for (const target of targets) {
    if (/\/routes\/[^/]+\/[^/]+\.handlers\.ts$/.test(target) && dirname(target) !== dirname(file)) {
      problems.push(`${rel(file)} imports the route handlers ${rel(target)}: move what it needs below the routes`);
    }
  }
}

const imports = [...graph.values()].reduce((n, t) => n + t.length, 0);
if (problems.length) {
  console.error(`check-imports: ${problems.length} problem(s) in ${files.length} modules of worker/:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`check-imports: ${files.length} modules of worker/, ${imports} imports between them: no cycle, no route handler imported from outside its route (imports of values)`);
