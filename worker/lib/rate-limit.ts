/**
 * @module
 * A small fixed-window rate limiter per isolate: it slows down token guessing (failed sign-ins per
 * client address) and runaway write loops (writes per token). Workers run many isolates, so this is
 * a brake, not a quota; put Cloudflare's rate-limiting rules in front for hard limits.
 */
import { ApiError } from "./errors";

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one hit for `key`; true while the key is within its limit. */
  hit(key: string, now = Date.now()): boolean {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size >= this.maxKeys) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count <= this.limit;
  }

  /** Seconds until the key's window ends. */
  retryAfter(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 1;
  }

  private prune(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}

/** 429 with the one error shape; the caller sets Retry-After from `retryAfter`. */
export function rateLimited(seconds: number, what: string): ApiError {
  return new ApiError(429, "rate_limited", `Too many ${what}; try again in ${seconds} s`, undefined, { "Retry-After": String(seconds) });
}
