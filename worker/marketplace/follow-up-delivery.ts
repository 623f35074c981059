/**
 * @module
 * Getting follow-up links to the partners (docs/marketplace.md, "Follow-up"). Each send issues a
 * fresh single-use link (a link's secret is never stored, so it cannot be sent twice; the fresh
 * one replaces the older), then mails it through the configured transport or hands it to the
 * organiser's mail-merge download. First sends go out when a request is due; reminders when it is
 * overdue, at most {@link MAX_REMINDERS} times.
 */
import { issueLink, revokeLinks } from "../links/capability";
import type { MailTransport } from "../mail/transport";
import { canRemind, MAX_REMINDERS, OVERDUE_AFTER_DAYS } from "./follow-up";

/** At most this many requests per send (mail calls per request are bounded by the platform). */
export const DELIVERY_BATCH = 50;

export type Which = "due" | "reminders";

export interface Recipient {
  id: number;
  eventId: number;
  eventTitle: string;
  eventDate: string;
  organisationName: string;
  partnerNames: string;
  agreedText: string;
  roundMonths: number;
  dueOn: string;
  reminders: number;
  sentAt: string | null;
  lastRemindedAt: string | null;
  answeredAt: string | null;
  email: string | null;
  contactName: string | null;
  locale: "de" | "en" | "nl";
}

/**
 * Requests of `eventId` (or of every marketplace, null) that `which` selects now, oldest due first:
 * `due` — due and never sent; `reminders` — overdue and still allowed a reminder. The address is
 * the contact the organisation gave with consent when it registered for the event, else the
 * organisation's own contact.
 */
export async function recipients(db: D1Database, eventId: number | null, which: Which, now: Date, limit = DELIVERY_BATCH): Promise<Recipient[]> {
  const today = now.toISOString().slice(0, 10);
  const overdueBefore = new Date(now.getTime() - OVERDUE_AFTER_DAYS * 86_400_000).toISOString();
  const rows = await db
    .prepare(
      `SELECT f.id, ed.event_id AS eventId, e.title AS eventTitle, e.date AS eventDate, o.name AS organisationName,
              (SELECT group_concat(name, ', ') FROM (SELECT p.name FROM cooperation_partners cp JOIN organisations p ON p.id = cp.organisation_id
                 WHERE cp.cooperation_id = f.cooperation_id AND cp.organisation_id <> f.organisation_id AND p.deleted_at IS NULL ORDER BY p.name)) AS partnerNames,
              ed.agreed_text AS agreedText, f.round_months AS roundMonths, f.due_on AS dueOn, f.reminders, f.sent_at AS sentAt,
              f.last_reminded_at AS lastRemindedAt, f.answered_at AS answeredAt,
              coalesce(reg.contact_email, o.contact_email) AS email, coalesce(reg.contact_name, o.contact_name) AS contactName,
              coalesce(reg.locale, 'de') AS locale
       FROM follow_up_requests f
       JOIN event_deals ed ON ed.cooperation_id = f.cooperation_id
       JOIN events e ON e.id = ed.event_id AND e.deleted_at IS NULL
       JOIN cooperations c ON c.id = f.cooperation_id AND c.deleted_at IS NULL
       JOIN organisations o ON o.id = f.organisation_id AND o.deleted_at IS NULL
       LEFT JOIN registrations reg ON reg.id = (
         SELECT r.id FROM registrations r WHERE r.event_id = ed.event_id AND r.organisation_id = f.organisation_id
         ORDER BY r.status = 'approved' DESC, r.id DESC LIMIT 1)
       WHERE (?1 IS NULL OR ed.event_id = ?1) AND f.answered_at IS NULL AND f.due_on <= ?2
         AND EXISTS (SELECT 1 FROM cooperation_partners cp WHERE cp.cooperation_id = f.cooperation_id AND cp.organisation_id = f.organisation_id)
         AND CASE WHEN ?3 = 'due' THEN f.sent_at IS NULL
                  ELSE f.sent_at IS NOT NULL AND coalesce(f.last_reminded_at, f.sent_at) <= ?4 AND f.reminders < ?5 END
       ORDER BY f.due_on, f.id LIMIT ?6`,
    )
    .bind(eventId, today, which, overdueBefore, MAX_REMINDERS, limit)
    .all<Omit<Recipient, "locale"> & { locale: string }>();
  return rows.results
    .map((r): Recipient => ({ ...r, locale: r.locale === "en" || r.locale === "nl" ? r.locale : "de" }))
    .filter((r) => which === "due" || canRemind(r, now));
}

export interface IssuedFollowUpLink {
  url: string;
  expiresAt: string;
}

