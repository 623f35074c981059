/**
 * @module
 * The deal sheet on the phones in the hall, opened by a deal-sheet link (LINK_SECURITY): what the
 * page needs to pick a pair in two taps, and recording a deal. Any link that does not open the
 * sheet — unknown, expired, withdrawn, another purpose — answers 404.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LINK_SECURITY } from "../../lib/create-app";
import { ContributionType, errorResponses, jsonBody, jsonContent } from "../../lib/schemas";
import { DealInput, DealSchema } from "../../marketplace/deals";
import { withSheet } from "./public-deal-sheet.handlers";

const tags = ["Marketplace"];

export const DealSheet = z
  .object({
    event: z.object({ id: z.number().int(), title: z.string(), date: z.string(), place: z.string() }),
    moneyAllowed: z.boolean(),
    expiresAt: z.string().openapi({ description: "When this link stops working" }),
    partners: z.array(z.object({ id: z.number().int(), name: z.string(), side: z.enum(["nonprofit", "company"]) })).openapi({ description: "Organisations of the approved registrations" }),
    items: z.array(
      z.object({ id: z.number().int(), kind: z.enum(["need", "offer"]), organisationId: z.number().int(), contributionType: ContributionType, description: z.string() }),
    ),
    pairs: z
      .array(z.object({ needItemId: z.number().int(), offerItemId: z.number().int(), talkSlot: z.string().nullable(), hasDeal: z.boolean() }))
      .openapi({ description: "Pairs the organiser pinned on the matching board, by talk slot" }),
    dealCount: z.number().int(),
  })
  .openapi("DealSheet");

export const get = createRoute({
  method: "get",
  path: "/public/deal-sheet",
  operationId: "getDealSheet",
  tags,
  summary: "The deal sheet of the link's event: partners, their needs and offers, pinned pairs",
  security: LINK_SECURITY,
  middleware: [withSheet] as const,
  responses: { 200: jsonContent(DealSheet, "The deal sheet"), ...errorResponses(404) },
});

export const createDeal = createRoute({
  method: "post",
  path: "/public/deal-sheet/deals",
  operationId: "createDealSheetDeal",
  tags,
  summary: "Record a deal from the phone (idempotent by clientId: a resend answers 200 with the stored deal)",
  security: LINK_SECURITY,
  middleware: [withSheet] as const,
  request: { body: jsonBody(DealInput) },
  responses: {
    201: jsonContent(DealSchema, "Recorded"),
    200: jsonContent(DealSchema, "Already recorded with this clientId: the stored deal, nothing written"),
    ...errorResponses(404, 409, 413, 415, 422),
  },
});

export type DealSheetT = z.output<typeof DealSheet>;
