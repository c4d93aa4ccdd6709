/**
 * Who may do what in the pane. Everyone who opens it is an advocate; leads also get the team queue
 * and assignment, managers the turnaround figures. Roles come from the deployment's settings: Entra
 * security group ids (read from the sign-in token's `groups` claim) or, where groups cannot be read,
 * lists of addresses. A role in either place counts.
 */
export const ROLES = ["advocate", "lead", "manager"] as const;
export type Role = (typeof ROLES)[number];

export interface RoleRule {
  /** Entra group object ids whose members hold the role. */
  readonly groups: readonly string[];
  /** User principal names that hold the role (compared without case). */
  readonly addresses: readonly string[];
}

export interface TeamMember {
  readonly address: string;
  readonly name: string;
}

export interface TeamSettings {
  readonly lead: RoleRule;
  readonly manager: RoleRule;
  /** The advocates a lead can assign work to. */
  readonly advocates: readonly TeamMember[];
}

export const NO_TEAM: TeamSettings = { lead: { groups: [], addresses: [] }, manager: { groups: [], addresses: [] }, advocates: [] };

export interface RoleSubject {
  readonly upn: string;
  /** Group ids from the token, when the app registration emits them; absent when it does not. */
  readonly groups?: readonly string[];
}

function holds(rule: RoleRule, who: RoleSubject): boolean {
  const upn = who.upn.toLowerCase();
  if (rule.addresses.some((a) => a.toLowerCase() === upn)) return true;
  const mine = new Set((who.groups ?? []).map((g) => g.toLowerCase()));
  return rule.groups.some((g) => mine.has(g.toLowerCase()));
}

/** The roles of the signed-in user, advocate always first. */
export function rolesOf(who: RoleSubject, team: TeamSettings): ReadonlySet<Role> {
  const roles = new Set<Role>(["advocate"]);
  if (holds(team.lead, who)) roles.add("lead");
  if (holds(team.manager, who)) roles.add("manager");
  return roles;
}