/** Issues a fresh link for a request (withdrawing its older ones) and records the send; returns the page URL with the secret in its fragment. */
export async function issueFollowUpLink(db: D1Database, r: Recipient, origin: string, via: "mail" | "download", now: Date): Promise<IssuedFollowUpLink> {
  const link = await issueLink(db, "follow_up", r.id);
  const at = now.toISOString();
  const reminder = r.sentAt !== null;
  await db.batch([
    revokeLinks(db, "follow_up", r.id),
    link.statement,
    reminder
      ? db.prepare("UPDATE follow_up_requests SET reminders = reminders + 1, last_reminded_at = ?1, sent_via = ?2 WHERE id = ?3").bind(at, via, r.id)
      : db.prepare("UPDATE follow_up_requests SET sent_at = ?1, sent_via = ?2 WHERE id = ?3").bind(at, via, r.id),
  ]);
  // English and Dutch registrants open the page in their language (the page keeps the secret in the fragment).
  return { url: `${origin}/follow-up${r.locale === "de" ? "" : `?lang=${r.locale}`}#${link.secret}`, expiresAt: link.expiresAt };
}

const dateDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const dateNl = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The mail a partner gets, in the language it registered in. */
export function followUpMail(r: Recipient, link: IssuedFollowUpLink): { subject: string; text: string } {
  const until = link.expiresAt.slice(0, 10);
  if (r.locale === "nl") {
    return {
      subject: `${r.sentAt ? "Herinnering: " : ""}Hoe is uw afspraak van „${r.eventTitle}” verlopen?`,
      text: [
        `Beste${r.contactName ? ` ${r.contactName}` : ""},`,
        "",
        `op „${r.eventTitle}” op ${dateNl(r.eventDate)} heeft ${r.organisationName} met ${r.partnerNames || "een partner"} afgesproken:`,
        `„${r.agreedText}”`,
        "",
        `${r.roundMonths} maanden later willen we graag weten hoe het is gegaan: uitgevoerd, loopt nog of niet uitvoerbaar, en wat het heeft opgeleverd. Het kost twee minuten, zonder account:`,
        link.url,
        "",
        `De link is persoonlijk, werkt één keer en is geldig tot en met ${dateNl(until)}.`,
      ].join("\n"),
    };
  }
  if (r.locale === "en") {
    return {
      subject: `${r.sentAt ? "Reminder: " : ""}How did your deal from “${r.eventTitle}” go?`,
      text: [
        `Hello${r.contactName ? ` ${r.contactName}` : ""},`,
        "",
        `at “${r.eventTitle}” on ${r.eventDate}, ${r.organisationName} agreed with ${r.partnerNames || "a partner"}:`,
        `“${r.agreedText}”`,
        "",
        `${r.roundMonths} months on, we would like to know how it went: done, ongoing or not feasible, and what it achieved. It takes two minutes, no account needed:`,
        link.url,
        "",
        `The link is personal, works once and until ${until}.`,
      ].join("\n"),
    };
  }
  return {
    subject: `${r.sentAt ? "Erinnerung: " : ""}Wie ist Ihre Vereinbarung vom „${r.eventTitle}“ gelaufen?`,
    text: [
      `Guten Tag${r.contactName ? ` ${r.contactName}` : ""},`,
      "",
      `beim „${r.eventTitle}“ am ${dateDe(r.eventDate)} hat ${r.organisationName} mit ${r.partnerNames || "einem Partner"} vereinbart:`,
      `„${r.agreedText}“`,
      "",
      `${r.roundMonths} Monate später möchten wir wissen, wie es gelaufen ist: erledigt, läuft noch oder nicht umsetzbar, und was es bewirkt hat. Das dauert zwei Minuten, ohne Anmeldung:`,
      link.url,
      "",
      `Der Link ist persönlich, gilt einmal und bis zum ${dateDe(until)}.`,
    ].join("\n"),
  };
}

export interface MailRun {
  sent: number;
  /** Requests that have no address: the organiser downloads them. */
  withoutAddress: number;
  failed: number;
  /** More were selected than one run sends. */
  more: boolean;
}

/** Mails the links `which` selects now; requests without an address are left for the download. */
export async function mailFollowUps(db: D1Database, transport: MailTransport, eventId: number | null, which: Which, origin: string, now = new Date()): Promise<MailRun> {
  const all = await recipients(db, eventId, which, now, DELIVERY_BATCH + 1);
  const batch = all.slice(0, DELIVERY_BATCH);
  const run: MailRun = { sent: 0, withoutAddress: 0, failed: 0, more: all.length > DELIVERY_BATCH };
  for (const r of batch) {
    if (!r.email) {
      run.withoutAddress++;
      continue;
    }
    // Issue first: a link that was mailed always exists. A failed mail leaves the request unsent
    // (a later run replaces the unsent link).
    const link = await issueFollowUpLink(db, r, origin, "mail", now);
    try {
      await transport.send({ to: r.email, ...followUpMail(r, link) });
      run.sent++;
    } catch (e) {
      console.warn("follow-up mail failed", r.id, e instanceof Error ? e.message : e);
      await (r.sentAt
        ? db.prepare("UPDATE follow_up_requests SET reminders = reminders - 1, last_reminded_at = ?1 WHERE id = ?2").bind(r.lastRemindedAt, r.id)
        : db.prepare("UPDATE follow_up_requests SET sent_at = NULL, sent_via = NULL WHERE id = ?1").bind(r.id)
      ).run();
      run.failed++;
    }
  }
  return run;
}
