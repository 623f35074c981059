/**
 * @module
 * Security headers: nothing may be framed except /embed/*, which allows the configured origins;
 * every response carries a Content-Security-Policy that runs scripts from this origin only, never
 * inline ones (the dashboard keeps its bearer token in localStorage, so an injected script must
 * not run). Styles come from this origin too; a server-rendered page that needs an inline
 * `<style>` asks for a per-response nonce with {@link cspNonce}. Styles set from scripts through
 * the CSSOM (`element.style`, as Chart.js does on its canvas) are not restricted by CSP.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env";

/**
 * Cloudflare Turnstile's origin: allowed to run its script and frame only on the public
 * registration pages, and only where a site key is configured (docs/marketplace.md).
 */
export const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

/** `frame-ancestors` value for embeds from `EMBED_ALLOWED_ORIGINS` ("*" or comma-separated origins). */
export function frameAncestors(setting: string | undefined): string {
  const origins = (setting ?? "*").split(",").map((s) => s.trim()).filter(Boolean);
  if (origins.length === 0) return "'none'";
  if (origins.includes("*")) return "*";
  return origins.join(" ");
}

/**
 * The policy: `frameAncestors` as above, `styleNonce` when the page has an inline `<style>`.
 * dashboard/public/_headers repeats it for the static dashboard (a test keeps the two equal).
 */
export function contentSecurityPolicy(frame: string, styleNonce?: string, opts: { turnstile?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self'${opts.turnstile ? ` ${TURNSTILE_ORIGIN}` : ""}`,
    ...(opts.turnstile ? [`frame-src ${TURNSTILE_ORIGIN}`] : []),
    `style-src 'self'${styleNonce ? ` 'nonce-${styleNonce}'` : ""}`,
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frame}`,
  ].join("; ");
}

/** A nonce for this response's inline `<style>` (created on first use, then sent in the policy). */
export function cspNonce(c: Context<AppEnv>): string {
  let nonce = c.get("cspNonce");
  if (!nonce) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    nonce = btoa(String.fromCharCode(...bytes));
    c.set("cspNonce", nonce);
  }
  return nonce;
}

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const isEmbed = c.req.path.startsWith("/embed/");
  const h = c.res.headers;
  // Responses from the assets binding can be immutable; copy before setting headers.
  try {
    h.set("X-Content-Type-Options", "nosniff");
  } catch {
    c.res = new Response(c.res.body, c.res);
  }
  const headers = c.res.headers;
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  if (isEmbed) {
    headers.delete("X-Frame-Options");
    headers.set("Content-Security-Policy", contentSecurityPolicy(frameAncestors(c.env.EMBED_ALLOWED_ORIGINS), c.get("cspNonce")));
  } else {
    headers.set("X-Frame-Options", "DENY");
    const turnstile = !!c.env.TURNSTILE_SITE_KEY && c.req.path.startsWith("/register/");
    headers.set("Content-Security-Policy", contentSecurityPolicy("'none'", c.get("cspNonce"), { turnstile }));
  }
});
