/**
 * @module
 * The matching board of a marketplace (docs/marketplace.md, "Matching board"): suggested talks of
 * needs × offers with their score and reasons, and the organiser's pins and dismissals.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { MAX_ID } from "../../lib/limits";
import { onlyFor } from "../../lib/create-app";
import { ContributionType, errorResponses, IdText, jsonBody, jsonContent } from "../../lib/schemas";

/**
 * `maxPairs`: need × offer pairs one board read compares (pending registrations, which anyone with
 * the registration page can add, are left out first when there are more).
 */
export const BOARD_LIMITS = { perNeedMax: 20, perNeedDefault: 3, decisionsPerRequest: 200, maxPairs: 200_000 } as const;

const EventIdParam = z.object({ eventId: IdText.openapi({ param: { name: "eventId", in: "path" } }) });
const Id = z.number().int().min(1).max(MAX_ID);
const Slot = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Expected a time as HH:MM")
  .openapi({ example: "14:30", description: "Start of the talk in the hall" });

const ReasonCode = z
  .object({
    code: z
      .enum(["same_type", "related_type", "sector_affinity", "shared_tags", "same_district", "same_state", "first_tie", "peripheral", "bridges_communities", "already_partners", "pending_registration"])
      .openapi({ example: "first_tie" }),
    params: z
      .object({
        type: ContributionType.optional(),
        need: ContributionType.optional(),
        offer: ContributionType.optional(),
        share: z.number().optional().openapi({ description: "sector_affinity: cooperations ÷ of" }),
        cooperations: z.number().int().optional(),
        of: z.number().int().optional(),
        field: z.string().optional(),
        industry: z.string().optional(),
        tags: z.array(z.string()).optional(),
        region: z.string().optional(),
        organisation: z.string().optional(),
        status: z.enum(["peripheral", "fading"]).optional(),
      })
      .openapi({ description: "The parameters the code names (docs/marketplace.md, \"Matching board\")" }),
  })
  .openapi("MatchReason", { description: "A reason as a code with parameters, for clients that word it in their language" });

const Decision = z
  .object({
    state: z.enum(["pinned", "dismissed"]),
    moderatorId: z.number().int().nullable(),
    talkSlot: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .openapi("MatchDecision");

const Match = z
  .object({
    needItemId: z.number().int(),
    offerItemId: z.number().int(),
    score: z.number().int().openapi({ description: "0–100: the weighted mean of the components in percent" }),
    components: z.object({ type: z.number(), affinity: z.number(), tags: z.number(), distance: z.number(), network: z.number() }),
    reasons: z.array(z.string()).openapi({ example: ["both about know-how", "first tie for Tafel Essen e.V., which has no partner yet"] }),
    reasonCodes: z.array(ReasonCode),
    pending: z.boolean().openapi({ description: "One of the two registrations is not approved yet" }),
    decision: Decision.nullable(),
  })
  .openapi("Match");

const BoardSchema = z
  .object({
    event: z.object({
      id: z.number().int(),
      title: z.string(),
      date: z.string(),
      regionCode: z.string(),
      place: z.string().nullable(),
      hallOpens: z.string().nullable(),
      hallCloses: z.string().nullable(),
    }),
    weights: z.object({ type: z.number(), affinity: z.number(), tags: z.number(), distance: z.number(), network: z.number() }),
    registrations: z.array(
      z.object({
        id: z.number().int(),
        side: z.enum(["nonprofit", "company"]),
        orgName: z.string(),
        status: z.enum(["approved", "pending"]),
        organisationId: z.number().int().nullable(),
        regionCode: z.string().nullable(),
        networkStatus: z.enum(["isolated", "peripheral", "fading", "connected"]).nullable(),
      }),
    ),
    items: z.array(
      z.object({
        id: z.number().int(),
        registrationId: z.number().int(),
        kind: z.enum(["need", "offer"]),
        contributionType: ContributionType,
        description: z.string(),
        quantity: z.number().nullable(),
        hours: z.number().nullable(),
        wantedWhen: z.string().nullable(),
        tags: z.array(z.string()),
      }),
    ),
    moderators: z.array(z.object({ id: z.number().int(), name: z.string() })),
    matches: z.array(Match).openapi({ description: "Pinned talks first (by slot), then for each need its best undecided suggestions" }),
    dismissed: z.array(Match),
    unmatchedNeedIds: z.array(z.number().int()).openapi({ description: "Needs without any fitting offer" }),
    pendingLeftOut: z.boolean().openapi({ description: `Pending registrations were left out: with them the board would compare more than ${BOARD_LIMITS.maxPairs} need × offer pairs` }),
    conflicts: z
      .array(
        z.object({
          talkSlot: z.string(),
          registrationId: z.number().int().nullable(),
          moderatorId: z.number().int().nullable(),
          talks: z.array(z.object({ needItemId: z.number().int(), offerItemId: z.number().int() })),
        }),
      )
      .openapi({ description: "Double bookings: a participant (registrationId) or a moderator with several pinned talks at the same time" }),
  })
  .openapi("MatchingBoard");

const tags = ["Marketplace"];

export const board = createRoute({
  method: "get",
  path: "/marketplaces/{eventId}/board",
  operationId: "getMatchingBoard",
  tags,
  summary: "The matching board: suggested talks with score and reasons, pins and dismissals",
  security: onlyFor("admin", "coordinator"),
  request: {
    params: EventIdParam,
    query: z.object({
      perNeed: z
        .string()
        // Digits only: Number() would also read "0x10" and "1e1".
        .regex(/^[1-9][0-9]?$/, { message: `Expected a whole number from 1 to ${BOARD_LIMITS.perNeedMax}`, abort: true })
        .transform(Number)
        .refine((n) => n <= BOARD_LIMITS.perNeedMax, `Expected a whole number from 1 to ${BOARD_LIMITS.perNeedMax}`)
        .optional()
        .openapi({ type: "integer", minimum: 1, maximum: BOARD_LIMITS.perNeedMax, description: `Undecided suggestions shown per need (default ${BOARD_LIMITS.perNeedDefault})` }),
    }),
  },
  responses: { 200: jsonContent(BoardSchema, "The board"), ...errorResponses(401, 403, 404, 422) },
});

const DecisionInput = z
  .strictObject({
    needItemId: Id,
    offerItemId: Id,
    state: z.enum(["pinned", "dismissed", "open"]).openapi({ description: "open removes an earlier decision" }),
    moderatorId: Id.nullable().optional().openapi({ description: "Pinned talks: the moderator who brokers it" }),
    talkSlot: Slot.nullable().optional(),
  })
  .openapi("MatchDecisionInput");

export const decide = createRoute({
  method: "put",
  path: "/marketplaces/{eventId}/board/decisions",
  operationId: "updateMatchDecisions",
  tags,
  summary: "Pin (with moderator and talk slot), dismiss or reopen suggested talks; all or nothing",
  request: {
    params: EventIdParam,
    body: jsonBody(z.strictObject({ decisions: z.array(DecisionInput).min(1).max(BOARD_LIMITS.decisionsPerRequest) })),
  },
  responses: {
    200: jsonContent(z.object({ decisions: z.array(Decision.extend({ needItemId: z.number().int(), offerItemId: z.number().int() })) }), "The decisions as stored now (reopened pairs are absent)"),
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});
