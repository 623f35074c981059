/**
 * @module
 * The Kooperationsatlas app: API under /api/v1, embeds under /embed, the dashboard from assets.
 * Errors are thrown once (ApiError) and shaped once here.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { authenticate } from "./lib/auth";
import { renderApiDocs } from "./lib/api-docs";
import { defaultHook, LINK_HEADER } from "./lib/create-app";
import type { AppEnv } from "./lib/env";
import { ApiError, fromDatabaseError } from "./lib/errors";
import { cspNonce, securityHeaders } from "./lib/security-headers";
import { createEmbedRouter } from "./embed/index";
import { BOOKMARK_HEADER, requestSession } from "./db/session";
import { auditRouter } from "./routes/audit/audit.index";
import { boardRouter } from "./routes/marketplaces/board.index";
import { cooperationsRouter } from "./routes/cooperations/cooperations.index";
import { eventsRouter } from "./routes/events/events.index";
import { marketplacesRouter } from "./routes/marketplaces/marketplaces.index";
import { publicRegistrationRouter } from "./routes/public-registration/public-registration.index";
import { importRouter } from "./routes/import/import.index";
import { IMPORT_LIMITS } from "./import/limits";
import { metricsRouter } from "./routes/metrics/metrics.index";
import { networkRouter } from "./routes/network/network.index";
import { organisationsRouter } from "./routes/organisations/organisations.index";
import { regionsRouter } from "./routes/regions/regions.index";
import { reportsRouter } from "./routes/reports/reports.index";
import { resultsRouter } from "./routes/marketplaces/results.index";
import { reportPages } from "./reports/pages";
import { tokensRouter } from "./routes/tokens/tokens.index";
import { marketplaceDealsRouter } from "./routes/marketplaces/deals.index";
import { publicDealSheetRouter } from "./routes/public-deal-sheet/public-deal-sheet.index";
import { followUpsRouter } from "./routes/marketplaces/follow-ups.index";
import { publicFollowUpRouter } from "./routes/public-follow-up/public-follow-up.index";
import { directoryRouter } from "./routes/directory/directory.index";
import { calendarRouter } from "./routes/calendar/calendar.index";
import { eventPages } from "./calendar/event-page";
import { actionDaysRouter } from "./routes/action-days/action-days.index";
import { publicActionDayRouter } from "./routes/public-action-day/public-action-day.index";
import { roundTablesRouter } from "./routes/round-tables/round-tables.index";
import { checklistsRouter } from "./routes/checklists/checklists.index";

/** The groups of operations in the OpenAPI document (every route's `tags` names one of them). */
const API_TAGS = [
  { name: "Regions", description: "German states and districts (reference data, AGS codes) and custom regions" },
  { name: "Organisations", description: "Companies, non-profits, public bodies and intermediaries; personal data export and erasure" },
  { name: "Events", description: "Action days, marketplaces, round tables and other events where cooperations start" },
  { name: "Cooperations", description: "The agreed cooperations between partners (deal sheets), with their inputs and outcomes" },
  { name: "Metrics", description: "Regional and national figures, trends, organisation metrics and conversion, from snapshots (docs/metrics.md)" },
  { name: "Network", description: "A region's network of organisations and ties, and the organisations needing partners" },
  { name: "Marketplace", description: "Running an engagement marketplace: workspace, registration by link, matching board, deal sheets and follow-ups (docs/marketplace.md)" },
  { name: "Directory", description: "The directory of local contacts: organisers and intermediaries, their formats, next events and published contact (docs/directory.md)" },
  { name: "Action days", description: "Running an action day, social day or 72-hour action: projects and teams by link, assignment, results (docs/action-days.md)" },
  { name: "Round tables", description: "Series of round-table meetings with attendees, decisions and follow-up tasks (docs/round-tables.md)" },
  { name: "Checklists", description: "The organiser's guide as checklists: templates per format and each event's working copy (docs/checklists.md)" },
  { name: "Reports", description: "Regional impact reports of a calendar year, pinned to a data revision (docs/reports.md)" },
  { name: "Import", description: "CSV and XLSX import with a dry run, templates and the recognised columns" },
  { name: "Access", description: "Tokens, the caller's role and the audit log" },
];

/** Bodies above these sizes are refused with 413 before parsing. */
export const BODY_LIMITS = { bulk: 10 * 1024 * 1024, import: IMPORT_LIMITS.maxBytes, default: 256 * 1024 };

const statusCodes: Record<number, ApiError["code"]> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "rate_limited",
};

