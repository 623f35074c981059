/**
 * @module
 * The organiser's marketplace workspace (docs/marketplace.md, "The workspace"): a marketplace is
 * an event of kind `marketplace` plus its settings — place, hall time, capacity, registration
 * window, the money house rule, follow-up months — its moderators and its registration page.
 * Organisers are coordinators of the event's region, or admins.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { DateString, errorResponses, IdText, jsonBody, jsonContent, Line, PageSize } from "../../lib/schemas";

const tags = ["Marketplace"];
const organisers = onlyFor("admin", "coordinator");

const Clock = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Expected a time as HH:MM (24 h)")
  .openapi({ example: "16:00" });

export const SettingsFields = {
  place: Line(300).min(1).openapi({ example: "IHK Essen, Am Waldthausenpark 2" }),
  hallOpens: Clock.nullable().optional(),
  hallCloses: Clock.nullable().optional(),
  capacity: z.number().int().min(1).max(5000).nullable().optional().openapi({ description: "Organisations the hall takes (pending and approved registrations count)" }),
  registrationOpens: DateString.nullable().optional().openapi({ description: "First day of registration (none: open now)" }),
  registrationCloses: DateString.nullable().optional().openapi({ description: "Last day of registration (none: until the event's date)" }),
  moneyAllowed: z.boolean().optional().openapi({ description: "False (the common house rule \"money is not traded here\"): the money contribution type is not offered" }),
  followUpMonths: z
    .array(z.number().int().min(1).max(36))
    .min(1)
    .max(4)
    .refine((a) => new Set(a).size === a.length, "Each month only once")
    .optional()
    .openapi({ description: "Months after a deal's date \"by when\" at which its partners are asked (default 3 and 6)", example: [3, 6] }),
};

export const MarketplaceCreate = z
  .strictObject({
    title: Line(300).min(1).openapi({ example: "Gute Geschäfte Essen 2026" }),
    date: DateString,
    regionCode: z.string().min(1).max(32).openapi({ example: "05113" }),
    ...SettingsFields,
    moderators: z.array(Line(200).min(1)).max(50).optional(),
  })
  .openapi("MarketplaceCreate");

export const MarketplaceUpdate = z
  .strictObject({
    title: Line(300).min(1).optional(),
    date: DateString.optional(),
    ...SettingsFields,
    place: SettingsFields.place.optional(),
  })
  .openapi("MarketplaceUpdate");

export const RegistrationState = z.enum(["open", "not_yet_open", "closed", "full"]).openapi({ description: "Whether the registration page takes new registrations today" });

export const Moderator = z.object({ id: z.number().int(), name: z.string() }).openapi("Moderator");

export const MarketplaceSchema = z
  .object({
    eventId: z.number().int(),
    title: z.string(),
    date: z.string(),
    regionCode: z.string(),
    place: z.string(),
    hallOpens: z.string().nullable(),
    hallCloses: z.string().nullable(),
    capacity: z.number().int().nullable(),
    registrationOpens: z.string().nullable(),
    registrationCloses: z.string().nullable(),
    moneyAllowed: z.boolean(),
    followUpMonths: z.array(z.number().int()),
    registrationKey: z.string(),
    registrationPath: z.string().openapi({ example: "/register/mk_…", description: "The public registration page" }),
    registrationState: RegistrationState,
    moderators: z.array(Moderator),
    registrations: z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int(), withdrawn: z.number().int() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Marketplace");

export const EventIdParam = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });

export const list = createRoute({
  method: "get",
  path: "/marketplaces",
  operationId: "listMarketplaces",
  tags,
  summary: "The marketplaces the caller organises (coordinators: of their regions), latest first",
  security: organisers,
  request: { query: z.object({ limit: PageSize(100) }) },
  responses: { 200: jsonContent(z.object({ data: z.array(MarketplaceSchema) }).openapi("MarketplaceList"), "Marketplaces"), ...errorResponses(401, 403, 422) },
});

export const get = createRoute({
  method: "get",
  path: "/marketplaces/{eventId}",
  operationId: "getMarketplace",
  tags,
  summary: "A marketplace's workspace: settings, moderators, registration page and counts",
  security: organisers,
  request: { params: EventIdParam },
  responses: { 200: jsonContent(MarketplaceSchema, "The marketplace"), ...errorResponses(401, 403, 404, 422) },
});

export const create = createRoute({
  method: "post",
  path: "/marketplaces",
  operationId: "createMarketplace",
  tags,
  summary: "Create a marketplace: the event (kind marketplace) with its settings and registration page",
  request: { body: jsonBody(MarketplaceCreate) },
  responses: { 201: jsonContent(MarketplaceSchema, "Created"), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

export const update = createRoute({
  method: "patch",
  path: "/marketplaces/{eventId}",
  operationId: "updateMarketplace",
  tags,
  summary: "Change a marketplace's settings (and its event's title and date)",
  request: { params: EventIdParam, body: jsonBody(MarketplaceUpdate) },
  responses: { 200: jsonContent(MarketplaceSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

export const addModerator = createRoute({
  method: "post",
  path: "/marketplaces/{eventId}/moderators",
  operationId: "createMarketplaceModerator",
  tags,
  summary: "Add a moderator (a person brokering talks in the hall)",
  request: { params: EventIdParam, body: jsonBody(z.strictObject({ name: Line(200).min(1) }).openapi("ModeratorCreate")) },
  responses: { 201: jsonContent(Moderator, "Added"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const removeModerator = createRoute({
  method: "delete",
  path: "/marketplaces/{eventId}/moderators/{moderatorId}",
  operationId: "deleteMarketplaceModerator",
  tags,
  summary: "Remove a moderator (talks assigned to them keep their time, without a moderator)",
  request: { params: EventIdParam.extend({ moderatorId: IdText.openapi({ param: { name: "moderatorId", in: "path" } }) }) },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 422) },
});
