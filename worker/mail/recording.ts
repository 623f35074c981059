/**
 * @module
 * The transport of tests and local runs: keeps every message in memory (per isolate) instead of
 * sending it. Tests read {@link recordedMail} to find the links a partner would have received.
 */
import type { MailMessage, MailTransport } from "./transport";

/** Messages "sent" in this isolate, oldest first. */
export const recordedMail: MailMessage[] = [];

export const recordingTransport: MailTransport = {
  name: "recording",
  async send(m) {
    recordedMail.push({ ...m });
  },
};