/** Turns anything thrown into the one error shape; unexpected errors are logged, never exposed. */
export function toErrorResponse(err: unknown): Response {
  let apiError: ApiError;
  if (err instanceof ApiError) apiError = err;
  else if (err instanceof HTTPException) {
    const malformed = err.status === 400 && /JSON/i.test(err.message);
    apiError = new ApiError(
      err.status as ApiError["status"],
      malformed ? "malformed_json" : (statusCodes[err.status] ?? "bad_request"),
      malformed ? "The request body is not valid JSON" : err.message || "Bad request",
    );
  } else {
    apiError =
      fromDatabaseError(err) ??
      (console.error("unexpected error", err instanceof Error ? err.stack : err),
      new ApiError(500, "internal_error", "Something went wrong on our side; the request was not completed"));
  }
  return Response.json(apiError.toBody(), { status: apiError.status, headers: apiError.headers });
}

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ strict: false, defaultHook });
  app.use("*", securityHeaders);
  app.use("*", async (c, next) => {
    // One D1 session per request (db/session.ts): reads may go to a replica, a client's bookmark
    // makes them see its own writes. A page built from the API inside this request shares its session.
    const d1 = c.env.DB;
    if (!d1 || !("withSession" in d1)) return next();
    const session = requestSession(d1, c.req.header(BOOKMARK_HEADER), c.req.method !== "GET" && c.req.method !== "HEAD");
    // Typed as the binding so every query helper takes it: a session prepares and batches as the
    // binding does, and request code uses nothing else of it (exec, dump, withSession are not for requests).
    c.env = { ...c.env, DB: session as unknown as D1Database };
    await next();
    const bookmark = session.getBookmark();
    if (!bookmark || !c.req.path.startsWith("/api/")) return;
    try {
      c.res.headers.set(BOOKMARK_HEADER, bookmark);
    } catch {
      // A response with immutable headers (one from the Cache API): copied once.
      const res = new Response(c.res.body, c.res);
      res.headers.set(BOOKMARK_HEADER, bookmark);
      c.res = res;
    }
  });
  app.use("*", async (c, next) => {
    await next();
    // Answers to a personal link differ by the secret in its header, not by URL: no cache may keep
    // one and hand it to the next link opened in the same browser (nor keep a public form's answer).
    if (c.req.header(LINK_HEADER) === undefined && !c.req.path.startsWith("/api/v1/public/")) return;
    try {
      c.res.headers.set("Cache-Control", "no-store");
    } catch {
      const res = new Response(c.res.body, c.res);
      res.headers.set("Cache-Control", "no-store");
      c.res = res;
    }
  });
  app.use("*", async (c, next) => {
    // Without the caller's credentials: what a public page built from the API may show.
    c.set("publicApi", async (path) => {
      let ctx: ExecutionContext | undefined;
      try {
        ctx = c.executionCtx as ExecutionContext;
      } catch {
        ctx = undefined;
      }
      return app.fetch(new Request(new URL(path, c.req.url)), c.env, ctx as never);
    });
    await next();
  });

  const api = new OpenAPIHono<AppEnv>({ strict: false, defaultHook });
  // Who is calling is settled first: a bad token is a 401 before anything about the body is said.
  api.use("*", authenticate);
  api.use("*", async (c, next) => {
    const method = c.req.method;
    if (method === "POST" || method === "PUT" || method === "PATCH") {
      // The media type is checked by each route after its access check (lib/create-app.ts).
      const importRoute = c.req.path.startsWith("/api/v1/import");
      const limit = importRoute ? BODY_LIMITS.import : c.req.path.endsWith("/bulk") ? BODY_LIMITS.bulk : BODY_LIMITS.default;
      return bodyLimit({
        maxSize: limit,
        onError: () => {
          throw importRoute
            ? new ApiError(413, "payload_too_large", `The file exceeds the import limit of ${Math.round(limit / 1024 / 1024)} MB; split it into several files (at most ${IMPORT_LIMITS.maxRows} rows each)`)
            : new ApiError(413, "payload_too_large", `The body exceeds ${Math.round(limit / 1024)} KB`);
        },
      })(c, next);
    }
    await next();
  });
  api.route("/", regionsRouter);
  api.route("/", organisationsRouter);
  api.route("/", eventsRouter);
  api.route("/", cooperationsRouter);
  api.route("/", tokensRouter);
  api.route("/", metricsRouter);
  api.route("/", networkRouter);
  api.route("/", auditRouter);
  api.route("/", importRouter);
  api.route("/", reportsRouter);
  api.route("/", boardRouter);
  api.route("/", marketplacesRouter);
  api.route("/", publicRegistrationRouter);
  api.route("/", resultsRouter);
  api.route("/", marketplaceDealsRouter);
  api.route("/", publicDealSheetRouter);
  api.route("/", followUpsRouter);
  api.route("/", publicFollowUpRouter);
  api.route("/", directoryRouter);
  api.route("/", calendarRouter);
  api.route("/", actionDaysRouter);
  api.route("/", publicActionDayRouter);
  api.route("/", roundTablesRouter);
  api.route("/", checklistsRouter);

  const docConfig = {
    openapi: "3.1.0",
    info: {
      title: "Kooperationsatlas",
      version: "1",
      description:
        "Cooperations between civically engaged companies and non-profits: records, regional impact and the social-capital network. " +
        "Operations open to anyone work without a token; a token that is sent is checked, and signed-in callers see figures anonymous callers get withheld (docs/privacy.md).",
      // The published figures are open data under the German public-sector open-data licence (attribution).
      license: { name: "Datenlizenz Deutschland – Namensnennung – Version 2.0", identifier: "DL-DE-BY-2.0" },
    },
    servers: [{ url: "/api/v1", description: "This deployment" }],
    tags: API_TAGS,
  };
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerComponent("securitySchemes", "linkKey", { type: "apiKey", in: "header", name: "X-Link-Key", description: "The secret of a personal link (registration edit, deal sheet, follow-up): docs/marketplace.md#links" });
  api.doc31("/openapi.json", docConfig);
  api.get("/docs", (c) => c.html(renderApiDocs(cspNonce(c), api.getOpenAPI31Document(docConfig) as never)));
  api.notFound(() => {
    throw new ApiError(404, "not_found", "No such API route");
  });

  // Embeds read the public API through this same app (anonymous, no network round trip).
  app.route("/embed", createEmbedRouter());
  app.route("/reports", reportPages);
  app.route("/events", eventPages);
  app.route("/api/v1", api);
  app.get("/api", (c) => c.redirect("/api/v1/docs"));
  app.notFound(async (c) => {
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/embed/") || c.req.path.startsWith("/reports/") || !c.env.ASSETS) {
      return toErrorResponse(new ApiError(404, "not_found", "No such route"));
    }
    return c.env.ASSETS.fetch(c.req.raw);
  });
  app.onError((err) => toErrorResponse(err));
  api.onError((err) => toErrorResponse(err));
  return app;
}
