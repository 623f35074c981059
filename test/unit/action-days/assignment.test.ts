/**
 * The action day's assignment (worker/action-days/assignment.ts): the stated rule on small cases,
 * and, on random instances, that no capacity is ever exceeded.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moveProblem, suggestAssignment, type AssignProject, type AssignTeam, type FixedAssignment } from "../../../worker/action-days/assignment";

const project = (id: number, p: Partial<AssignProject> = {}): AssignProject => ({ id, organisationId: 100 + id, field: null, days: ["2027-05-08"], volunteersWanted: 10, skills: [], ...p });
const team = (id: number, t: Partial<AssignTeam> = {}): AssignTeam => ({ id, organisationId: 200 + id, size: 4, skills: [], preferredFields: [], day: null, ...t });

describe("suggested assignment", () => {
  it("prefers fit: skills asked for, then the company's preferred field", () => {
    const projects = [project(1, { skills: ["Streichen"] }), project(2, { field: "youth_work" }), project(3)];
    const { placements } = suggestAssignment(projects, [team(1, { skills: ["streichen"] }), team(2, { preferredFields: ["youth_work"] })], [], []);
    expect(placements.map((p) => [p.teamId, p.projectId])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(placements[0].reason).toEqual({ skills: ["streichen"], field: false, newTie: true, score: 5 });
    expect(placements[1].reason).toEqual({ skills: [], field: true, newTie: true, score: 4 });
  });

  it("prefers a new tie over a pair that cooperated before", () => {
    const projects = [project(1), project(2)];
    const { placements } = suggestAssignment(projects, [team(1)], [], ["101:201"]);
    expect(placements).toEqual([{ teamId: 1, projectId: 2, day: "2027-05-08", reason: { skills: [], field: false, newTie: true, score: 2 } }]);
  });

  it("places large teams first and leaves a team that fits nowhere unassigned", () => {
    const projects = [project(1, { volunteersWanted: 8 })];
    const { placements, unassigned } = suggestAssignment(projects, [team(1, { size: 3 }), team(2, { size: 8 })], [], []);
    expect(placements.map((p) => p.teamId)).toEqual([2]);
    expect(unassigned).toEqual([1]);
  });

  it("keeps the organiser's placements and counts them against the capacity", () => {
    const projects = [project(1, { volunteersWanted: 6, skills: ["kochen"] }), project(2)];
    const fixed: FixedAssignment[] = [{ teamId: 1, projectId: 1, day: "2027-05-08" }];
    const { placements } = suggestAssignment(projects, [team(1, { size: 4 }), team(2, { size: 4, skills: ["kochen"] })], fixed, []);
    expect(placements).toEqual([expect.objectContaining({ teamId: 2, projectId: 2 })]);
  });

  it("uses the team's day, or any day of the project for a team that named none", () => {
    const days = ["2027-05-20", "2027-05-21", "2027-05-22"];
    const projects = [project(1, { days, volunteersWanted: 5 })];
    const { placements, unassigned } = suggestAssignment(projects, [team(1, { size: 5, day: "2027-05-21" }), team(2, { size: 5 }), team(3, { size: 5, day: "2027-05-23" })], [], []);
    expect(placements.map((p) => [p.teamId, p.day])).toEqual([
      [1, "2027-05-21"],
      [2, "2027-05-20"],
    ]);
    expect(unassigned).toEqual([3]);
  });

  it("a hand move is checked against the same capacities", () => {
    const p = project(1, { volunteersWanted: 6 });
    expect(moveProblem(p, team(2, { size: 3 }), "2027-05-08", [{ teamId: 1, projectId: 1, day: "2027-05-08", size: 4 }])).toMatch(/wants 6 volunteers/);
    expect(moveProblem(p, team(2, { size: 2 }), "2027-05-08", [{ teamId: 1, projectId: 1, day: "2027-05-08", size: 4 }])).toBeNull();
    expect(moveProblem(p, team(2, { size: 2, day: "2027-05-09" }), "2027-05-08", [])).toMatch(/works on/);
    expect(moveProblem(p, team(2), "2027-05-09", [])).toMatch(/does not take teams/);
  });
});

const DAYS = ["2027-05-20", "2027-05-21", "2027-05-22"];
const skillArb = fc.subarray(["garten", "streichen", "kochen", "it", "bauen"]);
const instance = fc
  .record({
    projects: fc.array(fc.record({ org: fc.integer({ min: 1, max: 5 }), days: fc.subarray(DAYS, { minLength: 1 }), want: fc.integer({ min: 1, max: 25 }), skills: skillArb, field: fc.constantFrom(null, "sport", "youth_work") }), { maxLength: 8 }),
    teams: fc.array(fc.record({ org: fc.integer({ min: 11, max: 16 }), size: fc.integer({ min: 1, max: 20 }), day: fc.constantFrom(null, ...DAYS), skills: skillArb, fields: fc.subarray(["sport", "youth_work"]) }), { maxLength: 14 }),
    ties: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 11, max: 16 })), { maxLength: 6 }),
    fixedPicks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 4 }),
  })
  .map(({ projects, teams, ties, fixedPicks }) => {
    const ps: AssignProject[] = projects.map((p, i) => ({ id: i + 1, organisationId: p.org, field: p.field, days: p.days, volunteersWanted: p.want, skills: p.skills }));
    const ts: AssignTeam[] = teams.map((t, i) => ({ id: i + 1, organisationId: t.org, size: t.size, skills: t.skills, preferredFields: t.fields, day: t.day }));
    // Hand placements that themselves fit (as the move route guarantees).
    const fixed: FixedAssignment[] = [];
    for (const [a, b, c] of fixedPicks) {
      if (!ps.length || !ts.length) break;
      const t = ts[a % ts.length];
      const p = ps[b % ps.length];
      const day = t.day ?? p.days[c % p.days.length];
      if (fixed.some((f) => f.teamId === t.id)) continue;
      const others = fixed.map((f) => ({ ...f, size: ts.find((x) => x.id === f.teamId)!.size }));
      if (moveProblem(p, t, day, others) === null) fixed.push({ teamId: t.id, projectId: p.id, day });
    }
    return { ps, ts, fixed, ties: ties.map(([n, c]) => `${n}:${c}`) };
  });

describe("suggested assignment (property)", () => {
  it("never exceeds a project's volunteers wanted on a day, keeps teams whole, on their day, once, and keeps hand placements", () => {
    fc.assert(
      fc.property(instance, ({ ps, ts, fixed, ties }) => {
        const { placements, unassigned } = suggestAssignment(ps, ts, fixed, ties);
        const all = [...fixed, ...placements];
        const seen = new Set<number>();
        for (const a of all) {
          expect(seen.has(a.teamId)).toBe(false);
          seen.add(a.teamId);
          const t = ts.find((x) => x.id === a.teamId)!;
          const p = ps.find((x) => x.id === a.projectId)!;
          expect(p.days).toContain(a.day);
          if (t.day) expect(a.day).toBe(t.day);
        }
        const load = new Map<string, number>();
        for (const a of all) load.set(`${a.projectId}@${a.day}`, (load.get(`${a.projectId}@${a.day}`) ?? 0) + ts.find((x) => x.id === a.teamId)!.size);
        for (const [k, n] of load) expect(n).toBeLessThanOrEqual(ps.find((p) => p.id === Number(k.split("@")[0]))!.volunteersWanted);
        // Every team is either placed (by hand or suggested) or reported unassigned.
        expect(new Set([...seen, ...unassigned]).size).toBe(ts.length);
        // An unassigned team really fits nowhere.
        for (const id of unassigned) {
          const t = ts.find((x) => x.id === id)!;
          for (const p of ps) for (const d of p.days) if (!t.day || t.day === d) expect((load.get(`${p.id}@${d}`) ?? 0) + t.size).toBeGreaterThan(p.volunteersWanted);
        }
      }),
      { numRuns: 400 },
    );
  });
});
