/// <reference types="vite/client" />
/**
 * Security headers: every response carries the Content-Security-Policy — scripts from this origin
 * only (no inline script, no eval), styles from files or a per-response nonce, framing only for
 * /embed/* — and the static dashboard's `_headers` file states the same policy.
 */
import { describe, expect, it } from "vitest";
import headersFile from "../../dashboard/public/_headers?raw";
import { contentSecurityPolicy } from "../../worker/lib/security-headers";
import { call } from "./api";

/** The directives of a policy header as a map. */
function directives(policy: string | null): Map<string, string[]> {
  expect(policy, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Script only from 'self', nothing inline or evaluated; styles without 'unsafe-inline'. */
function expectStrictPolicy(policy: string | null, where: string) {
  const d = directives(policy);
  expect(d.get("default-src"), where).toEqual(["'self'"]);
  expect(d.get("script-src"), where).toEqual(["'self'"]);
  expect(d.get("object-src"), where).toEqual(["'none'"]);
  expect(d.get("base-uri"), where).toEqual(["'none'"]);
  expect(d.get("style-src")?.[0], where).toBe("'self'");
  expect(policy, where).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*\s*;|https?:/);
  return d;
}

describe("Content-Security-Policy", () => {
  it("API responses, errors, the dashboard and its assets: strict policy, never framed", async () => {
    for (const [path, token] of [
      ["/api/v1/regions", null],
      ["/api/v1/openapi.json", null],
      ["/api/v1/cooperations", null], // 401
      ["/api/v1/nope", undefined], // 404
      ["/", null],
      ["/regions/05113", null],
      ["/js/main.js", null],
      ["/css/app.css", null],
    ] as const) {
      const res = await call(path, { token });
      const d = expectStrictPolicy(res.headers.get("Content-Security-Policy"), path);
      expect(d.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(d.get("style-src"), path).toEqual(["'self'"]);
      expect(res.headers.get("X-Frame-Options"), path).toBe("DENY");
    }
  });

  it("the API docs page: no script at all, its inline style admitted by a nonce that changes per response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await call("/api/v1/docs", { token: null });
      expect(res.status).toBe(200);
      const d = expectStrictPolicy(res.headers.get("Content-Security-Policy"), "/api/v1/docs");
      const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(d.get("style-src")?.[1] ?? "")?.[1];
      expect(nonce, d.get("style-src")?.join(" ")).toBeTruthy();
      nonces.add(nonce!);
      expect(res.text).not.toMatch(/<script|\son[a-z]+=|javascript:|style="/i);
      expect(res.text.match(/<style[^>]*>/g)).toEqual([`<style nonce="${nonce}">`]);
    }
    expect(nonces.size).toBe(2);
  });

  it("embeds: strict policy, framing as configured, no inline script or style attribute", async () => {
    for (const path of ["/embed/trend?region=05113", "/embed/v1/formats?region=DE", "/embed/unknown"]) {
      const res = await call(path, { token: null });
      const d = expectStrictPolicy(res.headers.get("Content-Security-Policy"), path);
      expect(d.get("frame-ancestors"), path).toEqual(["*"]);
      expect(res.headers.get("X-Frame-Options"), path).toBeNull();
      // the chart data travels as a JSON data block, which is never run
      const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attrs, body] of scripts) expect(/src="\/js\/embed\.js"/.test(attrs) || (/type="application\/json"/.test(attrs) && !body.includes("<")), `${path}: ${attrs}`).toBe(true);
      expect(res.text, path).not.toMatch(/\sstyle="|\son[a-z]+=/i);
    }
  });

  it("the static dashboard's _headers file states the same policy as the worker", () => {
    const line = headersFile.split("\n").find((l) => l.trim().startsWith("Content-Security-Policy:"));
    expect(line?.split(":").slice(1).join(":").trim()).toBe(contentSecurityPolicy("'none'"));
  });
});
