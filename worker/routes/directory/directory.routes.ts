/**
 * @module
 * The directory of local contacts (docs/directory.md): the public listing with search, an
 * organiser's own entry for coordinators, the directory_edit link and the entry opened by it.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LINK_SECURITY, onlyFor } from "../../lib/create-app";
import { errorResponses, EventKind, IdText, jsonBody, jsonContent, Line, Text } from "../../lib/schemas";
import { DIRECTORY_LIMITS } from "../../directory/entries";

const tags = ["Directory"];

const DirectoryEvent = z.object({
  id: z.number().int(),
  kind: EventKind,
  title: z.string(),
  date: z.string(),
  registrationPath: z.string().nullable().openapi({ description: "The public registration page while registration is open" }),
});

export const DirectoryEntry = z
  .object({
    organisationId: z.number().int(),
    name: z.string(),
    kind: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    place: z.string().nullable(),
    postcode: z.string().nullable(),
    description: z.string().nullable(),
    formats: z.array(EventKind).openapi({ description: "Formats it organised (recorded events) and declares in its entry" }),
    nextEvents: z.array(DirectoryEvent),
    contact: z
      .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), website: z.string().nullable() })
      .nullable()
      .openapi({ description: "Only the contact details published with consent" }),
    brokerScore: z.union([z.number().int(), z.literal("<3")]).nullable().openapi({ description: "Ties brokered in the last 24 months (docs/metrics.md, \"Broker score\"); anonymous callers see 1 and 2 as \"<3\"; null where not computed in this answer" }),
  })
  .openapi("DirectoryEntry");

export const list = createRoute({
  method: "get",
  path: "/directory",
  operationId: "listDirectory",
  tags,
  summary: "Organisers and intermediaries per region: formats, next events, published contact; search by place or postcode",
  request: {
    query: z.object({
      q: Line(DIRECTORY_LIMITS.maxQuery).min(1).optional().openapi({ description: "A place, region or organisation name, or a postcode (prefix of 2–5 digits; Dutch 4 digits + letters)", example: "Jena" }),
      region: z.string().min(1).max(32).optional().openapi({ description: "A region code; its sub-regions included" }),
      limit: z.coerce.number().int().min(1).max(DIRECTORY_LIMITS.maxEntries).optional().openapi({ description: `At most ${DIRECTORY_LIMITS.maxEntries} (default ${DIRECTORY_LIMITS.defaultEntries})` }),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        entries: z.array(DirectoryEntry),
        regions: z.array(z.object({ code: z.string(), name: z.string(), entries: z.number().int() })).openapi({ description: "The regions of the entries (for the map)" }),
        truncated: z.boolean().openapi({ description: "More entries match than `limit`: narrow the search" }),
      }),
      "The directory",
    ),
    ...errorResponses(422),
  },
});

export const OwnEntry = z
  .object({
    id: z.number().int().nullable(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    regionCode: z.string(),
    published: z.boolean(),
    description: z.string().nullable(),
    place: z.string().nullable(),
    postcode: z.string().nullable(),
    formats: z.array(EventKind),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    website: z.string().nullable(),
    consentAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    consentText: z.object({ de: z.string(), en: z.string(), nl: z.string() }).openapi({ description: "Shown next to the contact fields and stored with the entry" }),
  })
  .openapi("DirectoryOwnEntry");

export const EntryInput = z
  .strictObject({
    published: z.boolean(),
    description: Text(1000).nullable().optional(),
    place: Line(120).nullable().optional(),
    postcode: z.string().trim().regex(/^[0-9A-Za-z ]{4,10}$/, "A postcode of 4–10 letters and digits").nullable().optional(),
    formats: z.array(EventKind).max(6).optional(),
    contactName: Line(200).nullable().optional().openapi({ description: "A contact given for publication (a function, an office)" }),
    contactEmail: z.email().max(254).nullable().optional(),
    contactPhone: z.string().trim().regex(/^[0-9+()/ -]{3,40}$/, "Digits, spaces and + ( ) / -").nullable().optional(),
    website: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(),
    consent: z.boolean().optional().openapi({ description: "Agreement to the consent text (needed to publish)" }),
    locale: z.enum(["de", "en", "nl"]).optional().openapi({ description: "The language of the consent text shown" }),
  })
  .openapi("DirectoryEntryInput");

const OrganisationParam = z.object({ organisationId: IdText.openapi({ param: { name: "organisationId", in: "path" } }) });

export const getOwn = createRoute({
  method: "get",
  path: "/directory/entries/{organisationId}",
  operationId: "getDirectoryEntry",
  tags,
  summary: "An organisation's directory entry as stored (a coordinator of its region or admin)",
  security: onlyFor("admin", "coordinator"),
  request: { params: OrganisationParam },
  responses: { 200: jsonContent(OwnEntry, "The entry (empty if none yet)"), ...errorResponses(401, 403, 404, 422) },
});

export const putOwn = createRoute({
  method: "put",
  path: "/directory/entries/{organisationId}",
  operationId: "updateDirectoryEntry",
  tags,
  summary: "Save an organisation's directory entry (publishing needs the consent)",
  security: onlyFor("admin", "coordinator"),
  request: { params: OrganisationParam, body: jsonBody(EntryInput) },
  responses: { 200: jsonContent(OwnEntry, "The saved entry"), ...errorResponses(401, 403, 404, 413, 415, 422) },
});

export const issueEditLink = createRoute({
  method: "post",
  path: "/directory/entries/{organisationId}/link",
  operationId: "createDirectoryEditLink",
  tags,
  summary: "Issue the organisation's directory_edit link (withdraws its older ones); the secret is shown once",
  security: onlyFor("admin", "coordinator"),
  request: { params: OrganisationParam },
  responses: {
    201: jsonContent(z.object({ url: z.string().openapi({ description: "The edit page with the secret in its fragment" }), expiresAt: z.string() }), "The link"),
    ...errorResponses(401, 403, 404, 415, 422),
  },
});

export const getByLink = createRoute({
  method: "get",
  path: "/public/directory-entry",
  operationId: "getDirectoryEntryByLink",
  tags,
  summary: "The directory entry a directory_edit link opens",
  security: LINK_SECURITY,
  responses: { 200: jsonContent(OwnEntry, "The entry"), ...errorResponses(404, 429) },
});

export const putByLink = createRoute({
  method: "put",
  path: "/public/directory-entry",
  operationId: "updateDirectoryEntryByLink",
  tags,
  summary: "Save the directory entry a directory_edit link opens (publishing needs the consent)",
  security: LINK_SECURITY,
  request: { body: jsonBody(EntryInput) },
  responses: { 200: jsonContent(OwnEntry, "The saved entry"), ...errorResponses(404, 413, 415, 422, 429) },
});
