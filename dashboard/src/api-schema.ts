// Generated from GET /api/v1/openapi.json by `npx tsx scripts/openapi.ts`; do not edit.
// The route schemas in worker/routes are the source: change them, then regenerate.

export interface paths {
    "/action-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action days the caller organises (newest first) */
        get: operations["listActionDays"];
        put?: never;
        /** Create an action day (its event and its two registration pages) */
        post: operations["createActionDay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-days/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An action day with its projects, teams, assignment and results */
        get: operations["getActionDay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-days/{eventId}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suggest the assignment anew: every team not moved by hand is placed by the stated rule */
        post: operations["createActionDayAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-days/{eventId}/projects/{projectId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Enter a project's results; one cooperation per company–non-profit pair follows (entering again updates it) */
        put: operations["updateActionDayResults"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-days/{eventId}/projects/{projectId}/results-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A link for the non-profit to enter its project's results (earlier links stop working) */
        post: operations["createActionDayResultsLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-days/{eventId}/registrations/{registrationId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve who registered a project or team: as an existing organisation or a new one */
        post: operations["createActionDayApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-days/{eventId}/teams/{teamId}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move a team to a project and day by hand (capacities are checked) */
        put: operations["updateActionDayAssignment"];
        post?: never;
        /** Take a team off its project (it stays unassigned until moved or suggested again) */
        delete: operations["deleteActionDayAssignment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log, newest first */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checklist-templates/{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The checklist template of a format: the organiser's own copy if it has one, else the built-in one */
        get: operations["getChecklistTemplate"];
        /** Save the organiser's own copy of a format's template (copy-on-write of the built-in one); later checklists of its events use it */
        put: operations["updateChecklistTemplate"];
        post?: never;
        /** Drop the organiser's copy: its later checklists use the built-in template again (existing checklists stay) */
        delete: operations["deleteChecklistTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversion of first contacts into lasting ties, by event format and year */
        get: operations["getConversion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cooperations (admins and funders: all; coordinators: their regions) */
        get: operations["listCooperations"];
        put?: never;
        /** Record a cooperation (deal sheet) */
        post: operations["createCooperation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cooperation */
        get: operations["getCooperation"];
        put?: never;
        post?: never;
        /** Delete a cooperation (soft) */
        delete: operations["deleteCooperation"];
        options?: never;
        head?: never;
        /** Change a cooperation (partnerIds replaces the partners) */
        patch: operations["updateCooperation"];
        trace?: never;
    };
    "/cooperations/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update up to 5000 cooperations at once (all or nothing; same source + externalRef updates) */
        post: operations["bulkUpsertCooperations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisers and intermediaries per region: formats, next events, published contact; search by place or postcode */
        get: operations["listDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/entries/{organisationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation's directory entry as stored (a coordinator of its region or admin) */
        get: operations["getDirectoryEntry"];
        /** Save an organisation's directory entry (publishing needs the consent) */
        put: operations["updateDirectoryEntry"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/entries/{organisationId}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue the organisation's directory_edit link (withdraws its older ones); the secret is shown once */
        post: operations["createDirectoryEditLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events */
        get: operations["listEvents"];
        put?: never;
        /** Create an event */
        post: operations["createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An event's working checklist: items with due dates, who does them, done and overdue (created false before it is made) */
        get: operations["getEventChecklist"];
        put?: never;
        /** Make the event's working checklist from its format's template (the organiser's copy if it has one) */
        post: operations["createEventChecklist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/checklist/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an item of the organiser's own to the event's checklist */
        post: operations["createEventChecklistItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/checklist/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an item from the event's checklist */
        delete: operations["deleteEventChecklistItem"];
        options?: never;
        head?: never;
        /** Tick an item, assign it, or change its text or due date (as a day or as days from the event) */
        patch: operations["updateEventChecklistItem"];
        trace?: never;
    };
    "/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event with its participants */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        /** Delete an event (soft) */
        delete: operations["deleteEvent"];
        options?: never;
        head?: never;
        /** Change an event (participantIds replaces the list) */
        patch: operations["updateEvent"];
        trace?: never;
    };
    "/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a CSV or XLSX file (≤ 10 MB, ≤ 25000 rows): dry run with a report per row, or an atomic real run
         * @description Send the file as the raw body (text/csv or the XLSX media type) or as multipart/form-data field `file`. dryRun=true (default) writes nothing and reports every row; dryRun=false stores all rows in one transaction, or nothing (422 with details `rows[<row>].<column>`) if any row is rejected. With `Accept: application/x-ndjson` the answer streams progress lines `{event:'progress',phase,done,total}` and ends with `{event:'report',status,report}` or `{event:'error',status,error}`.
         */
        post: operations["importRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/import/columns/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The columns the import recognises for a type: canonical headers (de, en) and accepted synonyms */
        get: operations["getImportColumns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/import/templates/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an import template with example rows (CSV in the German Excel dialect for locale=de) */
        get: operations["getImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The marketplaces the caller organises (coordinators: of their regions), latest first */
        get: operations["listMarketplaces"];
        put?: never;
        /** Create a marketplace: the event (kind marketplace) with its settings and registration page */
        post: operations["createMarketplace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A marketplace's workspace: settings, moderators, registration page and counts */
        get: operations["getMarketplace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a marketplace's settings (and its event's title and date) */
        patch: operations["updateMarketplace"];
        trace?: never;
    };
    "/marketplaces/{eventId}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matching board: suggested talks with score and reasons, pins and dismissals */
        get: operations["getMatchingBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/board/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Pin (with moderator and talk slot), dismiss or reopen suggested talks; all or nothing */
        put: operations["updateMatchDecisions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/deal-sheet-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new deal-sheet link for the phones in the hall (earlier links stay valid until they expire or are withdrawn) */
        post: operations["createDealSheetLink"];
        /** Withdraw every deal-sheet link of the event */
        delete: operations["deleteDealSheetLinks"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deals made at a marketplace (organiser: a coordinator of the event's region, or admin) */
        get: operations["listMarketplaceDeals"];
        put?: never;
        /** Record a deal: it becomes a cooperation of the event (idempotent by clientId) */
        post: operations["createMarketplaceDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The follow-up board: due, sent, overdue, answered and disagreeing requests */
        get: operations["getFollowUpBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/follow-ups/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue fresh follow-up links and download them as a mail-merge CSV (German Excel dialect by default)
         * @description Each row's link replaces any earlier link of that request, so download once and send the file's links. The requests count as sent (or reminded).
         */
        post: operations["createFollowUpMailMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/follow-ups/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the follow-up requests of the event's deals (idempotent; the Cron job does the same) */
        post: operations["createFollowUpRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/follow-ups/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail fresh follow-up links (first requests or reminders) through the configured mail transport */
        post: operations["createFollowUpMails"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/moderators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a moderator (a person brokering talks in the hall) */
        post: operations["createMarketplaceModerator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/moderators/{moderatorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a moderator (talks assigned to them keep their time, without a moderator) */
        delete: operations["deleteMarketplaceModerator"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A marketplace's registrations with their items and matched organisations (oldest first) */
        get: operations["listMarketplaceRegistrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/registrations/{registrationId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a registration: as an existing organisation (organisationId) or as a new one; it becomes an event participant */
        post: operations["createRegistrationApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/registrations/{registrationId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a pending registration */
        post: operations["createRegistrationRejection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketplaces/{eventId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event's own results, with names (organiser: a coordinator of the event's region, or admin) */
        get: operations["getMarketplaceResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's role and regions */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** National figures and one row per region with data (sortable ranking) */
        get: operations["getMetricsOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organisations */
        get: operations["listOrganisations"];
        put?: never;
        /** Create an organisation */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        /** Delete an organisation (soft; its cooperations stay in the figures) */
        delete: operations["deleteOrganisation"];
        options?: never;
        head?: never;
        /** Change an organisation */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/organisations/{id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metrics of one organisation (in its region's snapshot) with its ego network */
        get: operations["getOrganisationMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisations/{id}/personal-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the personal data stored about an organisation (contact person), with its audit trail */
        get: operations["getOrganisationPersonalData"];
        put?: never;
        post?: never;
        /** Erase personal data (contact person, and the record itself with ?purge=true): data-protection erasure */
        delete: operations["deleteOrganisationPersonalData"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisations/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update up to 5000 organisations at once (all or nothing; same externalRef updates) */
        post: operations["bulkUpsertOrganisations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day-projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The non-profit's own project, opened by its edit link */
        get: operations["getOwnActionDayProject"];
        /** Change the own project (until registration closes) */
        put: operations["updateOwnActionDayProject"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day-projects/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw consent: the project's contact person is erased (at any time, also after registration closed) */
        delete: operations["deleteOwnActionDayProjectContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day-results/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's results form, opened by the results link the organiser sent */
        get: operations["getActionDayProjectResults"];
        /** Enter the project's results after the day (entering again replaces them) */
        put: operations["updateActionDayProjectResults"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day-teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company's own team, opened by its edit link (with its project, once assigned) */
        get: operations["getOwnActionDayTeam"];
        /** Change the own team (until registration closes) */
        put: operations["updateOwnActionDayTeam"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day-teams/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw consent: the team's contact person is erased (at any time, also after registration closed) */
        delete: operations["deleteOwnActionDayTeamContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An action day's project or team page: the event, its days, whether it takes entries */
        get: operations["getActionDayPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day/{key}/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a non-profit's project (no account; answers the edit link once) */
        post: operations["createActionDayProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/action-day/{key}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a company's team (no account; answers the edit link once) */
        post: operations["createActionDayTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/deal-sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deal sheet of the link's event: partners, their needs and offers, pinned pairs */
        get: operations["getDealSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/deal-sheet/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a deal from the phone (idempotent by clientId: a resend answers 200 with the stored deal) */
        post: operations["createDealSheetDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/directory-entry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The directory entry a directory_edit link opens */
        get: operations["getDirectoryEntryByLink"];
        /** Save the directory entry a directory_edit link opens (publishing needs the consent) */
        put: operations["updateDirectoryEntryByLink"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a follow-up link asks about (the deal, the partners, the round) */
        get: operations["getFollowUpQuestion"];
        put?: never;
        /** Answer a follow-up once: the answer updates the cooperation (audited, with who answered) */
        post: operations["createFollowUpAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/marketplaces/{eventId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event's results as counts; small numbers withheld for anonymous callers (docs/privacy.md) */
        get: operations["getPublicMarketplaceResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/registration/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A marketplace's registration page: the event, whether it takes registrations, the consent text */
        get: operations["getRegistrationPage"];
        put?: never;
        /** Register an organisation with its needs or offers (no account; answers the edit link once) */
        post: operations["createRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The registrant's own entry, opened by its edit link */
        get: operations["getOwnRegistration"];
        /** Change the own entry (until registration closes); items with an id are kept and changed */
        put: operations["updateOwnRegistration"];
        post?: never;
        /** Withdraw the own entry (its contact data is erased; the link stops working) */
        delete: operations["deleteOwnRegistration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List regions */
        get: operations["listRegions"];
        put?: never;
        /** Add a custom region (admin) */
        post: operations["createRegion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One region */
        get: operations["getRegion"];
        put?: never;
        post?: never;
        /** Remove a custom region that nothing refers to (admin) */
        delete: operations["deleteRegion"];
        options?: never;
        head?: never;
        /** Change a region (admin) */
        patch: operations["updateRegion"];
        trace?: never;
    };
    "/regions/{code}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events of a region and its sub-regions from a month back to two years ahead (at most 200) */
        get: operations["getRegionCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same events as an iCalendar feed (RFC 5545) to subscribe to in a calendar program */
        get: operations["getRegionCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}/isolated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Isolated, peripheral and fading organisations, each with ranked match suggestions and reasons */
        get: operations["listIsolatedOrganisations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metrics of a region (with sub-regions) for a window */
        get: operations["getRegionMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Nodes (organisations with metrics and layout), edges (ties) and network figures */
        get: operations["getRegionNetwork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A metric per month, quarter or year (flows per period; network figures over the 24 months ending with each period)
         * @description At most 240 periods per request (months, quarters or years alike); a longer range is a 422. Without `from` the trend starts at the scope's first cooperation, at most 240 periods before `to`.
         */
        get: operations["getRegionTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Regional impact report of a calendar year (public figures, pinned to a data revision)
         * @description Public (no token): the figures are those anonymous callers get from the metrics and trend routes (small numbers withheld, docs/privacy.md). Without `revision` the latest report; a request whose data is unchanged reads the stored report and computes nothing. At most one stored report per region, year and content; storage limits in docs/reports.md (an evicted report answers 410).
         */
        get: operations["getRegionReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/round-table-meetings/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A meeting with its attendees and minutes (decisions and tasks) */
        get: operations["getRoundTableMeeting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a meeting's date, place, time, minute-taker or attendees */
        patch: operations["updateRoundTableMeeting"];
        trace?: never;
    };
    "/round-table-meetings/{eventId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a decision in the minutes */
        post: operations["createRoundTableDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/round-table-meetings/{eventId}/decisions/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a decision from the minutes */
        delete: operations["deleteRoundTableDecision"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/round-table-meetings/{eventId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a follow-up task in the minutes: what, who, by when */
        post: operations["createRoundTableTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/round-table-tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Tick a task done (or open it again), or change what, who and by when */
        patch: operations["updateRoundTableTask"];
        trace?: never;
    };
    "/round-tables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round-table series the caller organises (coordinators: of their regions) */
        get: operations["listRoundTables"];
        put?: never;
        /** Start a round-table series */
        post: operations["createRoundTable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/round-tables/{seriesId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A series with its meetings and the open tasks of all of them */
        get: operations["getRoundTable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a series' title, description or organiser (its meetings' organiser follows) */
        patch: operations["updateRoundTable"];
        trace?: never;
    };
    "/round-tables/{seriesId}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a meeting: an event of kind round_table in the series' region, with its attendees */
        post: operations["createRoundTableMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tokens (admin) */
        get: operations["listTokens"];
        put?: never;
        /** Create a token (admin); the secret is shown only in this response */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token (admin) */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActionDay: {
            /** @description Cooperations made from the results */
            cooperations: number;
            date: string;
            days: string[];
            endDate: string;
            eventId: number;
            /** @enum {string} */
            kind: "action_day" | "social_day" | "action_72h";
            /**
             * @description The non-profits' project page
             * @example /action-day/ak_…
             */
            projectPath: string;
            projects: components["schemas"]["ActionDayProject"][];
            regionCode: string;
            registrationCloses: string | null;
            /**
             * @description The companies' team page
             * @example /action-day/ak_…
             */
            teamPath: string;
            teams: components["schemas"]["ActionDayTeam"][];
            title: string;
            /** @description Teams (pending or approved) without a project */
            unassigned: number[];
        };
        ActionDayCreate: {
            /**
             * Format: date
             * @description The first day
             * @example 2024-05-17
             */
            date: string;
            /**
             * Format: date
             * @description The last day (default: the first; a 72-hour action spans three)
             * @example 2024-05-17
             */
            endDate?: string;
            /** @enum {string} */
            kind: "action_day" | "social_day" | "action_72h";
            /** @example 16053 */
            regionCode: string;
            /**
             * Format: date
             * @description Last day projects and teams register or change (none: the first day)
             * @example 2024-05-17
             */
            registrationCloses?: string | null;
            /** @example Sozialer Tag Jena 2027 */
            title: string;
        };
        ActionDayMove: {
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            day: string;
            projectId: number;
        };
        ActionDayProject: {
            accessibility: string | null;
            bring: string | null;
            candidateOrganisationId: number | null;
            contactEmail: string | null;
            contactName: string | null;
            days: string[];
            description: string;
            field: string | null;
            id: number;
            organisationId: number | null;
            orgName: string;
            place: string;
            postcode: string | null;
            registrationId: number;
            results: {
                comment: string | null;
                enteredAt: string;
                enteredBy: string;
                hours: number;
                peopleReached: number;
                volunteers: number;
            } | null;
            skills: string[];
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "withdrawn";
            title: string;
            /** @description People the project takes on each of its days */
            volunteersWanted: number;
        };
        ActionDayProjectCreate: {
            /** @example Ebenerdig, barrierefreies WC */
            accessibility?: string | null;
            /**
             * @description What the company team should bring
             * @example Arbeitskleidung
             */
            bring?: string | null;
            /** @description Agrees to the consent text shown (needed for a contact person) */
            consent?: boolean;
            /**
             * Format: email
             * @description Personal data: stored only with consent
             */
            contactEmail?: string | null;
            /** @description Personal data: stored only with consent */
            contactName?: string | null;
            /** @description Days of the action the project takes teams */
            days: string[];
            description: string;
            /** @description The non-profit's field of work */
            field?: string | null;
            /** @enum {string} */
            locale?: "de" | "en" | "nl";
            /** @example Tafel Jena e.V. */
            orgName: string;
            /** @example Kita Sonnenschein, Jena-Lobeda */
            place: string;
            postcode?: string | null;
            skills?: string[];
            /** @example Spielplatz streichen */
            title: string;
            /** @description Cloudflare Turnstile answer, where the page shows the check */
            turnstileToken?: string;
            /** @description People the project takes on each of its days */
            volunteersWanted: number;
            /** @description Leave empty (a field for bots) */
            website?: string;
        };
        ActionDayProjectResults: {
            event: {
                date: string;
                endDate: string;
                /** @enum {string} */
                kind: "action_day" | "social_day" | "action_72h";
                title: string;
            };
            orgName: string;
            projectId: number;
            results: {
                comment: string | null;
                enteredAt: string;
                hours: number;
                peopleReached: number;
                volunteers: number;
            } | null;
            teams: {
                day: string;
                orgName: string;
                size?: number;
                teamName?: string | null;
            }[];
            title: string;
            /** @description People of the teams placed on the project */
            volunteersPlaced: number;
        };
        ActionDayProjectUpdate: {
            /** @example Ebenerdig, barrierefreies WC */
            accessibility?: string | null;
            /**
             * @description What the company team should bring
             * @example Arbeitskleidung
             */
            bring?: string | null;
            /** @description Agrees to the consent text shown (needed for a contact person) */
            consent?: boolean;
            /**
             * Format: email
             * @description Personal data: stored only with consent
             */
            contactEmail?: string | null;
            /** @description Personal data: stored only with consent */
            contactName?: string | null;
            /** @description Days of the action the project takes teams */
            days: string[];
            description: string;
            /** @description The non-profit's field of work */
            field?: string | null;
            /** @enum {string} */
            locale?: "de" | "en" | "nl";
            /** @example Tafel Jena e.V. */
            orgName: string;
            /** @example Kita Sonnenschein, Jena-Lobeda */
            place: string;
            postcode?: string | null;
            skills?: string[];
            /** @example Spielplatz streichen */
            title: string;
            /** @description People the project takes on each of its days */
            volunteersWanted: number;
        };
        ActionDayResultsInput: {
            comment?: string | null;
            /** @description Volunteer hours of all who worked on the project */
            hours: number;
            peopleReached: number;
            volunteers: number;
        };
        ActionDayResultsLink: {
            expiresAt: string;
            key: string;
            /** @example /action-day/results/12#kl_… */
            path: string;
        };
        ActionDaySubmitted: {
            /** @description The edit link's secret, shown once */
            editKey: string;
            /** @example /action-day/project/17#kl_… */
            editPath: string;
            expiresAt: string;
            id: number;
        };
        ActionDaySummary: {
            date: string;
            endDate: string;
            eventId: number;
            /** @enum {string} */
            kind: "action_day" | "social_day" | "action_72h";
            projects: number;
            regionCode: string;
            teams: number;
            title: string;
        };
        ActionDayTeam: {
            assignment: {
                day: string;
                decidedAt: string;
                projectId: number;
                reason: components["schemas"]["AssignmentReason"];
                /** @enum {string} */
                source: "suggested" | "manual";
            } | null;
            candidateOrganisationId: number | null;
            contactEmail: string | null;
            contactName: string | null;
            day: string | null;
            id: number;
            industry: string | null;
            name: string | null;
            organisationId: number | null;
            orgName: string;
            postcode: string | null;
            preferredFields: string[];
            registrationId: number;
            size: number;
            skills: string[];
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "withdrawn";
        };
        ActionDayTeamCreate: {
            /** @description Agrees to the consent text shown (needed for a contact person) */
            consent?: boolean;
            /**
             * Format: email
             * @description Personal data: stored only with consent
             */
            contactEmail?: string | null;
            /** @description Personal data: stored only with consent */
            contactName?: string | null;
            /**
             * Format: date
             * @description The day the team works (none: any day of the action)
             * @example 2024-05-17
             */
            day?: string | null;
            industry?: string | null;
            /** @enum {string} */
            locale?: "de" | "en" | "nl";
            /** @example Azubis 2. Lehrjahr */
            name?: string | null;
            /** @example Tafel Jena e.V. */
            orgName: string;
            postcode?: string | null;
            preferredFields?: string[];
            size: number;
            skills?: string[];
            /** @description Cloudflare Turnstile answer, where the page shows the check */
            turnstileToken?: string;
            /** @description Leave empty (a field for bots) */
            website?: string;
        };
        ActionDayTeamUpdate: {
            /** @description Agrees to the consent text shown (needed for a contact person) */
            consent?: boolean;
            /**
             * Format: email
             * @description Personal data: stored only with consent
             */
            contactEmail?: string | null;
            /** @description Personal data: stored only with consent */
            contactName?: string | null;
            /**
             * Format: date
             * @description The day the team works (none: any day of the action)
             * @example 2024-05-17
             */
            day?: string | null;
            industry?: string | null;
            /** @enum {string} */
            locale?: "de" | "en" | "nl";
            /** @example Azubis 2. Lehrjahr */
            name?: string | null;
            /** @example Tafel Jena e.V. */
            orgName: string;
            postcode?: string | null;
            preferredFields?: string[];
            size: number;
            skills?: string[];
        };
        /** @description Why the team went there: the score's parts, or the organiser's move */
        AssignmentReason: {
            field: boolean;
            newTie: boolean;
            score: number;
            skills: string[];
        } | {
            /** @enum {boolean} */
            manual: true;
        };
        AuditEntry: {
            action: string;
            actor: string;
            at: string;
            detail?: unknown;
            entity: string;
            entityId: string | null;
            id: number;
            regionCode: string | null;
            role: string;
        };
        AuditList: {
            data: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        BulkReport: {
            created: number;
            ids: number[];
            updated: number;
        };
        CalendarEvent: {
            date: string;
            /** @description Last day (multi-day action days); equal to date otherwise */
            endDate: string;
            id: number;
            /** @enum {string} */
            kind: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";
            /** @description Only where the organiser may be named in public */
            organiserName: string | null;
            place: string | null;
            /** @description An action day's page where non-profits submit projects, while registration is open */
            projectRegistrationPath: string | null;
            regionCode: string;
            regionName: string;
            /** @description The public registration page while registration is open (a marketplace's; an action day's for company teams) */
            registrationPath: string | null;
            title: string;
            updatedAt: string;
        };
        /**
         * @example {
         *       "role": "coordinator",
         *       "tokenId": 7,
         *       "regions": [
         *         "05113",
         *         "05112"
         *       ]
         *     }
         */
        Caller: {
            regions: string[];
            /** @enum {string} */
            role: "admin" | "coordinator" | "funder" | "anonymous";
            tokenId: number | null;
        };
        Checklist: {
            counts: {
                done: number;
                overdue: number;
                total: number;
            };
            /** @description False until the working copy is made (POST): then no items, and templateSource names the template it would be made from */
            created: boolean;
            createdAt: string | null;
            event: {
                date: string;
                id: number;
                kind: string;
                regionCode: string;
                title: string;
            };
            /**
             * @description The event format a template is for
             * @enum {string}
             */
            format: "marketplace" | "action_day" | "social_day" | "action_72h" | "round_table";
            items: components["schemas"]["ChecklistItem"][];
            /** @enum {string} */
            templateSource: "builtin" | "organiser";
            /**
             * Format: date
             * @description The date overdue is measured against
             */
            today: string;
        };
        ChecklistCreate: {
            /** @description Whose template to copy (default: the event's organiser; null: the built-in one) */
            organiserId?: number | null;
        };
        ChecklistItem: {
            assignee: string | null;
            done: boolean;
            doneAt: string | null;
            /**
             * Format: date
             * @description The event's date plus offsetDays
             */
            dueOn: string;
            id: number;
            key: string | null;
            offsetDays: number;
            /** @description Not done and due before today (UTC) */
            overdue: boolean;
            position: number;
            title: string;
            /** @description A built-in item's text in every language (null: the organiser's own text) */
            titles: {
                de: string;
                en: string;
                nl: string;
            } | null;
        };
        ChecklistItemCreate: {
            assignee?: string | null;
            /**
             * @description Days after the event's date the item is due (negative: before it)
             * @example -90
             */
            offsetDays: number;
            title: string;
        };
        ChecklistItemUpdate: {
            assignee?: string | null;
            done?: boolean;
            /**
             * Format: date
             * @description Sets offsetDays from the event's date
             * @example 2024-05-17
             */
            dueOn?: string;
            /**
             * @description Days after the event's date the item is due (negative: before it)
             * @example -90
             */
            offsetDays?: number;
            title?: string;
        };
        ChecklistTemplate: {
            /**
             * @description The event format a template is for
             * @enum {string}
             */
            format: "marketplace" | "action_day" | "social_day" | "action_72h" | "round_table";
            items: components["schemas"]["ChecklistTemplateItem"][];
            organiserId: number | null;
            /**
             * @description builtin: the guide's template; organiser: the organiser's own copy
             * @enum {string}
             */
            source: "builtin" | "organiser";
        };
        ChecklistTemplateItem: {
            key: string | null;
            offsetDays: number;
            position: number;
            title: string;
            /** @description A built-in item's text in every language (null: the organiser's own text) */
            titles: {
                de: string;
                en: string;
                nl: string;
            } | null;
        };
        ChecklistTemplateUpdate: {
            items: {
                /** @description The built-in item this one was copied from; kept only while the text is unchanged */
                key?: string | null;
                /**
                 * @description Days after the event's date the item is due (negative: before it)
                 * @example -90
                 */
                offsetDays: number;
                title: string;
            }[];
        };
        Cooperation: {
            contributionTypes: ("time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money")[];
            createdAt: string;
            dateAgreed: string;
            dateDone: string | null;
            eventId: number | null;
            externalRef: string | null;
            followUpOf: number | null;
            /**
             * @description Kind of the event it came from
             * @enum {string|null}
             */
            format: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other" | null;
            givesBack: string | null;
            hours: number;
            id: number;
            notes: string | null;
            partnerIds: number[];
            peopleReached: number;
            regionCode: string;
            source: string;
            /** @enum {string} */
            status: "agreed" | "done" | "ongoing" | "cancelled" | "not_feasible";
            targetGroups: string | null;
            updatedAt: string;
            valueEur: number;
            volunteers: number;
        };
        CooperationBulk: {
            records: components["schemas"]["CooperationCreate"][];
        };
        CooperationBulkReport: {
            created: number;
            ids: number[];
            updated: number;
        };
        CooperationCreate: {
            /** @default [] */
            contributionTypes: ("time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money")[];
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            dateAgreed: string;
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            dateDone?: string | null;
            /** @description The event (format instance) it came from */
            eventId?: number | null;
            externalRef?: string | null;
            /** @description Previous cooperation of the same pair */
            followUpOf?: number | null;
            /** @description What the non-profit gives back */
            givesBack?: string | null;
            /** @default 0 */
            hours: number;
            notes?: string | null;
            /** @description Organisation ids of the partners */
            partnerIds?: number[];
            /** @description Partners by source + externalRef (imports) */
            partnerRefs?: {
                externalRef: string;
                /** @default manual */
                source: string;
            }[];
            /** @default 0 */
            peopleReached: number;
            /** @description Where it happens; default: the non-profit partner's region */
            regionCode?: string;
            source?: string;
            /** @enum {string} */
            status: "agreed" | "done" | "ongoing" | "cancelled" | "not_feasible";
            targetGroups?: string | null;
            /** @default 0 */
            valueEur: number;
            /** @default 0 */
            volunteers: number;
        };
        CooperationList: {
            data: components["schemas"]["Cooperation"][];
            nextCursor: string | null;
        };
        CooperationUpdate: {
            contributionTypes?: ("time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money")[];
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            dateAgreed?: string;
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            dateDone?: string | null;
            /** @description The event (format instance) it came from */
            eventId?: number | null;
            externalRef?: string | null;
            /** @description Previous cooperation of the same pair */
            followUpOf?: number | null;
            /** @description What the non-profit gives back */
            givesBack?: string | null;
            hours?: number;
            notes?: string | null;
            /** @description Organisation ids of the partners */
            partnerIds?: number[];
            /** @description Partners by source + externalRef (imports) */
            partnerRefs?: {
                externalRef: string;
                /** @default manual */
                source: string;
            }[];
            peopleReached?: number;
            /** @description Where it happens; default: the non-profit partner's region */
            regionCode?: string;
            source?: string;
            /** @enum {string} */
            status?: "agreed" | "done" | "ongoing" | "cancelled" | "not_feasible";
            targetGroups?: string | null;
            valueEur?: number;
            volunteers?: number;
        };
        Deal: {
            agreedText: string;
            clientId: string;
            /** @enum {string} */
            contributionType: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
            cooperationId: number;
            createdAt: string;
            dateAgreed: string;
            dueBy: string | null;
            eventId: number;
            hours: number;
            needItemId: number | null;
            offerItemId: number | null;
            /** @description Non-profit first, then the company */
            partners: {
                id: number;
                name: string;
                /** @enum {string} */
                side: "nonprofit" | "company";
            }[];
            status: string;
            valueEur: number;
            volunteers: number;
        };
        DealInput: {
            agreedText: string;
            /**
             * @description Made by the device before the first send; a resend with the same id returns the stored deal
             * @example d-6f1c2a9b4e7d4c03
             */
            clientId: string;
            /**
             * @description Defaults to the offer's type for a pair; required from scratch
             * @enum {string}
             */
            contributionType?: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
            /**
             * Format: date
             * @description By when; not before the event's date
             * @example 2024-05-17
             */
            dueBy?: string | null;
            hours?: number;
            /** @description The need of the pair the deal came from (with offerItemId) */
            needItemId?: number;
            /** @description The offer of the pair the deal came from (with needItemId) */
            offerItemId?: number;
            /** @description A deal from scratch: two organisations of the event's approved registrations */
            partnerIds?: number[];
            valueEur?: number;
            volunteers?: number;
        };
        DealList: {
            data: components["schemas"]["Deal"][];
        };
        DealSheet: {
            dealCount: number;
            event: {
                date: string;
                id: number;
                place: string;
                title: string;
            };
            /** @description When this link stops working */
            expiresAt: string;
            items: {
                /** @enum {string} */
                contributionType: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
                description: string;
                id: number;
                /** @enum {string} */
                kind: "need" | "offer";
                organisationId: number;
            }[];
            moneyAllowed: boolean;
            /** @description Pairs the organiser pinned on the matching board, by talk slot */
            pairs: {
                hasDeal: boolean;
                needItemId: number;
                offerItemId: number;
                talkSlot: string | null;
            }[];
            /** @description Organisations of the approved registrations */
            partners: {
                id: number;
                name: string;
                /** @enum {string} */
                side: "nonprofit" | "company";
            }[];
        };
        DealSheetLink: {
            expiresAt: string;
            /**
             * @description The phone page with the secret in its fragment (never sent to a server log)
             * @example /deal-sheet#kl_…
             */
            path: string;
            /** @description Shown once; stored only as its hash */
            secret: string;
        };
        DirectoryEntry: {
            /** @description Ties brokered in the last 24 months (docs/metrics.md, "Broker score"); anonymous callers see 1 and 2 as "<3"; null where not computed in this answer */
            brokerScore: number | "<3" | null;
            /** @description Only the contact details published with consent */
            contact: {
                email: string | null;
                name: string | null;
                phone: string | null;
                website: string | null;
            } | null;
            description: string | null;
            /** @description Formats it organised (recorded events) and declares in its entry */
            formats: ("action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other")[];
            kind: string;
            name: string;
            nextEvents: {
                date: string;
                id: number;
                /** @enum {string} */
                kind: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";
                /** @description The public registration page while registration is open */
                registrationPath: string | null;
                title: string;
            }[];
            organisationId: number;
            place: string | null;
            postcode: string | null;
            regionCode: string;
            regionName: string;
        };
        DirectoryEntryInput: {
            /** @description Agreement to the consent text (needed to publish) */
            consent?: boolean;
            /** Format: email */
            contactEmail?: string | null;
            /** @description A contact given for publication (a function, an office) */
            contactName?: string | null;
            contactPhone?: string | null;
            description?: string | null;
            formats?: ("action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other")[];
            /**
             * @description The language of the consent text shown
             * @enum {string}
             */
            locale?: "de" | "en" | "nl";
            place?: string | null;
            postcode?: string | null;
            published: boolean;
            /** Format: uri */
            website?: string | null;
        };
        DirectoryOwnEntry: {
            consentAt: string | null;
            /** @description Shown next to the contact fields and stored with the entry */
            consentText: {
                de: string;
                en: string;
                nl: string;
            };
            contactEmail: string | null;
            contactName: string | null;
            contactPhone: string | null;
            description: string | null;
            formats: ("action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other")[];
            id: number | null;
            organisationId: number;
            organisationName: string;
            place: string | null;
            postcode: string | null;
            published: boolean;
            regionCode: string;
            updatedAt: string | null;
            website: string | null;
        };
        Error: {
            error: {
                /** @example validation_failed */
                code: string;
                details?: {
                    code?: string;
                    message: string;
                    path: string;
                }[];
                message: string;
            };
        };
        Event: {
            createdAt: string;
            date: string;
            externalRef: string | null;
            id: number;
            /** @enum {string} */
            kind: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";
            notes: string | null;
            organiserId: number | null;
            /** @description Anonymous callers: "<3" when 1 or 2 participants are not public (count minus the visible ids would name them) */
            participantCount: number | "<3";
            /** @description Participants the caller may see */
            participantIds: number[];
            regionCode: string;
            source: string;
            title: string;
            updatedAt: string;
        };
        EventCreate: {
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            date: string;
            externalRef?: string | null;
            /** @enum {string} */
            kind: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";
            notes?: string | null;
            organiserId?: number | null;
            /** @description Organisations attending */
            participantIds?: number[];
            regionCode: string;
            source?: string;
            /** @example Gute Geschäfte Essen 2024 */
            title: string;
        };
        EventList: {
            data: components["schemas"]["Event"][];
            nextCursor: string | null;
        };
        EventResults: {
            deals: {
                /** @description Agreed, done or ongoing */
                active: number;
                byStatus: {
                    agreed: number;
                    cancelled: number;
                    done: number;
                    not_feasible: number;
                    ongoing: number;
                };
                /** @description Done ÷ all deals; null without deals, or for anonymous callers when either count is withheld */
                fulfilmentRate: number | null;
                total: number;
            };
            event: {
                date: string;
                id: number;
                regionCode: string;
                title: string;
            };
            firstPartners: components["schemas"]["ResultsOrganisation"][];
            followUps: {
                answered: number;
                /** @description Not answered, due before today */
                overdue: number;
                total: number;
            };
            needs: {
                met: number;
                total: number;
                unmet: number;
                unmetByType: {
                    [key: string]: number;
                };
            };
            newTies: {
                a: components["schemas"]["ResultsOrganisation"];
                b: components["schemas"]["ResultsOrganisation"];
            }[];
            partners: {
                /** @description Partners without any active cooperation agreed before the event: the event gave them their first partner */
                firstPartner: number;
                total: number;
            };
            ties: {
                earlier: number;
                /** @description Pairs without an active cooperation agreed before the event */
                new: number;
                /** @description Pairs of partners of the event's active deals */
                total: number;
            };
            unmetNeeds: {
                /** @enum {string} */
                contributionType: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
                description: string;
                itemId: number;
                organisation: components["schemas"]["ResultsOrganisation"];
            }[];
        };
        EventUpdate: {
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            date?: string;
            externalRef?: string | null;
            /** @enum {string} */
            kind?: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";
            notes?: string | null;
            organiserId?: number | null;
            /** @description Organisations attending */
            participantIds?: number[];
            regionCode?: string;
            source?: string;
            /** @example Gute Geschäfte Essen 2024 */
            title?: string;
        };
        FollowUpAnswer: {
            /**
             * @description Who answers (a name), kept in the audit log
             * @example Petra Schmidt
             */
            answeredBy: string;
            comment?: string | null;
            /** @description Hours given (staff time) */
            hours?: number | null;
            /** @enum {string} */
            outcome: "done" | "ongoing" | "not_feasible";
            peopleReached?: number | null;
            volunteers?: number | null;
            wouldRepeat?: boolean | null;
        };
        FollowUpAnswered: {
            answeredAt: string;
            updatesCooperation: boolean;
        };
        FollowUpBoard: {
            counts: {
                answered: number;
                disagreeing: number;
                due: number;
                overdue: number;
                remindable: number;
                sent: number;
                upcoming: number;
            };
            disagreements: components["schemas"]["FollowUpDisagreement"][];
            event: {
                date: string;
                id: number;
                regionCode: string;
                title: string;
            };
            items: components["schemas"]["FollowUpItem"][];
            /** @description Without a mail transport the organiser downloads the links as a mail-merge CSV */
            mail: {
                configured: boolean;
                transport: string | null;
            };
            today: string;
        };
        FollowUpDisagreement: {
            agreedText: string;
            cooperationId: number;
            on: ("outcome" | "hours" | "volunteers" | "peopleReached")[];
            requestIds: number[];
            roundMonths: number;
        };
        FollowUpDownload: {
            /**
             * @default de
             * @enum {string}
             */
            locale: "de" | "en";
            /**
             * @description due: due requests never sent; reminders: overdue requests (at most two reminders each)
             * @enum {string}
             */
            which: "due" | "reminders";
        };
        FollowUpItem: {
            agreedText: string;
            answeredAt: string | null;
            answeredBy: string | null;
            canRemind: boolean;
            comment: string | null;
            cooperationId: number;
            /** @description The other partner's answer of the same round disagrees */
            disagrees: boolean;
            dueOn: string;
            /** @description A contact address is known (mail can reach the partner) */
            hasAddress: boolean;
            hours: number | null;
            id: number;
            lastRemindedAt: string | null;
            organisationId: number;
            organisationName: string;
            /** @enum {string|null} */
            outcome: "done" | "ongoing" | "not_feasible" | null;
            partnerNames: string[];
            peopleReached: number | null;
            reminders: number;
            roundMonths: number;
            sentAt: string | null;
            /** @enum {string|null} */
            sentVia: "mail" | "download" | null;
            /**
             * @description upcoming: not yet due; due: due, not sent; sent: waiting for the answer; overdue: no answer 14 days after the last send; answered
             * @enum {string}
             */
            state: "upcoming" | "due" | "sent" | "overdue" | "answered";
            volunteers: number | null;
            wouldRepeat: boolean | null;
        };
        FollowUpMailRun: {
            failed: number;
            more: boolean;
            sent: number;
            withoutAddress: number;
        };
        FollowUpQuestion: {
            agreedText: string;
            contributionTypes: string[];
            dueBy: string | null;
            event: {
                date: string;
                place: string | null;
                title: string;
            };
            expiresAt: string;
            /**
             * @description The language the partner registered in
             * @enum {string}
             */
            locale: "de" | "en" | "nl";
            /** @description The partner the link belongs to */
            organisationName: string;
            partnerNames: string[];
            roundMonths: number;
        };
        FollowUpSchedule: {
            created: number;
        };
        FollowUpSend: {
            /**
             * @description due: due requests never sent; reminders: overdue requests (at most two reminders each)
             * @enum {string}
             */
            which: "due" | "reminders";
        };
        ImportReport: {
            columns: {
                field: string;
                header: string;
            }[];
            dryRun: boolean;
            file: {
                bytes: number;
                delimiter: string | null;
                /** @description utf-8, windows-1252, utf-16le, utf-16be, or mixed (UTF-8 with some Windows-1252 lines) */
                encoding: string | null;
                /** @enum {string} */
                format: "csv" | "xlsx";
                headerRow: number;
                name: string | null;
                sha256: string;
                /** @description Encoding mixed: the lines read as Windows-1252 */
                windows1252Lines?: number[];
            };
            ignoredColumns: string[];
            importId?: string;
            /** @description No row rejected */
            ok: boolean;
            rows: {
                changes?: {
                    column: string;
                    field: string;
                    from?: unknown;
                    to?: unknown;
                }[];
                externalRef?: string | null;
                id: number | null;
                issues?: {
                    /** @example not_a_number */
                    code: string;
                    /** @description Header as written in the file; null = the row as a whole */
                    column: string | null;
                    message: string;
                    value: string | null;
                }[];
                /** @enum {string} */
                matchedBy?: "id" | "reference" | "name" | "content";
                /** @enum {string} */
                outcome: "created" | "updated" | "unchanged" | "rejected";
                /** @description Row number as a spreadsheet program shows it (header row included) */
                row: number;
                source?: string | null;
                warnings?: {
                    /** @example not_a_number */
                    code: string;
                    /** @description Header as written in the file; null = the row as a whole */
                    column: string | null;
                    message: string;
                    value: string | null;
                }[];
            }[];
            statements?: number;
            summary: {
                created: number;
                rejected: number;
                rows: number;
                unchanged: number;
                updated: number;
                warnings: number;
            };
            /** @enum {string} */
            type: "organisations" | "events" | "cooperations";
        };
        Marketplace: {
            capacity: number | null;
            createdAt: string;
            date: string;
            eventId: number;
            followUpMonths: number[];
            hallCloses: string | null;
            hallOpens: string | null;
            moderators: components["schemas"]["Moderator"][];
            moneyAllowed: boolean;
            place: string;
            regionCode: string;
            registrationCloses: string | null;
            registrationKey: string;
            registrationOpens: string | null;
            /**
             * @description The public registration page
             * @example /register/mk_…
             */
            registrationPath: string;
            registrations: {
                approved: number;
                pending: number;
                rejected: number;
                withdrawn: number;
            };
            /**
             * @description Whether the registration page takes new registrations today
             * @enum {string}
             */
            registrationState: "open" | "not_yet_open" | "closed" | "full";
            title: string;
            updatedAt: string;
        };
        MarketplaceCreate: {
            /** @description Organisations the hall takes (pending and approved registrations count) */
            capacity?: number | null;
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            date: string;
            /**
             * @description Months after a deal's date "by when" at which its partners are asked (default 3 and 6)
             * @example [
             *       3,
             *       6
             *     ]
             */
            followUpMonths?: number[];
            /** @example 16:00 */
            hallCloses?: string | null;
            /** @example 16:00 */
            hallOpens?: string | null;
            moderators?: string[];
            /** @description False (the common house rule "money is not traded here"): the money contribution type is not offered */
            moneyAllowed?: boolean;
            /** @example IHK Essen, Am Waldthausenpark 2 */
            place: string;
            /** @example 05113 */
            regionCode: string;
            /**
             * Format: date
             * @description Last day of registration (none: until the event's date)
             * @example 2024-05-17
             */
            registrationCloses?: string | null;
            /**
             * Format: date
             * @description First day of registration (none: open now)
             * @example 2024-05-17
             */
            registrationOpens?: string | null;
            /** @example Gute Geschäfte Essen 2026 */
            title: string;
        };
        MarketplaceList: {
            data: components["schemas"]["Marketplace"][];
        };
        MarketplaceUpdate: {
            /** @description Organisations the hall takes (pending and approved registrations count) */
            capacity?: number | null;
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            date?: string;
            /**
             * @description Months after a deal's date "by when" at which its partners are asked (default 3 and 6)
             * @example [
             *       3,
             *       6
             *     ]
             */
            followUpMonths?: number[];
            /** @example 16:00 */
            hallCloses?: string | null;
            /** @example 16:00 */
            hallOpens?: string | null;
            /** @description False (the common house rule "money is not traded here"): the money contribution type is not offered */
            moneyAllowed?: boolean;
            /** @example IHK Essen, Am Waldthausenpark 2 */
            place?: string;
            /**
             * Format: date
             * @description Last day of registration (none: until the event's date)
             * @example 2024-05-17
             */
            registrationCloses?: string | null;
            /**
             * Format: date
             * @description First day of registration (none: open now)
             * @example 2024-05-17
             */
            registrationOpens?: string | null;
            title?: string;
        };
        Match: {
            components: {
                affinity: number;
                distance: number;
                network: number;
                tags: number;
                type: number;
            };
            decision: components["schemas"]["MatchDecision"];
            needItemId: number;
            offerItemId: number;
            /** @description One of the two registrations is not approved yet */
            pending: boolean;
            reasonCodes: components["schemas"]["MatchReason"][];
            /**
             * @example [
             *       "both about know-how",
             *       "first tie for Tafel Essen e.V., which has no partner yet"
             *     ]
             */
            reasons: string[];
            /** @description 0–100: the weighted mean of the components in percent */
            score: number;
        };
        MatchDecision: {
            decidedAt: string;
            decidedBy: string;
            moderatorId: number | null;
            /** @enum {string} */
            state: "pinned" | "dismissed";
            talkSlot: string | null;
        } | null;
        MatchDecisionInput: {
            /** @description Pinned talks: the moderator who brokers it */
            moderatorId?: number | null;
            needItemId: number;
            offerItemId: number;
            /**
             * @description open removes an earlier decision
             * @enum {string}
             */
            state: "pinned" | "dismissed" | "open";
            /**
             * @description Start of the talk in the hall
             * @example 14:30
             */
            talkSlot?: string | null;
        };
        MatchingBoard: {
            /** @description Double bookings: a participant (registrationId) or a moderator with several pinned talks at the same time */
            conflicts: {
                moderatorId: number | null;
                registrationId: number | null;
                talks: {
                    needItemId: number;
                    offerItemId: number;
                }[];
                talkSlot: string;
            }[];
            dismissed: components["schemas"]["Match"][];
            event: {
                date: string;
                hallCloses: string | null;
                hallOpens: string | null;
                id: number;
                place: string | null;
                regionCode: string;
                title: string;
            };
            items: {
                /** @enum {string} */
                contributionType: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
                description: string;
                hours: number | null;
                id: number;
                /** @enum {string} */
                kind: "need" | "offer";
                quantity: number | null;
                registrationId: number;
                tags: string[];
                wantedWhen: string | null;
            }[];
            /** @description Pinned talks first (by slot), then for each need its best undecided suggestions */
            matches: components["schemas"]["Match"][];
            moderators: {
                id: number;
                name: string;
            }[];
            /** @description Pending registrations were left out: with them the board would compare more than 200000 need × offer pairs */
            pendingLeftOut: boolean;
            registrations: {
                id: number;
                /** @enum {string|null} */
                networkStatus: "isolated" | "peripheral" | "fading" | "connected" | null;
                organisationId: number | null;
                orgName: string;
                regionCode: string | null;
                /** @enum {string} */
                side: "nonprofit" | "company";
                /** @enum {string} */
                status: "approved" | "pending";
            }[];
            /** @description Needs without any fitting offer */
            unmatchedNeedIds: number[];
            weights: {
                affinity: number;
                distance: number;
                network: number;
                tags: number;
                type: number;
            };
        };
        /** @description A reason as a code with parameters, for clients that word it in their language */
        MatchReason: {
            /**
             * @example first_tie
             * @enum {string}
             */
            code: "same_type" | "related_type" | "sector_affinity" | "shared_tags" | "same_district" | "same_state" | "first_tie" | "peripheral" | "bridges_communities" | "already_partners" | "pending_registration";
            /** @description The parameters the code names (docs/marketplace.md, "Matching board") */
            params: {
                cooperations?: number;
                field?: string;
                industry?: string;
                /** @enum {string} */
                need?: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
                of?: number;
                /** @enum {string} */
                offer?: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
                organisation?: string;
                region?: string;
                /** @description sector_affinity: cooperations ÷ of */
                share?: number;
                /** @enum {string} */
                status?: "peripheral" | "fading";
                tags?: string[];
                /** @enum {string} */
                type?: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
            };
        };
        Moderator: {
            id: number;
            name: string;
        };
        ModeratorCreate: {
            name: string;
        };
        Network: {
            computedAt: string;
            currentRevision: number;
            edges: {
                firstDate: string;
                hours: number;
                lastDate: string;
                source: number;
                target: number;
                valueEur: number;
                /** @description Cooperations of the pair in the window */
                weight: number;
            }[];
            /** @description With eventTies=true: pairs that attended the same events */
            eventTies?: {
                events: number;
                /** @enum {string} */
                layer: "event";
                source: number;
                target: number;
            }[];
            metrics: components["schemas"]["NetworkFigures"];
            /** @description The scope's organisations (inScope true), then their partners outside it */
            nodes: (components["schemas"]["NetworkNode"] | components["schemas"]["OutsidePartnerNode"])[];
            region: string;
            revision: number;
            stale: boolean;
            /**
             * @example {
             *       "from": "2024-12-01",
             *       "to": "2026-11-30"
             *     }
             */
            window: {
                from: string;
                to: string;
            };
        };
        /**
         * @description The network of a scope's cooperations (docs/metrics.md). Anonymous callers: counts "<3" and indices null where the network is withheld (docs/privacy.md).
         * @example {
         *       "nodes": 412,
         *       "edges": 655,
         *       "density": 0.0077,
         *       "bipartiteDensity": 0.018,
         *       "components": 31,
         *       "largestComponentShare": 0.86,
         *       "isolatesShare": 0.05,
         *       "meanTwoStepReachNonprofits": 14.2,
         *       "degreeCentralisation": 0.061,
         *       "modularity": 0.58,
         *       "communities": 12,
         *       "eiIndex": -0.71,
         *       "betweenness": {
         *         "exact": true,
         *         "samples": 0,
         *         "estimatedError": 0
         *       },
         *       "harmonicCloseness": {
         *         "exact": true,
         *         "samples": 0,
         *         "estimatedError": 0
         *       },
         *       "statusCounts": {
         *         "isolated": 21,
         *         "peripheral": 88,
         *         "fading": 40,
         *         "connected": 263
         *       }
         *     }
         */
        NetworkFigures: {
            betweenness: components["schemas"]["SamplingInfo"];
            /** @description Edges ÷ (companies × non-profits), when the network is company–non-profit only */
            bipartiteDensity: number | null;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            communities: number | "<3" | null;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            components: number | "<3";
            degreeCentralisation: number | null;
            density: number | null;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            edges: number | "<3";
            /** @description E-I index of the scope's ties over regions: +1 all ties leave the region, −1 all stay inside */
            eiIndex: number | null;
            harmonicCloseness: components["schemas"]["SamplingInfo"];
            isolatesShare: number | null;
            largestComponentShare: number | null;
            meanTwoStepReachNonprofits: number | null;
            modularity: number | null;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            nodes: number | "<3";
            statusCounts: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                connected: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                fading: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                isolated: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                peripheral: number | "<3";
            };
        };
        /** @description An organisation registered in the scope, with its metrics */
        NetworkNode: components["schemas"]["OrganisationMetrics"] & {
            id: number;
            /** @enum {boolean} */
            inScope: true;
            /** @description Layout position (null for networks too large for a layout) */
            x: number | null;
            y: number | null;
        };
        Organisation: {
            /** @description Only for admins and coordinators of the region */
            contactEmail: string | null;
            /** @description Only for admins and coordinators of the region */
            contactName: string | null;
            createdAt: string;
            externalRef: string | null;
            field: string | null;
            id: number;
            industry: string | null;
            isPublic: boolean;
            /** @enum {string} */
            kind: "company" | "nonprofit" | "public" | "intermediary";
            name: string;
            postcode: string | null;
            regionCode: string;
            /** @enum {string|null} */
            sizeClass: "micro" | "small" | "medium" | "large" | null;
            source: string;
            updatedAt: string;
        };
        OrganisationBulk: {
            records: components["schemas"]["OrganisationCreate"][];
        };
        OrganisationCreate: {
            /**
             * Format: email
             * @description Personal data
             */
            contactEmail?: string | null;
            /** @description Personal data */
            contactName?: string | null;
            /** @description Unique per source; makes imports idempotent */
            externalRef?: string | null;
            /** @description Field of work (non-profits), e.g. youth_work */
            field?: string | null;
            /** @description Industry (companies), e.g. it_services */
            industry?: string | null;
            /** @description May be named in public charts */
            isPublic?: boolean;
            /** @enum {string} */
            kind: "company" | "nonprofit" | "public" | "intermediary";
            /** @example Arbeiterwohlfahrt Kreisverband Jülich e.V. */
            name: string;
            postcode?: string | null;
            /** @example 05358 */
            regionCode: string;
            /** @enum {string|null} */
            sizeClass?: "micro" | "small" | "medium" | "large" | null;
            /** @description Source system of externalRef (default 'manual') */
            source?: string;
        };
        OrganisationList: {
            data: components["schemas"]["Organisation"][];
            nextCursor: string | null;
        };
        /** @description An organisation's metrics in its scope's network (docs/metrics.md) */
        OrganisationMetrics: {
            betweenness: number;
            community: number | null;
            constraint: number | null;
            /** @description Partners */
            degree: number;
            effectiveSize: number | null;
            efficiency: number | null;
            eiIndexRegion: number | null;
            eiIndexSector: number | null;
            firstCooperation: string | null;
            harmonicCloseness: number | null;
            hours: number;
            isPublic: boolean;
            /** @enum {string} */
            kind: "company" | "nonprofit" | "public" | "intermediary";
            lastCooperation: string | null;
            name: string;
            organisationId: number;
            pagerank: number;
            regionCode: string;
            /**
             * @description docs/metrics.md, "Isolated, peripheral, fading"
             * @enum {string}
             */
            status: "isolated" | "peripheral" | "fading" | "connected";
            /** @description Cooperations with all partners */
            strength: number;
            tiePersistence: number | null;
            twoStepReach: number;
            valueEur: number;
        };
        /** @description The existing organisation the name and postcode match (docs/marketplace.md) */
        OrganisationRef: {
            id: number;
            name: string;
            postcode: string | null;
        } | null;
        OrganisationUpdate: {
            /**
             * Format: email
             * @description Personal data
             */
            contactEmail?: string | null;
            /** @description Personal data */
            contactName?: string | null;
            /** @description Unique per source; makes imports idempotent */
            externalRef?: string | null;
            /** @description Field of work (non-profits), e.g. youth_work */
            field?: string | null;
            /** @description Industry (companies), e.g. it_services */
            industry?: string | null;
            /** @description May be named in public charts */
            isPublic?: boolean;
            /** @enum {string} */
            kind?: "company" | "nonprofit" | "public" | "intermediary";
            /** @example Arbeiterwohlfahrt Kreisverband Jülich e.V. */
            name?: string;
            postcode?: string | null;
            /** @example 05358 */
            regionCode?: string;
            /** @enum {string|null} */
            sizeClass?: "micro" | "small" | "medium" | "large" | null;
            /** @description Source system of externalRef (default 'manual') */
            source?: string;
        };
        /** @description A partner registered outside the scope (no metrics of its own in this network) */
        OutsidePartnerNode: {
            id: number;
            /** @enum {boolean} */
            inScope: false;
            isPublic: boolean;
            /** @enum {string} */
            kind: "company" | "nonprofit" | "public" | "intermediary";
            name: string;
            organisationId: number;
            regionCode: string;
            /** @description Layout position (null for networks too large for a layout) */
            x: number | null;
            y: number | null;
        };
        OwnActionDayProject: {
            accessibility: string | null;
            bring: string | null;
            contactEmail: string | null;
            contactName: string | null;
            days: string[];
            description: string;
            event: {
                consentText: {
                    de: string;
                    en: string;
                    nl: string;
                };
                date: string;
                days: string[];
                endDate: string;
                /** @enum {string} */
                kind: "action_day" | "social_day" | "action_72h";
                /** @description Whether the page takes entries today */
                open: boolean;
                registrationCloses: string;
                title: string;
            };
            field: string | null;
            id: number;
            orgName: string;
            place: string;
            postcode: string | null;
            skills: string[];
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "withdrawn";
            /** @description The teams placed on the project (companies' names as they registered) */
            teams: {
                day: string;
                orgName: string;
                size?: number;
                teamName?: string | null;
            }[];
            title: string;
            volunteersWanted: number;
        };
        OwnActionDayTeam: {
            contactEmail: string | null;
            contactName: string | null;
            day: string | null;
            event: {
                consentText: {
                    de: string;
                    en: string;
                    nl: string;
                };
                date: string;
                days: string[];
                endDate: string;
                /** @enum {string} */
                kind: "action_day" | "social_day" | "action_72h";
                /** @description Whether the page takes entries today */
                open: boolean;
                registrationCloses: string;
                title: string;
            };
            id: number;
            industry: string | null;
            name: string | null;
            orgName: string;
            postcode: string | null;
            preferredFields: string[];
            /** @description Where the team works, once assigned */
            project: {
                accessibility: string | null;
                bring: string | null;
                day: string;
                orgName: string;
                place: string;
                title: string;
            } | null;
            size: number;
            skills: string[];
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "withdrawn";
        };
        OwnRegistration: {
            consentAt: string | null;
            contactEmail: string | null;
            contactName: string | null;
            createdAt: string;
            event: {
                /** @description Shown next to the contact fields and stored with them */
                consentText: {
                    de: string;
                    en: string;
                    nl: string;
                };
                /** @description Types offered (money only where the house rule allows it) */
                contributionTypes: ("time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money")[];
                date: string;
                editable: boolean;
                hallCloses: string | null;
                hallOpens: string | null;
                place: string;
                /** @description Last day of registration (the event's date when none was set) */
                registrationCloses: string;
                title: string;
            };
            field: string | null;
            id: number;
            industry: string | null;
            items: components["schemas"]["RegistrationItem"][];
            locale: string;
            orgName: string;
            postcode: string | null;
            /** @enum {string} */
            side: "nonprofit" | "company";
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "withdrawn";
            updatedAt: string;
        };
        PublicActionDay: {
            consentText: {
                de: string;
                en: string;
                nl: string;
            };
            date: string;
            days: string[];
            endDate: string;
            /** @enum {string} */
            kind: "action_day" | "social_day" | "action_72h";
            /** @description Whether the page takes entries today */
            open: boolean;
            registrationCloses: string;
            /**
             * @description Which page this key opens: non-profits' projects or companies' teams
             * @enum {string}
             */
            side: "project" | "team";
            title: string;
            turnstileSiteKey: string | null;
        };
        PublicEventResults: {
            deals: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                active: number | "<3";
                byStatus: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    agreed: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    cancelled: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    done: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    not_feasible: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    ongoing: number | "<3";
                };
                /** @description Done ÷ all deals; null without deals, or for anonymous callers when either count is withheld */
                fulfilmentRate: number | null;
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                total: number | "<3";
            };
            event: {
                date: string;
                id: number;
                regionCode: string;
                title: string;
            };
            needs: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                total: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                unmet: number | "<3";
                unmetByType: {
                    [key: string]: number | "<3";
                };
            };
            partners: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                firstPartner: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                total: number | "<3";
            };
            ties: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                new: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                total: number | "<3";
            };
        };
        Region: {
            boundaryVintage: string | null;
            /** @example 09162 */
            code: string;
            createdAt: string;
            /** @enum {string} */
            kind: "state" | "district" | "custom";
            name: string;
            nuts3: string | null;
            parentCode: string | null;
            population: number | null;
            updatedAt: string;
        };
        RegionCreate: {
            boundaryVintage?: string | null;
            /** @example 09162 */
            code: string;
            /**
             * @description Only custom regions can be added; states and districts are reference data
             * @default custom
             * @enum {string}
             */
            kind: "custom";
            name: string;
            /** @example 09162 */
            parentCode?: string | null;
            population?: number | null;
        };
        RegionList: {
            data: components["schemas"]["Region"][];
            nextCursor: string | null;
        };
        RegionMetrics: {
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            activeOrganisations: number | "<3";
            computedAt: string;
            conversion: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                converted: number | "<3";
                format: string;
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                pairs: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                pending: number | "<3";
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                rate: number | null;
                year: number;
            }[];
            cooperations: {
                /** @description By the format of the event a cooperation started at (none: without event) */
                byFormat: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    action_72h: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    action_day: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    marketplace: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    none: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    other: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    round_table: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    social_day: number | "<3";
                };
                byStatus: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    agreed: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    cancelled: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    done: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    not_feasible: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    ongoing: number | "<3";
                };
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                fulfilmentRate: number | null;
                fulfilmentRateByFormat: {
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    action_72h: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    action_day: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    marketplace: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    none: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    other: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    round_table: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    social_day: number | null;
                };
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                total: number | "<3";
            };
            currentRevision: number;
            events: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                action_72h: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                action_day: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                marketplace: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                other: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                round_table: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                social_day: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                total: number | "<3";
            };
            inputs: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                hours: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                peopleReached: number | "<3";
                /**
                 * @description Value in euros by contribution type (types without any value are left out)
                 * @example {
                 *       "time": 12500,
                 *       "money": 3000
                 *     }
                 */
                valueByContributionType: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    goods?: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    know_how?: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    money?: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    network?: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    premises?: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    time?: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    transport?: number | "<3";
                };
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                valueEur: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                volunteers: number | "<3";
            };
            network: components["schemas"]["NetworkFigures"];
            organisations: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                company: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                intermediary: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                nonprofit: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                public: number | "<3";
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                total: number | "<3";
            };
            /** @description Per 100 000 inhabitants; null without a population */
            perHundredThousand: {
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                cooperations: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                hours: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                organisations: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                peopleReached: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                valueEur: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                volunteers: number | null;
            } | null;
            region: {
                code: string;
                kind: string;
                name: string;
                population: number | null;
            };
            /** @description Data revision the figures were computed from */
            revision: number;
            /** @description True when data changed since; a recomputation is pending */
            stale: boolean;
            window: {
                from: string;
                to: string;
            };
        };
        RegionRankingRow: {
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            activeOrganisations: number | "<3";
            code: string;
            computedAt: string;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            cooperations: number | "<3";
            density: number | null;
            /** @description Cooperations with status done */
            done: number | "<3";
            /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
            fulfilmentRate: number | null;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            hours: number | "<3";
            isolatesShare: number | null;
            kind: string;
            largestComponentShare: number | null;
            meanTwoStepReachNonprofits: number | null;
            name: string;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            organisations: number | "<3";
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            peopleReached: number | "<3";
            /** @description Per 100 000 inhabitants; null without a population */
            perHundredThousand: {
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                cooperations: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                hours: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                organisations: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                peopleReached: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                valueEur: number | null;
                /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                volunteers: number | null;
            } | null;
            population: number | null;
            revision: number;
            stale: boolean;
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            valueEur: number | "<3";
            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
            volunteers: number | "<3";
        };
        RegionUpdate: {
            boundaryVintage?: string | null;
            name?: string;
            /** @example 09162 */
            parentCode?: string | null;
            population?: number | null;
        };
        Registered: {
            /** @description The edit link's secret, shown once: keep the link /register/edit/<id>#<editKey> */
            editKey: string;
            /** @example /register/edit/17#kl_… */
            editPath: string;
            expiresAt: string;
            id: number;
            /** @enum {string} */
            status: "pending";
        };
        Registration: {
            candidate: components["schemas"]["OrganisationRef"];
            consentAt: string | null;
            consentText: string | null;
            contactEmail: string | null;
            /** @description Personal data, stored with consent */
            contactName: string | null;
            createdAt: string;
            eventId: number;
            field: string | null;
            id: number;
            industry: string | null;
            items: components["schemas"]["RegistrationItem"][];
            locale: string;
            organisation: components["schemas"]["OrganisationRef"] & unknown;
            orgName: string;
            postcode: string | null;
            /** @enum {string} */
            side: "nonprofit" | "company";
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "withdrawn";
            updatedAt: string;
        };
        RegistrationApproval: {
            /** @description The existing organisation (usually the candidate); null or absent: create one */
            organisationId?: number | null;
            /** @description A new organisation's region (default: the event's region) */
            regionCode?: string;
        };
        RegistrationCreate: {
            /** @description The registrant agrees to the consent text shown (needed for a contact person) */
            consent?: boolean;
            /**
             * Format: email
             * @description Personal data: stored only with consent
             */
            contactEmail?: string | null;
            /** @description Personal data: stored only with consent */
            contactName?: string | null;
            /** @description Field of work (non-profits) */
            field?: string | null;
            /** @description Industry (companies) */
            industry?: string | null;
            items: components["schemas"]["RegistrationItemInput"][];
            /** @enum {string} */
            locale?: "de" | "en" | "nl";
            /** @example Tafel Jülich e.V. */
            orgName: string;
            postcode?: string | null;
            /**
             * @description A non-profit registers needs, a company offers
             * @enum {string}
             */
            side: "nonprofit" | "company";
            /** @description Cloudflare Turnstile answer, where the page shows the check */
            turnstileToken?: string;
            /** @description Leave empty (a field for bots) */
            website?: string;
        };
        RegistrationItem: {
            /** @enum {string} */
            contributionType: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
            description: string;
            hours: number | null;
            id: number;
            /** @enum {string} */
            kind: "need" | "offer";
            quantity: number | null;
            tags: string[];
            wantedWhen: string | null;
        };
        RegistrationItemInput: {
            /** @enum {string} */
            contributionType: "time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money";
            /** @example Zwei Leute, die beim Umzug der Kleiderkammer anpacken */
            description: string;
            hours?: number | null;
            /** @description Changing an entry: the id of an item kept (others are removed, items without id added) */
            id?: number;
            quantity?: number | null;
            /** @description Field/industry tags */
            tags?: string[];
            /**
             * @description When, in the registrant's words
             * @example Frühjahr 2027
             */
            wantedWhen?: string | null;
        };
        RegistrationList: {
            data: components["schemas"]["Registration"][];
        };
        RegistrationPage: {
            /** @description Shown next to the contact fields and stored with them */
            consentText: {
                de: string;
                en: string;
                nl: string;
            };
            /** @description Types offered (money only where the house rule allows it) */
            contributionTypes: ("time" | "goods" | "know_how" | "premises" | "transport" | "network" | "money")[];
            date: string;
            hallCloses: string | null;
            hallOpens: string | null;
            limits: {
                maxDescription: number;
                maxItems: number;
            };
            place: string;
            /** @description Last day of registration (the event's date when none was set) */
            registrationCloses: string;
            registrationOpens: string | null;
            /**
             * @description Whether the registration page takes new registrations today
             * @enum {string}
             */
            registrationState: "open" | "not_yet_open" | "closed" | "full";
            title: string;
            /** @description Where set, the page shows Cloudflare Turnstile and sends its answer */
            turnstileSiteKey: string | null;
        };
        RegistrationRejection: Record<string, never>;
        RegistrationUpdate: {
            /** @description The registrant agrees to the consent text shown (needed for a contact person) */
            consent?: boolean;
            /**
             * Format: email
             * @description Personal data: stored only with consent
             */
            contactEmail?: string | null;
            /** @description Personal data: stored only with consent */
            contactName?: string | null;
            /** @description Field of work (non-profits) */
            field?: string | null;
            /** @description Industry (companies) */
            industry?: string | null;
            items: components["schemas"]["RegistrationItemInput"][];
            /** @enum {string} */
            locale?: "de" | "en" | "nl";
            /** @example Tafel Jülich e.V. */
            orgName: string;
            postcode?: string | null;
            /**
             * @description A non-profit registers needs, a company offers
             * @enum {string}
             */
            side: "nonprofit" | "company";
        };
        Report: {
            /** @description Last day the figures cover */
            asOf: string;
            /** @description SHA-256 of the figures (canonical JSON) */
            contentHash: string;
            createdAt: string;
            /** @description The region's data revision the figures were made from */
            dataRevision: number;
            figures: components["schemas"]["ReportFigures"];
            /** @description Report id (`r<id>` in the permanent URL) */
            id: number;
            /** @description Id of the latest stored report of this region and year */
            latestId: number;
            /** @example /reports/05113?year=2025 */
            latestUrl: string;
            /** @description The region's data changed after these figures were made */
            newerData: boolean;
            /** @example /reports/05113/2025/r12 */
            permanentUrl: string;
        };
        ReportFigures: {
            metrics: {
                /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                activeOrganisations: number | "<3";
                conversion: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    converted: number | "<3";
                    format: string;
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    pairs: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    pending: number | "<3";
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    rate: number | null;
                    year: number;
                }[];
                cooperations: {
                    /** @description By the format of the event a cooperation started at (none: without event) */
                    byFormat: {
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        action_72h: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        action_day: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        marketplace: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        none: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        other: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        round_table: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        social_day: number | "<3";
                    };
                    byStatus: {
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        agreed: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        cancelled: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        done: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        not_feasible: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        ongoing: number | "<3";
                    };
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    fulfilmentRate: number | null;
                    fulfilmentRateByFormat: {
                        /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                        action_72h: number | null;
                        /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                        action_day: number | null;
                        /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                        marketplace: number | null;
                        /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                        none: number | null;
                        /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                        other: number | null;
                        /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                        round_table: number | null;
                        /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                        social_day: number | null;
                    };
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    total: number | "<3";
                };
                events: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    action_72h: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    action_day: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    marketplace: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    other: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    round_table: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    social_day: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    total: number | "<3";
                };
                inputs: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    hours: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    peopleReached: number | "<3";
                    /**
                     * @description Value in euros by contribution type (types without any value are left out)
                     * @example {
                     *       "time": 12500,
                     *       "money": 3000
                     *     }
                     */
                    valueByContributionType: {
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        goods?: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        know_how?: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        money?: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        network?: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        premises?: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        time?: number | "<3";
                        /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                        transport?: number | "<3";
                    };
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    valueEur: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    volunteers: number | "<3";
                };
                network: components["schemas"]["NetworkFigures"];
                organisations: {
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    company: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    intermediary: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    nonprofit: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    public: number | "<3";
                    /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                    total: number | "<3";
                };
                /** @description Per 100 000 inhabitants; null without a population */
                perHundredThousand: {
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    cooperations: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    hours: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    organisations: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    peopleReached: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    valueEur: number | null;
                    /** @description null for anonymous callers when computed from a hidden figure (docs/privacy.md) */
                    volunteers: number | null;
                } | null;
            };
            region: {
                code: string;
                kind: string;
                name: string;
                population: number | null;
            };
            /** @description Public API requests (under /api/v1) the figures were read from, as an anonymous caller */
            sources: string[];
            /** @description New cooperations per quarter */
            trend: {
                partial: boolean;
                period: string;
                value: number | "<3" | null;
            }[];
            window: {
                from: string;
                to: string;
            };
            year: number;
        };
        ResultsOrganisation: {
            id: number;
            isPublic: boolean;
            /** @enum {string} */
            kind: "company" | "nonprofit" | "public" | "intermediary";
            name: string;
        };
        RoundTable: {
            createdAt: string;
            description: string | null;
            id: number;
            meetings: components["schemas"]["RoundTableMeetingSummary"][];
            openTasks: components["schemas"]["RoundTableTask"][];
            organiserId: number | null;
            organiserName: string | null;
            regionCode: string;
            title: string;
            updatedAt: string;
        };
        RoundTableCreate: {
            description?: string | null;
            /** @description The organisation that runs the series (a volunteer agency, chamber …) */
            organiserId?: number | null;
            /** @example 12 */
            regionCode: string;
            /** @example Runder Tisch engagierter Unternehmen Brandenburg */
            title: string;
        };
        RoundTableDecisionCreate: {
            text: string;
        };
        RoundTableList: {
            data: {
                createdAt: string;
                description: string | null;
                id: number;
                meetings: components["schemas"]["RoundTableMeetingSummary"][];
                organiserId: number | null;
                organiserName: string | null;
                regionCode: string;
                title: string;
                updatedAt: string;
            }[];
        };
        RoundTableMeeting: {
            attendees: {
                id: number;
                kind: string;
                name: string;
            }[];
            date: string;
            decisions: {
                id: number;
                text: string;
            }[];
            eventId: number;
            /** @description Attendees registered outside the caller's regions and not public (kept, not named) */
            hiddenAttendees: number;
            minutesBy: string | null;
            place: string | null;
            series: {
                id: number;
                organiserName: string | null;
                regionCode: string;
                title: string;
            };
            startsAt: string | null;
            tasks: components["schemas"]["RoundTableTask"][];
            title: string;
        };
        RoundTableMeetingCreate: {
            /** @description The organisations that attended (replaces the list; attendees hidden from the caller stay) */
            attendeeIds?: number[];
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            date: string;
            place?: string | null;
            /** @example 18:00 */
            startsAt?: string | null;
            /** @description Default: the series' title */
            title?: string;
        };
        RoundTableMeetingSummary: {
            attendees: number;
            date: string;
            decisions: number;
            eventId: number;
            openTasks: number;
            place: string | null;
            startsAt: string | null;
            title: string;
        };
        RoundTableMeetingUpdate: {
            /** @description The organisations that attended (replaces the list; attendees hidden from the caller stay) */
            attendeeIds?: number[];
            /**
             * Format: date
             * @description A date between 1900-01-01 and 2100-12-31
             * @example 2024-05-17
             */
            date?: string;
            minutesBy?: string | null;
            place?: string | null;
            /** @example 18:00 */
            startsAt?: string | null;
            title?: string;
        };
        RoundTableTask: {
            done: boolean;
            doneAt: string | null;
            dueOn: string | null;
            eventId: number;
            id: number;
            meetingDate: string;
            overdue: boolean;
            owner: {
                name: string | null;
                organisationId: number | null;
                organisationName: string | null;
            };
            task: string;
        };
        RoundTableTaskCreate: {
            /**
             * Format: date
             * @description By when
             * @example 2024-05-17
             */
            dueOn?: string | null;
            /** @description Who: a person (organiser's note, never public) */
            ownerName?: string | null;
            /** @description Who: an attendee of the meeting */
            ownerOrganisationId?: number | null;
            task: string;
        };
        RoundTableTaskUpdate: {
            done?: boolean;
            /**
             * Format: date
             * @description By when
             * @example 2024-05-17
             */
            dueOn?: string | null;
            /** @description Who: a person (organiser's note, never public) */
            ownerName?: string | null;
            /** @description Who: an attendee of the meeting */
            ownerOrganisationId?: number | null;
            task?: string;
        };
        RoundTableUpdate: {
            description?: string | null;
            /** @description The organisation that runs the series (a volunteer agency, chamber …) */
            organiserId?: number | null;
            /** @example Runder Tisch engagierter Unternehmen Brandenburg */
            title?: string;
        };
        /**
         * @example {
         *       "exact": true,
         *       "samples": 0,
         *       "estimatedError": 0
         *     }
         */
        SamplingInfo: {
            /** @description Absolute bound on every value's error at once (0 when exact) */
            estimatedError: number;
            exact: boolean;
            samples: number;
            /** @description Betweenness: the largest error of the 50 largest values as a share of the value (95 %, normal approximation); 0 when exact */
            topRelativeError?: number | null;
        } | null;
        /**
         * @description A suggested partner with the reasons (docs/metrics.md)
         * @example {
         *       "organisationId": 812,
         *       "name": "Stadtwerke Essen AG",
         *       "kind": "company",
         *       "regionCode": "05113",
         *       "score": 7.4,
         *       "components": {
         *         "region": 1,
         *         "affinity": 0.4,
         *         "openness": 0.8,
         *         "recency": 1,
         *         "adamicAdar": 0.3
         *       },
         *       "reasons": [
         *         "Same district",
         *         "Companies of this industry often support this field (40 %)"
         *       ],
         *       "reasonCodes": [
         *         {
         *           "code": "same_region",
         *           "params": {
         *             "region": "05113"
         *           }
         *         },
         *         {
         *           "code": "field_affinity",
         *           "params": {
         *             "share": 0.4,
         *             "field": "youth_work"
         *           }
         *         }
         *       ]
         *     }
         */
        Suggestion: {
            /** @description Each in [0, 1] */
            components: {
                adamicAdar: number;
                affinity: number;
                openness: number;
                recency: number;
                region: number;
            };
            kind: string;
            name: string;
            organisationId: number;
            /** @description The same reasons as codes with parameters, for wording in any language */
            reasonCodes: {
                /** @enum {string} */
                code: "same_region" | "same_state" | "field_affinity" | "open_to_cooperation" | "recently_active" | "shared_partners";
                params: {
                    [key: string]: string | number;
                };
            }[];
            /** @description The reasons in English words */
            reasons: string[];
            regionCode: string;
            /** @description Σ weight × component (see components) */
            score: number;
        };
        Token: {
            createdAt: string;
            id: number;
            lastUsedAt: string | null;
            name: string;
            regions: string[];
            revokedAt: string | null;
            /** @enum {string} */
            role: "admin" | "coordinator" | "funder";
        };
        TokenCreate: {
            name: string;
            /**
             * @description Coordinator scope (required for coordinators); includes sub-regions
             * @default []
             */
            regions: string[];
            /** @enum {string} */
            role: "admin" | "coordinator" | "funder";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listActionDays: {
        parameters: {
            query?: {
                /** @description Page size (1–500) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Action days */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ActionDaySummary"][];
                    };
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createActionDay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDay"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getActionDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDay"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createActionDayAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action day with the new assignment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDay"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateActionDayResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayResultsInput"];
            };
        };
        responses: {
            /** @description Entered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDay"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createActionDayResultsLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDayResultsLink"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createActionDayApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                registrationId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationApproval"];
            };
        };
        responses: {
            /** @description Approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateActionDayAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                teamId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayMove"];
            };
        };
        responses: {
            /** @description Moved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDay"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteActionDayAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                teamId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Taken off */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDay"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                actor?: string;
                cursor?: string;
                entity?: "regions" | "organisations" | "events" | "cooperations" | "tokens" | "import";
                entityId?: string;
                /** @description json (default), csv (German Excel dialect: ';', decimal comma, BOM) or xlsx; files contain all pages, at most 100000 rows */
                format?: "json" | "csv" | "xlsx";
                /** @description A date between 1900-01-01 and 2100-12-31 */
                from?: string;
                limit?: number;
                /** @description File exports: de = German headers and labels, ';' CSV; en = English headers, API keys, ',' CSV */
                locale?: "de" | "en";
                /** @description A date between 1900-01-01 and 2100-12-31 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getChecklistTemplate: {
        parameters: {
            query?: {
                /** @description The organising organisation whose copy to read (none: the built-in template) */
                organiserId?: number;
            };
            header?: never;
            path: {
                /** @description The event format a template is for */
                format: "marketplace" | "action_day" | "social_day" | "action_72h" | "round_table";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplate"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateChecklistTemplate: {
        parameters: {
            query: {
                organiserId: number;
            };
            header?: never;
            path: {
                /** @description The event format a template is for */
                format: "marketplace" | "action_day" | "social_day" | "action_72h" | "round_table";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChecklistTemplateUpdate"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplate"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteChecklistTemplate: {
        parameters: {
            query: {
                organiserId: number;
            };
            header?: never;
            path: {
                /** @description The event format a template is for */
                format: "marketplace" | "action_day" | "social_day" | "action_72h" | "round_table";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dropped (or there was none) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConversion: {
        parameters: {
            query?: {
                /** @description One row per format and year, or per format over all years */
                by?: "year" | "format";
                /** @description Region code or DE */
                region?: string;
                /** @description A date between 1900-01-01 and 2100-12-31 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Conversion */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        computedAt: string;
                        region: string;
                        revision: number;
                        rows: {
                            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                            converted: number | "<3";
                            format: string;
                            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                            pairs: number | "<3";
                            /** @description Anonymous callers: "<3" when 1 or 2 non-public organisations stand behind the figure, or when it would give such a figure back by subtraction (docs/privacy.md) */
                            pending: number | "<3";
                            rate: number | null;
                            /** @description null when by=format */
                            year: number | null;
                        }[];
                        stale: boolean;
                    };
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCooperations: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                event?: number;
                /** @description Event format; 'none' = without event */
                eventFormat?: ("action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other") | "none";
                externalRef?: string;
                /** @description Output: json (default), csv or xlsx (all pages as a file). An event format here (action_day … or 'none') filters like eventFormat, as before */
                format?: ("json" | "csv" | "xlsx") | ("action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other") | "none";
                /** @description dateAgreed on or after */
                from?: string;
                /** @description Page size (1–500) */
                limit?: number;
                /** @description File exports: de = German headers and labels, ';' CSV; en = English headers, API keys, ',' CSV */
                locale?: "de" | "en";
                organisation?: number;
                /** @description Text search in names/titles */
                q?: string;
                /** @description Region code; includes all sub-regions (e.g. 09 = Bavaria and its districts) */
                region?: string;
                /** @description dateAgreed, createdAt, updatedAt, hours, valueEur, id; prefix - for descending (default -dateAgreed) */
                sort?: string;
                source?: string;
                status?: "agreed" | "done" | "ongoing" | "cancelled" | "not_feasible";
                /** @description dateAgreed on or before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cooperations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperationList"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCooperation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CooperationCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cooperation"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCooperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cooperation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cooperation"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteCooperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateCooperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CooperationUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cooperation"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bulkUpsertCooperations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CooperationBulk"];
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperationBulkReport"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDirectory: {
        parameters: {
            query?: {
                /** @description At most 100 (default 50) */
                limit?: number;
                /** @description A place, region or organisation name, or a postcode (prefix of 2–5 digits; Dutch 4 digits + letters) */
                q?: string;
                /** @description A region code; its sub-regions included */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The directory */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: components["schemas"]["DirectoryEntry"][];
                        /** @description The regions of the entries (for the map) */
                        regions: {
                            code: string;
                            entries: number;
                            name: string;
                        }[];
                        /** @description More entries match than `limit`: narrow the search */
                        truncated: boolean;
                    };
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry (empty if none yet) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryOwnEntry"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateDirectoryEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectoryEntryInput"];
            };
        };
        responses: {
            /** @description The saved entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryOwnEntry"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDirectoryEditLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        /** @description The edit page with the secret in its fragment */
                        url: string;
                    };
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description json (default), csv (German Excel dialect: ';', decimal comma, BOM) or xlsx; files contain all pages, at most 100000 rows */
                format?: "json" | "csv" | "xlsx";
                /** @description A date between 1900-01-01 and 2100-12-31 */
                from?: string;
                kind?: "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";
                /** @description Page size (1–500) */
                limit?: number;
                /** @description File exports: de = German headers and labels, ';' CSV; en = English headers, API keys, ',' CSV */
                locale?: "de" | "en";
                /** @description Events this organisation took part in */
                organisation?: number;
                /** @description Text search in names/titles */
                q?: string;
                /** @description Region code; includes all sub-regions (e.g. 09 = Bavaria and its districts) */
                region?: string;
                /** @description date, title, createdAt, id; prefix - for descending (default -date) */
                sort?: string;
                /** @description A date between 1900-01-01 and 2100-12-31 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEventChecklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checklist */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checklist"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEventChecklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChecklistCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checklist"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEventChecklistItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChecklistItemCreate"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistItem"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteEventChecklistItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                itemId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateEventChecklistItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                itemId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChecklistItemUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistItem"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importRecords: {
        parameters: {
            query: {
                /** @description true (default): report only; false: store */
                dryRun?: "true" | "false";
                /** @description File name for the report and the audit log (raw uploads) */
                fileName?: string;
                /** @description Region code for rows without a Region column/value */
                region?: string;
                /** @description Source of new records' external references (default 'import') */
                source?: string;
                /** @description What the file contains */
                type: "organisations" | "events" | "cooperations";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description The report (dry run, or a real run that stored everything); NDJSON progress stream on request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                    "application/x-ndjson": string;
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getImportColumns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "organisations" | "events" | "cooperations";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Columns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns: {
                            aliases: string[];
                            de: string;
                            en: string;
                            field: string;
                        }[];
                        /** @enum {string} */
                        type: "organisations" | "events" | "cooperations";
                    };
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getImportTemplate: {
        parameters: {
            query?: {
                /** @description Headers, labels and number/date format */
                locale?: "de" | "en";
                /** @description Region code the example rows are set in (a coordinator's own region, so the unchanged template imports there); default 05358 */
                region?: string;
            };
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMarketplaces: {
        parameters: {
            query?: {
                /** @description Page size (1–500) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marketplaces */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketplaceList"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMarketplace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarketplaceCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Marketplace"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMarketplace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The marketplace */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Marketplace"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMarketplace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarketplaceUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Marketplace"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMatchingBoard: {
        parameters: {
            query?: {
                /** @description Undecided suggestions shown per need (default 3) */
                perNeed?: number;
            };
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchingBoard"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMatchDecisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    decisions: components["schemas"]["MatchDecisionInput"][];
                };
            };
        };
        responses: {
            /** @description The decisions as stored now (reopened pairs are absent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decisions: (components["schemas"]["MatchDecision"] & {
                            needItemId: number;
                            offerItemId: number;
                        })[];
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDealSheetLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealSheetLink"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDealSheetLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMarketplaceDeals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deals, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealList"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMarketplaceDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealInput"];
            };
        };
        responses: {
            /** @description Already recorded with this clientId: the stored deal, nothing written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFollowUpBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's follow-up requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpBoard"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createFollowUpMailMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpDownload"];
            };
        };
        responses: {
            /** @description CSV file (UTF-8 with BOM; German: `;` and dd.mm.yyyy) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createFollowUpRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requests created now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpSchedule"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createFollowUpMails: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpSend"];
            };
        };
        responses: {
            /** @description What was sent; requests without an address are left for the download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpMailRun"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMarketplaceModerator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModeratorCreate"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Moderator"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMarketplaceModerator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                moderatorId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMarketplaceRegistrations: {
        parameters: {
            query?: {
                status?: "pending" | "approved" | "rejected" | "withdrawn";
            };
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Registrations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationList"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRegistrationApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                registrationId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationApproval"];
            };
        };
        responses: {
            /** @description Approved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRegistrationRejection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
                registrationId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationRejection"];
            };
        };
        responses: {
            /** @description Rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMarketplaceResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResults"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Caller"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetricsOverview: {
        parameters: {
            query?: {
                /** @description Window start (default: window months before `to`) */
                from?: string;
                kind?: "state" | "district" | "custom";
                /** @description Any numeric row field, e.g. -cooperations or -perHundredThousand.hours */
                sort?: string;
                /** @description Window end (default: today) */
                to?: string;
                /** @description Window length like 24m (default 24m) */
                window?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description National and regional figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        national: components["schemas"]["RegionMetrics"];
                        regions: components["schemas"]["RegionRankingRow"][];
                    };
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                externalRef?: string;
                field?: string;
                /** @description json (default), csv (German Excel dialect: ';', decimal comma, BOM) or xlsx; files contain all pages, at most 100000 rows */
                format?: "json" | "csv" | "xlsx";
                /** @description Only these organisations, e.g. ids=12,40,41 (names of partners in one request) */
                ids?: string;
                industry?: string;
                kind?: "company" | "nonprofit" | "public" | "intermediary";
                /** @description Page size (1–500) */
                limit?: number;
                /** @description File exports: de = German headers and labels, ';' CSV; en = English headers, API keys, ',' CSV */
                locale?: "de" | "en";
                /** @description Text search in names/titles */
                q?: string;
                /** @description Region code; includes all sub-regions (e.g. 09 = Bavaria and its districts) */
                region?: string;
                /** @description name, createdAt, updatedAt, id; prefix - for descending */
                sort?: string;
                source?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organisations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationList"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrganisationMetrics: {
        parameters: {
            query?: {
                /** @description Window start (default: window months before `to`) */
                from?: string;
                /** @description Window end (default: today) */
                to?: string;
                /** @description Window length like 24m (default 24m) */
                window?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organisation metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        computedAt: string;
                        currentRevision: number;
                        ego: {
                            edges: {
                                hours: number;
                                source: number;
                                target: number;
                                valueEur: number;
                                weight: number;
                            }[];
                            nodes: {
                                distance: number;
                                id: number;
                                kind: string;
                                name: string;
                                regionCode: string;
                            }[];
                        };
                        /** @description An organisation's metrics in its scope's network (docs/metrics.md) */
                        metrics: components["schemas"]["OrganisationMetrics"] & {
                            suggestions: components["schemas"]["Suggestion"][];
                        };
                        organisationId: number;
                        /** @description Data revision the figures were computed from */
                        revision: number;
                        /** @description True when data changed since; a recomputation is pending */
                        stale: boolean;
                        window: {
                            from: string;
                            to: string;
                        };
                    };
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrganisationPersonalData: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Personal data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        auditTrail: {
                            action: string;
                            actor: string;
                            at: string;
                        }[];
                        contactEmail: string | null;
                        contactName: string | null;
                        /** @description The contact published in the directory of local contacts, with the consent given for publication (docs/directory.md); null without an entry */
                        directoryEntry: {
                            consentAt: string | null;
                            consentBy: string | null;
                            consentText: string | null;
                            contactEmail: string | null;
                            contactName: string | null;
                            contactPhone: string | null;
                            published: boolean;
                            website: string | null;
                        } | null;
                        organisationId: number;
                        /** @description Contact persons given with the organisation's marketplace registrations, with the consent text they agreed to */
                        registrations: {
                            consentAt: string | null;
                            consentText: string | null;
                            contactEmail: string | null;
                            contactName: string | null;
                            eventId: number;
                            registrationId: number;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOrganisationPersonalData: {
        parameters: {
            query?: {
                /** @description Also anonymise and delete the organisation */
                purge?: "true" | "false";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bulkUpsertOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationBulk"];
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkReport"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOwnActionDayProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnActionDayProject"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateOwnActionDayProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayProjectUpdate"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnActionDayProject"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOwnActionDayProjectContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getActionDayProjectResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project and its results so far */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDayProjectResults"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateActionDayProjectResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayResultsInput"];
            };
        };
        responses: {
            /** @description Entered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDayProjectResults"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOwnActionDayTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnActionDayTeam"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateOwnActionDayTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayTeamUpdate"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnActionDayTeam"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOwnActionDayTeamContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getActionDayPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicActionDay"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createActionDayProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayProjectCreate"];
            };
        };
        responses: {
            /** @description Submitted; waits for the organiser's approval */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDaySubmitted"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createActionDayTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionDayTeamCreate"];
            };
        };
        responses: {
            /** @description Registered; waits for the organiser's approval */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionDaySubmitted"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDealSheet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deal sheet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealSheet"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDealSheetDeal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealInput"];
            };
        };
        responses: {
            /** @description Already recorded with this clientId: the stored deal, nothing written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryEntryByLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryOwnEntry"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateDirectoryEntryByLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectoryEntryInput"];
            };
        };
        responses: {
            /** @description The saved entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryOwnEntry"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFollowUpQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The question */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpQuestion"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The link was already used (each link answers once) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createFollowUpAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpAnswer"];
            };
        };
        responses: {
            /** @description Stored; the link is used up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpAnswered"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The link was already used (each link answers once) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublicMarketplaceResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's public results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicEventResults"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegistrationPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registration page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationPage"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationCreate"];
            };
        };
        responses: {
            /** @description Registered; waits for the organiser's approval */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOwnRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnRegistration"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateOwnRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationUpdate"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnRegistration"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOwnRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRegions: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor */
                cursor?: string;
                /** @description json (default), csv (German Excel dialect: ';', decimal comma, BOM) or xlsx; files contain all pages, at most 100000 rows */
                format?: "json" | "csv" | "xlsx";
                kind?: "state" | "district" | "custom";
                /** @description Page size (1–500) */
                limit?: number;
                /** @description File exports: de = German headers and labels, ';' CSV; en = English headers, API keys, ',' CSV */
                locale?: "de" | "en";
                /** @description Direct children of this region */
                parent?: string;
                /** @description Text search in names/titles */
                q?: string;
                /** @description code, name, population; prefix - for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Regions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionList"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRegion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegionCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The region */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegionUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["CalendarEvent"][];
                        feedPath: string;
                        regionCode: string;
                    };
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionCalendarFeed: {
        parameters: {
            query?: {
                /** @description Language of the format names in the feed (default de) */
                locale?: "de" | "en" | "nl";
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description iCalendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listIsolatedOrganisations: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                format?: "json" | "csv";
                /** @description Window start (default: window months before `to`) */
                from?: string;
                kind?: "company" | "nonprofit" | "public" | "intermediary";
                /** @description Page size (default and maximum 1 000) */
                limit?: number;
                status?: "isolated" | "peripheral" | "fading";
                /** @description Window end (default: today) */
                to?: string;
                /** @description Window length like 24m (default 24m) */
                window?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organisations needing partners (CSV: one row per suggestion, German Excel dialect) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        computedAt: string;
                        nextCursor: string | null;
                        organisations: {
                            degree: number;
                            kind: string;
                            lastCooperation: string | null;
                            name: string;
                            organisationId: number;
                            regionCode: string;
                            /**
                             * @description docs/metrics.md, "Isolated, peripheral, fading"
                             * @enum {string}
                             */
                            status: "isolated" | "peripheral" | "fading" | "connected";
                            suggestions: components["schemas"]["Suggestion"][];
                        }[];
                        region: string;
                        revision: number;
                        stale: boolean;
                        /**
                         * @example {
                         *       "from": "2024-12-01",
                         *       "to": "2026-11-30"
                         *     }
                         */
                        window: {
                            from: string;
                            to: string;
                        };
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionMetrics: {
        parameters: {
            query?: {
                /** @description Window start (default: window months before `to`) */
                from?: string;
                /** @description Window end (default: today) */
                to?: string;
                /** @description Window length like 24m (default 24m) */
                window?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Region metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionMetrics"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionNetwork: {
        parameters: {
            query?: {
                /** @description Also return the weaker tie layer: organisations that attended the same events (layer 'event'; metrics use cooperation ties only) */
                eventTies?: "true" | "false";
                /** @description json; gexf (GEXF 1.3 for Gephi: viz:position = the layout, viz:size by partners, viz:color by kind, typed attributes); graphml (the same attributes with typed keys, x/y as attributes); csv (edge list); zip (nodes.csv + edges.csv, dialect by `locale`). Every file has the same nodes, ties and attribute values as json (docs/network-files.md) */
                format?: "json" | "gexf" | "graphml" | "csv" | "zip";
                /** @description Window start (default: window months before `to`) */
                from?: string;
                /** @description format=zip only: de = German Excel dialect (';', decimal comma, dd.mm.yyyy, ja/nein); en = ',' and ISO dates */
                locale?: "de" | "en";
                /** @description Window end (default: today) */
                to?: string;
                /** @description Window length like 24m (default 24m) */
                window?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The network */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/gexf+xml": string;
                    "application/graphml+xml": string;
                    "application/json": components["schemas"]["Network"];
                    "application/zip": string;
                    "text/csv": string;
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionTrend: {
        parameters: {
            query: {
                /** @description Only flows from this event format */
                format?: "all" | "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other" | "none";
                /** @description A date between 1900-01-01 and 2100-12-31 */
                from?: string;
                interval?: "month" | "quarter" | "year";
                metric: "cooperations" | "done" | "fulfilmentRate" | "volunteers" | "hours" | "valueEur" | "peopleReached" | "activeOrganisations" | "newPairs" | "density" | "largestComponentShare" | "isolatesShare" | "meanTwoStepReachNonprofits" | "degreeCentralisation" | "modularity" | "eiIndex";
                /** @description A date between 1900-01-01 and 2100-12-31 */
                to?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Trend */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        computedAt: string;
                        interval: string;
                        metric: string;
                        points: {
                            /** @description Rates and shares only (fulfilmentRate: the period's cooperations; largestComponentShare, isolatesShare: the organisations of the network): the base the rate is computed from, withheld like any count (docs/charts.md, docs/privacy.md) */
                            n?: number | "<3" | null;
                            /** @description The period is not over yet (or cut by `to`): flows are incomplete */
                            partial: boolean;
                            period: string;
                            value: number | "<3" | null;
                        }[];
                        region: string;
                        revision: number;
                    };
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionReport: {
        parameters: {
            query: {
                /** @description A stored report's id (`r12` or `12`): exactly the figures stored then. Without it: the latest report, frozen now if the data changed since the last one */
                revision?: string;
                /** @description Calendar year (the running year or one of the 10 before it) */
                year: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The report was removed by the storage limits */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The region's figures are being computed (large regions); see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getRoundTableMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The meeting */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTableMeeting"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateRoundTableMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundTableMeetingUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTableMeeting"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRoundTableDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundTableDecisionCreate"];
            };
        };
        responses: {
            /** @description The meeting with the decision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTableMeeting"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteRoundTableDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                decisionId: number;
                eventId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRoundTableTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundTableTaskCreate"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTableTask"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with a stored record (duplicate key, still referenced) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateRoundTableTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundTableTaskUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTableTask"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRoundTables: {
        parameters: {
            query?: {
                /** @description Page size (1–500) */
                limit?: number;
                /** @description Only this region and its sub-regions */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTableList"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRoundTable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundTableCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTable"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRoundTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                seriesId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTable"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateRoundTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                seriesId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundTableUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTable"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRoundTableMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                seriesId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundTableMeetingCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundTableMeeting"];
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Token"][];
                    };
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"] & {
                        /** @description The bearer secret; store it now */
                        token: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed or unknown reference */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role or regions do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
