/**
 * @module
 * Sending mail: one small interface with three transports — Cloudflare's `send_email` binding,
 * an HTTP mail provider, and a recording transport for tests. Which one a deployment uses follows
 * from its configuration ({@link mailTransport}); without one, nothing is sent and organisers
 * download what would have been mailed (docs/marketplace.md, "Follow-up").
 */
import type { Bindings } from "../lib/env";
import { recordingTransport } from "./recording";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; links stay visible and copyable in every mail program. */
  text: string;
}

export interface MailTransport {
  /** What the transport is, for logs and the organiser's board ("cloudflare", "provider", "recording"). */
  readonly name: string;
  /** Sends one message; throws when it was not accepted. */
  send(message: MailMessage): Promise<void>;
}

/** Cloudflare Email Routing's `send_email` binding (recipients must be verified there). */
export function cloudflareTransport(binding: SendEmail, from: string): MailTransport {
  return {
    name: "cloudflare",
    async send(m) {
      await binding.send({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

/**
 * A provider with the common JSON mail API (`POST {from, to, subject, text}` with a bearer key,
 * as Resend and several others accept); any 2xx counts as accepted.
 */
export function providerTransport(url: string, key: string, from: string): MailTransport {
  return {
    name: "provider",
    async send(m) {
      const res = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ from, to: [m.to], subject: m.subject, text: m.text }),
      });
      if (!res.ok) throw new Error(`mail provider answered ${res.status}`);
    },
  };
}

/**
 * The configured transport, or null when mail is not set up. `MAIL_TRANSPORT=record` (tests and
 * local runs) records instead of sending, so no test can ever mail anyone.
 */
export function mailTransport(env: Bindings): MailTransport | null {
  if (env.MAIL_TRANSPORT === "record") return recordingTransport;
  if (!env.MAIL_FROM) return null;
  if (env.MAIL) return cloudflareTransport(env.MAIL, env.MAIL_FROM);
  if (env.MAIL_PROVIDER_URL && env.MAIL_PROVIDER_KEY) return providerTransport(env.MAIL_PROVIDER_URL, env.MAIL_PROVIDER_KEY, env.MAIL_FROM);
  return null;
}
