/**
 * @module
 * Work a response does not wait for.
 */
import type { Context } from "hono";

/** The request's `waitUntil`, or undefined where there is no execution context (a direct `app.fetch`). */
export function waitUntilOf(c: Context): ((work: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return (work) => ctx.waitUntil(work);
  } catch {
    return undefined;
  }
}
