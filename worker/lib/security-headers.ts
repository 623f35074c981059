/**
 * @module
 * Security headers: nothing may be framed except /embed/*, which allows the configured origins.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env";

/** `frame-ancestors` value for embeds from `EMBED_ALLOWED_ORIGINS` ("*" or comma-separated origins). */
export function frameAncestors(setting: string | undefined): string {
  const origins = (setting ?? "*").split(",").map((s) => s.trim()).filter(Boolean);
  if (origins.length === 0) return "'none'";
  if (origins.includes("*")) return "*";
  return origins.join(" ");
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
    headers.set("Content-Security-Policy", `frame-ancestors ${frameAncestors(c.env.EMBED_ALLOWED_ORIGINS)}`);
  } else {
    headers.set("X-Frame-Options", "DENY");
    headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  }
});
