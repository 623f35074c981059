/**
 * @module
 * The Cron job's part of follow-up: schedule the requests of every marketplace's deals, and —
 * where mail is configured and the deployment knows its public address (PUBLIC_ORIGIN, for the
 * links) — mail the first requests that fell due. Reminders stay the organiser's decision.
 */
import type { Bindings } from "../lib/env";
import { mailTransport } from "../mail/transport";
import { mailFollowUps, type MailRun } from "./follow-up-delivery";
import { scheduleFollowUps } from "./follow-up-schedule";

export async function followUpCron(env: Bindings, now = new Date()): Promise<{ created: number; mailed: MailRun | null }> {
  const created = await scheduleFollowUps(env.DB, null);
  const transport = mailTransport(env);
  const mailed = transport && env.PUBLIC_ORIGIN ? await mailFollowUps(env.DB, transport, null, "due", env.PUBLIC_ORIGIN.replace(/\/+$/, ""), now) : null;
  return { created, mailed };
}
