/**
 * @module
 * Follow-up answers by link. Every request counts against its address first (a brake on
 * guessing links and on floods), then the link is resolved: every invalid link is the same 404.
 */
import type { RouteHandler } from "@hono/zod-openapi";
import { createDb } from "../../db/client";
import { LINK_HEADER } from "../../lib/create-app";
import type { AppEnv } from "../../lib/env";
import { ApiError } from "../../lib/errors";
import { FixedWindowLimiter, rateLimited } from "../../lib/rate-limit";
import { FOLLOW_UP_LIMITS } from "../../marketplace/follow-up";
import { openFollowUp, storeAnswer } from "../../marketplace/follow-up-answer";
import type * as routes from "./public-follow-up.routes";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

export const followUpLimiter = new FixedWindowLimiter(FOLLOW_UP_LIMITS.requestsPerMinute, 60_000);

type Opened = Awaited<ReturnType<typeof openFollowUp>>;
const opened = new WeakMap<Request, Opened>();

/**
 * Route middleware, before the body is read: the address's brake, then the link (a caller with a
 * bad link learns nothing from validation, like a caller without a role).
 */
export const openByLink = createMiddleware<AppEnv>(async (c, next) => {
  try {
    const client = c.req.header("CF-Connecting-IP") ?? "local";
    if (!followUpLimiter.hit(client)) throw rateLimited(followUpLimiter.retryAfter(client), "follow-up requests from this address");
    opened.set(c.req.raw, await openFollowUp(createDb(c.env.DB), c.req.header(LINK_HEADER) ?? ""));
    await next();
    c.header("Cache-Control", "no-store");
  } catch (e) {
    // Every link shares one URL and differs only by its header: no answer may be cached (a
    // browser would otherwise show one link's 410 or 404 for the next link).
    if (e instanceof ApiError) throw new ApiError(e.status, e.code, e.message, e.details, { ...e.headers, "Cache-Control": "no-store" });
    throw e;
  }
});

function openedBy(c: Context<AppEnv>): Opened {
  const o = opened.get(c.req.raw);
  if (!o) throw new Error("follow-up route without its link middleware");
  return o;
}

export const question: RouteHandler<typeof routes.question, AppEnv> = async (c) => {
  const { link, request: r } = openedBy(c);
  return c.json(
    {
      organisationName: r.organisationName,
      partnerNames: r.partnerNames,
      event: { title: r.eventTitle, date: r.eventDate, place: r.place },
      agreedText: r.agreedText,
      dueBy: r.dueBy,
      contributionTypes: r.contributionTypes,
      roundMonths: r.roundMonths,
      locale: r.locale,
      expiresAt: link.expiresAt,
    },
    200,
  );
};

export const answer: RouteHandler<typeof routes.answer, AppEnv> = async (c) => {
  const { link, request } = openedBy(c);
  const body = c.req.valid("json");
  const stored = await storeAnswer(createDb(c.env.DB), link, request, {
    outcome: body.outcome,
    hours: body.hours ?? null,
    volunteers: body.volunteers ?? null,
    peopleReached: body.peopleReached ?? null,
    wouldRepeat: body.wouldRepeat ?? null,
    comment: body.comment?.trim() ? body.comment.trim() : null,
    answeredBy: body.answeredBy,
  });
  return c.json(stored, 200);
};
