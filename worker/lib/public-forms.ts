/**
 * @module
 * The guards of public forms anyone may send (registration by link, an action day's projects and
 * teams): a per-address brake per isolate and Cloudflare Turnstile where configured.
 */
import type { Context } from "hono";
import type { AppEnv } from "./env";
import { ApiError } from "./errors";
import { REGISTRATION_LIMITS } from "./limits";
import { FixedWindowLimiter, rateLimited } from "./rate-limit";

/** New registrations per address and hour; changes through edit links per address and hour. */
export const registrationLimiter = new FixedWindowLimiter(REGISTRATION_LIMITS.perAddressPerHour, 3_600_000);
export const registrationEditLimiter = new FixedWindowLimiter(REGISTRATION_LIMITS.editsPerAddressPerHour, 3_600_000);

export const clientAddress = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "local";

export function brake(limiter: FixedWindowLimiter, c: Context<AppEnv>, what: string) {
  const address = clientAddress(c);
  if (!limiter.hit(address)) throw rateLimited(limiter.retryAfter(address), what);
}

/** Cloudflare Turnstile's answer, checked with its siteverify endpoint (only when configured). */
export async function checkTurnstile(secret: string, token: string | undefined, address: string) {
  if (!token) throw new ApiError(403, "forbidden", "Please complete the check against automated registrations");
  const body = new FormData();
  body.set("secret", secret);
  body.set("response", token);
  if (address !== "local") body.set("remoteip", address);
  const res = await fetch("https://challenges.cloudflare.com/turnstile/v0/siteverify", { method: "POST", body }).catch(() => null);
  const outcome = res?.ok ? await res.json<{ success?: boolean }>().catch(() => null) : null;
  if (!outcome?.success) throw new ApiError(403, "forbidden", "The check against automated registrations failed; please try again");
}

