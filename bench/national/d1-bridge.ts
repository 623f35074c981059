/**
 * @module
 * A D1Database for a worker thread whose real D1 lives in the main thread: every call is a message
 * to the main thread, which runs it on the Miniflare D1 and answers. The worker thread is a V8
 * isolate of its own, so its heap holds what a Worker's isolate would (the code, the rows D1
 * returns, the computation) and none of Miniflare's machinery. Time spent waiting for answers is
 * summed: it is I/O, not CPU time, as on Cloudflare.
 */
import type { MessagePort } from "node:worker_threads";

interface Query {
  sql: string;
  params: unknown[];
}
type Method = "all" | "raw" | "first" | "run";
type Body = { method: Method; query: Query } | { method: "batch"; queries: Query[] };
type Request = Body & { id: number };

/** Main thread: answers the bridge's requests from `d1`. */
export function serveD1(port: MessagePort, d1: D1Database): void {
  port.on("message", async (request: Request) => {
    if (!request || typeof request.method !== "string") return; // not a D1 request
    try {
      let result: unknown;
      if (request.method === "batch") {
        result = await d1.batch(request.queries.map((q) => d1.prepare(q.sql).bind(...q.params)));
      } else {
        const statement = d1.prepare(request.query.sql).bind(...request.query.params);
        const method = request.method;
        result = method === "all" ? await statement.all() : method === "raw" ? await statement.raw() : method === "first" ? await statement.first() : await statement.run();
      }
      port.postMessage({ id: request.id, result });
    } catch (error) {
      // With the stack: Miniflare's own failures (e.g. an assertion in its proxy, "false == true")
      // say nothing without the place they come from.
      port.postMessage({ id: request.id, error: String((error as Error)?.message ?? error), stack: String((error as Error)?.stack ?? "") });
    }
  });
}

/** Worker thread: the D1Database surface drizzle and the worker modules use. */
export class BridgedD1 {
  /** Milliseconds spent waiting for D1. */
  waitMs = 0;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly port: MessagePort,
    /** Called around every D1 call (e.g. to sample memory while the computation's data is alive). */
    private readonly onCall: () => void = () => {},
  ) {
    port.on("message", (message: { id: number; result?: unknown; error?: string; stack?: string }) => {
      if (!this.pending.has(message.id)) return;
      const waiter = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      if (message.error !== undefined) waiter.reject(Object.assign(new Error(message.error), { stack: `Error: ${message.error}\n--- in the main thread: ${message.stack ?? ""}` }));
      else waiter.resolve(message.result);
    });
  }

  async request(body: Body): Promise<unknown> {
    this.onCall();
    const id = this.next++;
    const started = performance.now();
    const answer = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.port.postMessage({ id, ...body });
    try {
      return await answer;
    } finally {
      this.waitMs += performance.now() - started;
      this.onCall();
    }
  }

  prepare(sql: string) {
    return new BridgedStatement(this, { sql, params: [] });
  }

  batch(statements: BridgedStatement[]) {
    return this.request({ method: "batch", queries: statements.map((s) => s.query) });
  }
}

class BridgedStatement {
  constructor(
    private readonly bridge: BridgedD1,
    readonly query: Query,
  ) {}
  bind(...params: unknown[]) {
    return new BridgedStatement(this.bridge, { sql: this.query.sql, params: params.map((p) => (p === undefined ? null : p)) });
  }
  all() {
    return this.bridge.request({ method: "all", query: this.query });
  }
  raw() {
    return this.bridge.request({ method: "raw", query: this.query });
  }
  first(column?: string) {
    return this.bridge.request({ method: "first", query: this.query }).then((row) =>
      column && row ? (row as Record<string, unknown>)[column] : row,
    );
  }
  run() {
    return this.bridge.request({ method: "run", query: this.query });
  }
}
