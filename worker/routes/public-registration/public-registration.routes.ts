/**
 * @module
 * Registration by link (docs/marketplace.md, "Registration by link"): the published page of a
 * marketplace (`/register/<key>`) reads the event and takes registrations without an account;
 * each registrant gets an edit link (a registration_edit capability) that opens its own entry
 * and nothing else.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LINK_SECURITY, PUBLIC_SECURITY } from "../../lib/create-app";
import { REGISTRATION_LIMITS } from "../../lib/limits";
import { ContributionType, errorResponses, IdText, jsonBody, jsonContent, Line, Text } from "../../lib/schemas";
import { RegistrationState } from "../marketplaces/workspace.routes";

const tags = ["Marketplace"];
const L = REGISTRATION_LIMITS;

const Tag = z.string().trim().min(1).max(L.maxTagLength).regex(/^[\p{L}\p{N} _.&/-]+$/u, "Letters, digits, spaces and _ . & / - only");

export const RegistrationItemInput = z
  .strictObject({
    id: z.number().int().positive().optional().openapi({ description: "Changing an entry: the id of an item kept (others are removed, items without id added)" }),
    contributionType: ContributionType,
    description: Text(L.maxDescription).trim().min(1).openapi({ example: "Zwei Leute, die beim Umzug der Kleiderkammer anpacken" }),
    quantity: z.number().min(0).max(1e6).nullable().optional(),
    hours: z.number().min(0).max(10_000).nullable().optional(),
    wantedWhen: Line(200).nullable().optional().openapi({ description: "When, in the registrant's words", example: "Frühjahr 2027" }),
    tags: z.array(Tag).max(L.maxTags).optional().openapi({ description: "Field/industry tags" }),
  })
  .openapi("RegistrationItemInput");

export const RegistrationItem = z
  .object({
    id: z.number().int(),
    kind: z.enum(["need", "offer"]),
    contributionType: ContributionType,
    description: z.string(),
    quantity: z.number().nullable(),
    hours: z.number().nullable(),
    wantedWhen: z.string().nullable(),
    tags: z.array(z.string()),
  })
  .openapi("RegistrationItem");

const Key = z.string().trim().min(1).max(100).regex(/^[a-z0-9_]+$/, "Lowercase key like youth_work");

const RegistrationFields = {
  side: z.enum(["nonprofit", "company"]).openapi({ description: "A non-profit registers needs, a company offers" }),
  orgName: Line(300).min(1).openapi({ example: "Tafel Jülich e.V." }),
  postcode: z.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, "Not a postcode").nullable().optional(),
  field: Key.nullable().optional().openapi({ description: "Field of work (non-profits)" }),
  industry: Key.nullable().optional().openapi({ description: "Industry (companies)" }),
  items: z.array(RegistrationItemInput).min(1).max(L.maxItems),
  contactName: Line(200).min(1).nullable().optional().openapi({ description: "Personal data: stored only with consent" }),
  contactEmail: z.email().max(254).nullable().optional().openapi({ description: "Personal data: stored only with consent" }),
  consent: z.boolean().optional().openapi({ description: "The registrant agrees to the consent text shown (needed for a contact person)" }),
  locale: z.enum(["de", "en", "nl"]).optional(),
};

export const RegistrationCreate = z
  .strictObject({
    ...RegistrationFields,
    // A field people never see (hidden by the page); bots fill every field.
    website: z.string().max(500).optional().openapi({ description: "Leave empty (a field for bots)" }),
    turnstileToken: z.string().max(4096).optional().openapi({ description: "Cloudflare Turnstile answer, where the page shows the check" }),
  })
  .openapi("RegistrationCreate");

export const RegistrationUpdate = z.strictObject(RegistrationFields).openapi("RegistrationUpdate");

export const RegistrationPage = z
  .object({
    title: z.string(),
    date: z.string(),
    place: z.string(),
    hallOpens: z.string().nullable(),
    hallCloses: z.string().nullable(),
    registrationOpens: z.string().nullable(),
    registrationCloses: z.string().openapi({ description: "Last day of registration (the event's date when none was set)" }),
    registrationState: RegistrationState,
    contributionTypes: z.array(ContributionType).openapi({ description: "Types offered (money only where the house rule allows it)" }),
    consentText: z.object({ de: z.string(), en: z.string(), nl: z.string() }).openapi({ description: "Shown next to the contact fields and stored with them" }),
    turnstileSiteKey: z.string().nullable().openapi({ description: "Where set, the page shows Cloudflare Turnstile and sends its answer" }),
    limits: z.object({ maxItems: z.number().int(), maxDescription: z.number().int() }),
  })
  .openapi("RegistrationPage");

export const OwnRegistration = z
  .object({
    id: z.number().int(),
    event: RegistrationPage.pick({ title: true, date: true, place: true, hallOpens: true, hallCloses: true, registrationCloses: true, contributionTypes: true, consentText: true }).extend({ editable: z.boolean() }),
    side: z.enum(["nonprofit", "company"]),
    orgName: z.string(),
    postcode: z.string().nullable(),
    field: z.string().nullable(),
    industry: z.string().nullable(),
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    consentAt: z.string().nullable(),
    locale: z.string(),
    items: z.array(RegistrationItem),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("OwnRegistration");

export const Registered = z
  .object({
    id: z.number().int(),
    status: z.literal("pending"),
    editKey: z.string().openapi({ description: "The edit link's secret, shown once: keep the link /register/edit/<id>#<editKey>" }),
    editPath: z.string().openapi({ example: "/register/edit/17#kl_…" }),
    expiresAt: z.string(),
  })
  .openapi("Registered");

const KeyParam = z.object({ key: z.string().min(1).max(64).openapi({ param: { name: "key", in: "path" } }) });
const IdParam = z.object({ id: IdText.openapi({ param: { name: "id", in: "path" } }) });

export const page = createRoute({
  method: "get",
  path: "/public/registration/{key}",
  operationId: "getRegistrationPage",
  tags,
  summary: "A marketplace's registration page: the event, whether it takes registrations, the consent text",
  request: { params: KeyParam },
  responses: { 200: jsonContent(RegistrationPage, "The registration page"), ...errorResponses(404) },
});

export const register = createRoute({
  method: "post",
  path: "/public/registration/{key}",
  operationId: "createRegistration",
  tags,
  summary: "Register an organisation with its needs or offers (no account; answers the edit link once)",
  security: PUBLIC_SECURITY,
  request: { params: KeyParam, body: jsonBody(RegistrationCreate) },
  responses: {
    201: jsonContent(Registered, "Registered; waits for the organiser's approval"),
    ...errorResponses(400, 403, 404, 409, 413, 415, 422, 429),
  },
});

export const readOwn = createRoute({
  method: "get",
  path: "/public/registrations/{id}",
  operationId: "getOwnRegistration",
  tags,
  summary: "The registrant's own entry, opened by its edit link",
  security: LINK_SECURITY,
  request: { params: IdParam },
  responses: { 200: jsonContent(OwnRegistration, "The entry"), ...errorResponses(404, 422) },
});

export const updateOwn = createRoute({
  method: "put",
  path: "/public/registrations/{id}",
  operationId: "updateOwnRegistration",
  tags,
  summary: "Change the own entry (until registration closes); items with an id are kept and changed",
  security: LINK_SECURITY,
  request: { params: IdParam, body: jsonBody(RegistrationUpdate) },
  responses: { 200: jsonContent(OwnRegistration, "Changed"), ...errorResponses(400, 404, 409, 413, 415, 422, 429) },
});

export const withdrawOwn = createRoute({
  method: "delete",
  path: "/public/registrations/{id}",
  operationId: "deleteOwnRegistration",
  tags,
  summary: "Withdraw the own entry (its contact data is erased; the link stops working)",
  security: LINK_SECURITY,
  request: { params: IdParam },
  responses: { 204: { description: "Withdrawn" }, ...errorResponses(404, 422, 429) },
});
