/**
 * From results to pair cooperations (worker/action-days/results.ts): shares by team size that add
 * up to the project's figures, and one cooperation per company–non-profit pair across projects.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, pairCooperations } from "../../../worker/action-days/results";
import type { ProjectRow, TeamRow } from "../../../worker/action-days/store";

const project = (id: number, org: number, results: ProjectRow["results"]): ProjectRow =>
  ({ id, registrationId: id, orgName: `NP ${org}`, postcode: null, field: null, status: "approved", organisationId: org, candidateOrganisationId: org, contactName: null, contactEmail: null, consentAt: null, title: "", description: "", place: "", volunteersWanted: 20, skills: [], accessibility: null, bring: null, days: ["2027-05-08", "2027-05-09"], results });
const team = (id: number, org: number, size: number, projectId: number | null, day = "2027-05-08"): TeamRow =>
  ({ id, registrationId: 100 + id, orgName: `CO ${org}`, postcode: null, industry: null, status: "approved", organisationId: org, candidateOrganisationId: org, contactName: null, contactEmail: null, consentAt: null, name: null, size, skills: [], preferredFields: [], day: null, assignment: projectId === null ? null : { projectId, day, source: "suggested", reason: { skills: [], field: false, newTie: true, score: 2 }, decidedAt: "" } });
const results = (volunteers: number, hours: number, peopleReached: number) => ({ volunteers, hours, peopleReached, comment: null, enteredBy: "token:1", enteredAt: "" });

describe("results to cooperations", () => {
  it("shares whole numbers by largest remainder, adding up to the total", () => {
    expect(apportion(10, [5, 3, 3])).toEqual([4, 3, 3]);
    expect(apportion(0, [2, 2])).toEqual([0, 0]);
    fc.assert(fc.property(fc.nat(10_000), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }), (total, w) => apportion(total, w).reduce((a, b) => a + b, 0) === total));
  });

  it("makes one cooperation per pair, summed over the non-profit's projects; unconfirmed and unplaced teams make none", () => {
    const projects = [project(1, 10, results(9, 45.5, 100)), project(2, 10, results(4, 20, 30)), project(3, 11, null)];
    const teams = [team(1, 20, 6, 1), team(2, 21, 3, 1), team(3, 20, 4, 2, "2027-05-09"), team(4, 22, 5, 3), team(5, 23, 2, null), { ...team(6, 24, 2, 2), status: "pending" as const, organisationId: null }];
    const pairs = pairCooperations(projects, teams);
    expect(pairs.map((p) => [p.nonprofitId, p.companyId, p.volunteers, p.hours, p.peopleReached, p.firstDay, p.lastDay])).toEqual([
      [10, 20, 6 + 3, 30.33 + 13.33, 67 + 20, "2027-05-08", "2027-05-09"],
      [10, 21, 3, 15.17, 33, "2027-05-08", "2027-05-08"],
    ]);
  });
});
