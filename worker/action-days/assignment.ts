/**
 * @module
 * Team-to-project assignment of an action day (docs/action-days.md, "Assignment").
 *
 * Capacities: a project takes at most `volunteersWanted` people on each of its days (the sum of
 * the sizes of the teams working there that day); a team works whole, on one project, on one day —
 * its own day, or any of the project's days when it named none. Teams the organiser placed by hand
 * stay where they are and take their places first.
 *
 * The rule (a greedy, stated so the organiser can follow it): teams are placed largest first
 * (large teams have the fewest places left to go; ties by id). Each team goes to the feasible
 * (project, day) with the highest score:
 *   3 per skill the team brings that the project asks for,
 * + 2 when the project's field is one the company prefers,
 * + 2 when the company and the non-profit have no tie yet (no earlier cooperation and no other
 *     team of the company already with this non-profit on this action day) — new ties are the point,
 * then, among equal scores, the place the team fills most exactly (least room left afterwards,
 * so large places stay open for large teams), then the lower project id and the earlier day.
 * A team that fits nowhere stays unassigned, with that as its reason. Every pairing carries the
 * parts of its score as its reason.
 */

export interface AssignProject {
  id: number;
  /** The non-profit's organisation, once the registration was approved. */
  organisationId: number | null;
  field: string | null;
  days: string[];
  volunteersWanted: number;
  skills: string[];
}

export interface AssignTeam {
  id: number;
  organisationId: number | null;
  size: number;
  skills: string[];
  preferredFields: string[];
  /** The day the team works; null: any day of the action. */
  day: string | null;
}

export interface FixedAssignment {
  teamId: number;
  projectId: number;
  day: string;
}

/** Why a team went where it went. */
export interface AssignmentReason {
  skills: string[];
  field: boolean;
  newTie: boolean;
  score: number;
}

export interface Placement {
  teamId: number;
  projectId: number;
  day: string;
  reason: AssignmentReason;
}

export interface AssignmentResult {
  placements: Placement[];
  /** Teams that fit no project on their day (not counting the fixed ones). */
  unassigned: number[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase("de");
const pairKey = (nonprofit: number, company: number) => `${nonprofit}:${company}`;

/** What pairing `team` with `project` earns, as score parts. */
export function scorePair(team: AssignTeam, project: AssignProject, tied: ReadonlySet<string>): AssignmentReason {
  const wanted = new Set(project.skills.map(norm));
  const skills = [...new Set(team.skills.map(norm))].filter((s) => s && wanted.has(s)).sort();
  const field = !!project.field && team.preferredFields.map(norm).includes(norm(project.field));
  const newTie = team.organisationId == null || project.organisationId == null || !tied.has(pairKey(project.organisationId, team.organisationId));
  return { skills, field, newTie, score: 3 * skills.length + (field ? 2 : 0) + (newTie ? 2 : 0) };
}

/**
 * The suggested assignment. `fixed` placements are kept as they are (they are the organiser's);
 * `priorTies` holds `nonprofitId:companyId` of pairs that cooperated before.
 */
export function suggestAssignment(projects: AssignProject[], teams: AssignTeam[], fixed: FixedAssignment[], priorTies: Iterable<string>): AssignmentResult {
  const room = new Map<string, number>();
  const slot = (projectId: number, day: string) => `${projectId}@${day}`;
  for (const p of projects) for (const d of new Set(p.days)) room.set(slot(p.id, d), p.volunteersWanted);
  const tied = new Set(priorTies);
  const byId = new Map(teams.map((t) => [t.id, t]));
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const fixedTeams = new Set<number>();
  for (const f of fixed) {
    const team = byId.get(f.teamId);
    const key = slot(f.projectId, f.day);
    fixedTeams.add(f.teamId);
    if (!team || !room.has(key)) continue;
    room.set(key, room.get(key)! - team.size);
    const p = projectById.get(f.projectId)!;
    if (p.organisationId != null && team.organisationId != null) tied.add(pairKey(p.organisationId, team.organisationId));
  }
  const order = teams.filter((t) => !fixedTeams.has(t.id)).sort((a, b) => b.size - a.size || a.id - b.id);
  const placements: Placement[] = [];
  const unassigned: number[] = [];
  for (const team of order) {
    let best: { p: AssignProject; day: string; reason: AssignmentReason; left: number } | null = null;
    for (const p of projects) {
      const days = team.day ? (p.days.includes(team.day) ? [team.day] : []) : [...new Set(p.days)].sort();
      for (const day of days) {
        const left = room.get(slot(p.id, day))! - team.size;
        if (left < 0) continue;
        const reason = scorePair(team, p, tied);
        const better =
          !best ||
          reason.score > best.reason.score ||
          (reason.score === best.reason.score && (left < best.left || (left === best.left && (p.id < best.p.id || (p.id === best.p.id && day < best.day)))));
        if (better) best = { p, day, reason, left };
      }
    }
    if (!best) {
      unassigned.push(team.id);
      continue;
    }
    room.set(slot(best.p.id, best.day), best.left);
    if (best.p.organisationId != null && team.organisationId != null) tied.add(pairKey(best.p.organisationId, team.organisationId));
    placements.push({ teamId: team.id, projectId: best.p.id, day: best.day, reason: best.reason });
  }
  return { placements, unassigned };
}

/** Where a move of `team` to (`project`, `day`) breaks a capacity, in words; null when it fits. */
export function moveProblem(project: AssignProject, team: AssignTeam, day: string, others: { teamId: number; projectId: number; day: string; size: number }[]): string | null {
  if (!project.days.includes(day)) return `The project does not take teams on ${day}`;
  if (team.day && team.day !== day) return `The team works on ${team.day}, not ${day}`;
  const taken = others.filter((o) => o.projectId === project.id && o.day === day && o.teamId !== team.id).reduce((n, o) => n + o.size, 0);
  if (taken + team.size > project.volunteersWanted) {
    return `The project wants ${project.volunteersWanted} volunteers on ${day}; ${taken} are placed, the team has ${team.size}`;
  }
  return null;
}

export { pairKey };
