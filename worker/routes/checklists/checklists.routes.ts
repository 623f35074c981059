/**
 * @module
 * Checklist templates per format (built-in, or an organiser's own copy) and each event's working
 * copy (docs/checklists.md). Organisers are admins and coordinators of the event's (or the
 * organiser organisation's) region.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { onlyFor } from "../../lib/create-app";
import { CHECKLIST_LIMITS } from "../../lib/limits";
import { DateString, errorResponses, IdText, jsonBody, jsonContent, Line } from "../../lib/schemas";
import { CHECKLIST_FORMATS } from "../../checklists/templates";

const tags = ["Checklists"];
const organisers = onlyFor("admin", "coordinator");

export const ChecklistFormat = z.enum(CHECKLIST_FORMATS).openapi({ description: "The event format a template is for" });
const OffsetDays = z.number().int().min(-730).max(730).openapi({ description: "Days after the event's date the item is due (negative: before it)", example: -90 });
const Titles = z.object({ de: z.string(), en: z.string(), nl: z.string() }).nullable().openapi({ description: "A built-in item's text in every language (null: the organiser's own text)" });

const TemplateItemSchema = z.object({ position: z.number().int(), key: z.string().nullable(), title: z.string(), titles: Titles, offsetDays: z.number().int() }).openapi("ChecklistTemplateItem");

export const TemplateSchema = z
  .object({
    format: ChecklistFormat,
    organiserId: z.number().int().nullable(),
    source: z.enum(["builtin", "organiser"]).openapi({ description: "builtin: the guide's template; organiser: the organiser's own copy" }),
    items: z.array(TemplateItemSchema),
  })
  .openapi("ChecklistTemplate");

const FormatParam = z.object({ format: ChecklistFormat.openapi({ param: { name: "format", in: "path" } }) });
const OrganiserQuery = z.object({
  organiserId: IdText.optional().openapi({ param: { name: "organiserId", in: "query" }, description: "The organising organisation whose copy to read (none: the built-in template)" }),
});

export const getTemplate = createRoute({
  method: "get",
  path: "/checklist-templates/{format}",
  operationId: "getChecklistTemplate",
  tags,
  summary: "The checklist template of a format: the organiser's own copy if it has one, else the built-in one",
  security: organisers,
  request: { params: FormatParam, query: OrganiserQuery },
  responses: { 200: jsonContent(TemplateSchema, "The template"), ...errorResponses(401, 403, 404, 422) },
});

const TemplateItemInput = z.strictObject({
  key: z.string().max(64).nullable().optional().openapi({ description: "The built-in item this one was copied from; kept only while the text is unchanged" }),
  title: Line(300).min(1),
  offsetDays: OffsetDays,
});

export const putTemplate = createRoute({
  method: "put",
  path: "/checklist-templates/{format}",
  operationId: "updateChecklistTemplate",
  tags,
  summary: "Save the organiser's own copy of a format's template (copy-on-write of the built-in one); later checklists of its events use it",
  request: {
    params: FormatParam,
    query: z.object({ organiserId: IdText.openapi({ param: { name: "organiserId", in: "query" } }) }),
    body: jsonBody(z.strictObject({ items: z.array(TemplateItemInput).min(1).max(CHECKLIST_LIMITS.maxItems) }).openapi("ChecklistTemplateUpdate")),
  },
  responses: { 200: jsonContent(TemplateSchema, "Saved"), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

export const deleteTemplate = createRoute({
  method: "delete",
  path: "/checklist-templates/{format}",
  operationId: "deleteChecklistTemplate",
  tags,
  summary: "Drop the organiser's copy: its later checklists use the built-in template again (existing checklists stay)",
  request: { params: FormatParam, query: z.object({ organiserId: IdText.openapi({ param: { name: "organiserId", in: "query" } }) }) },
  responses: { 204: { description: "Dropped (or there was none)" }, ...errorResponses(401, 403, 404, 422) },
});

export const ChecklistItemSchema = z
  .object({
    id: z.number().int(),
    position: z.number().int(),
    key: z.string().nullable(),
    title: z.string(),
    titles: Titles,
    offsetDays: z.number().int(),
    dueOn: z.string().openapi({ format: "date", description: "The event's date plus offsetDays" }),
    assignee: z.string().nullable(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    overdue: z.boolean().openapi({ description: "Not done and due before today (UTC)" }),
  })
  .openapi("ChecklistItem");

export const ChecklistSchema = z
  .object({
    event: z.object({ id: z.number().int(), kind: z.string(), title: z.string(), date: z.string(), regionCode: z.string() }),
    format: ChecklistFormat,
    created: z.boolean().openapi({ description: "False until the working copy is made (POST): then no items, and templateSource names the template it would be made from" }),
    templateSource: z.enum(["builtin", "organiser"]),
    createdAt: z.string().nullable(),
    today: z.string().openapi({ format: "date", description: "The date overdue is measured against" }),
    items: z.array(ChecklistItemSchema),
    counts: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  })
  .openapi("Checklist");

const EventParam = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });
const ItemParam = EventParam.extend({ itemId: IdText.openapi({ param: { name: "itemId", in: "path" } }) });

export const getChecklist = createRoute({
  method: "get",
  path: "/events/{eventId}/checklist",
  operationId: "getEventChecklist",
  tags,
  summary: "An event's working checklist: items with due dates, who does them, done and overdue (created false before it is made)",
  security: organisers,
  request: { params: EventParam },
  responses: { 200: jsonContent(ChecklistSchema, "The checklist"), ...errorResponses(401, 403, 404, 422) },
});

export const createChecklist = createRoute({
  method: "post",
  path: "/events/{eventId}/checklist",
  operationId: "createEventChecklist",
  tags,
  summary: "Make the event's working checklist from its format's template (the organiser's copy if it has one)",
  request: {
    params: EventParam,
    body: jsonBody(
      z
        .strictObject({
          organiserId: z.number().int().min(1).nullable().optional().openapi({ description: "Whose template to copy (default: the event's organiser; null: the built-in one)" }),
        })
        .openapi("ChecklistCreate"),
    ),
  },
  responses: { 201: jsonContent(ChecklistSchema, "Created"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const addItem = createRoute({
  method: "post",
  path: "/events/{eventId}/checklist/items",
  operationId: "createEventChecklistItem",
  tags,
  summary: "Add an item of the organiser's own to the event's checklist",
  request: {
    params: EventParam,
    body: jsonBody(z.strictObject({ title: Line(300).min(1), offsetDays: OffsetDays, assignee: Line(200).min(1).nullable().optional() }).openapi("ChecklistItemCreate")),
  },
  responses: { 201: jsonContent(ChecklistItemSchema, "Added"), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const updateItem = createRoute({
  method: "patch",
  path: "/events/{eventId}/checklist/items/{itemId}",
  operationId: "updateEventChecklistItem",
  tags,
  summary: "Tick an item, assign it, or change its text or due date (as a day or as days from the event)",
  request: {
    params: ItemParam,
    body: jsonBody(
      z
        .strictObject({
          done: z.boolean().optional(),
          assignee: Line(200).min(1).nullable().optional(),
          title: Line(300).min(1).optional(),
          offsetDays: OffsetDays.optional(),
          dueOn: DateString.optional().openapi({ description: "Sets offsetDays from the event's date" }),
        })
        .openapi("ChecklistItemUpdate"),
    ),
  },
  responses: { 200: jsonContent(ChecklistItemSchema, "Updated"), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

export const deleteItem = createRoute({
  method: "delete",
  path: "/events/{eventId}/checklist/items/{itemId}",
  operationId: "deleteEventChecklistItem",
  tags,
  summary: "Remove an item from the event's checklist",
  request: { params: ItemParam },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 422) },
});
