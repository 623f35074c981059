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

/** One D1 call as it travels: a method with its statement, or a batch. */
export type D1Call = Body;

/** Main thread: answers the bridge's requests with `call` (the local D1, see bench/lib/local-d1.ts). */
export function serveD1(port: MessagePort, call: (body: D1Call) => Promise<unknown>): void {
  port.on("message", async (request: Request) => {
    if (!request || typeof request.method !== "string") return; // not a D1 request
    try {
      const { id: _id, ...body } = request;
      port.postMessage({ id: request.id, result: await call(body as Body) });
    } catch (error) {
      // With the stack: Miniflare's own failures say nothing without the place they come from.
      port.postMessage({ id: request.id, error: String((error as Error)?.message ?? error), stack: String((error as Error)?.stack ?? "") });
    }
  });
}

/** Worker thread: calls sent to the main thread's {@link serveD1} over `port`. */
export function portTransport(port: MessagePort): (body: Body) => Promise<unknown> {
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  port.on("message", (message: { id: number; result?: unknown; error?: string; stack?: string }) => {
    if (!pending.has(message.id)) return;
    const waiter = pending.get(message.id)!;
    pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(Object.assign(new Error(message.error), { stack: `Error: ${message.error}\n--- in the main thread: ${message.stack ?? ""}` }));
    else waiter.resolve(message.result);
  });
  return (body) => {
    const id = next++;
    const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    port.postMessage({ id, ...body });
    return answer;
  };
}

/** The D1Database surface drizzle and the worker modules use, over a transport. */
export class BridgedD1 {
  /** Milliseconds spent waiting for D1. */
  waitMs = 0;

  constructor(
    /** Sends one call and resolves with D1's answer: over a port ({@link portTransport}) or directly. */
    private readonly send: (body: Body) => Promise<unknown>,
    /** Called around every D1 call (e.g. to sample memory while the computation's data is alive). */
    private readonly onCall: () => void = () => {},
  ) {}

  async request(body: Body): Promise<unknown> {
    this.onCall();
    const started = performance.now();
    try {
      return await this.send(body);
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
