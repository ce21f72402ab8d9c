// Roles of docs/domain.md §1 and where each lands after signing in. Pure: no I/O.
export const ROLES = ["APPLICANT", "REVIEWER", "DECIDER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ["REVIEWER", "DECIDER", "ADMIN"];

/** The home page of each role, in the order a person holding several roles is most likely to want. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: "/admin",
  DECIDER: "/beslut",
  REVIEWER: "/handlaggning",
  APPLICANT: "/ansokningar",
};

const LANDING_ORDER: readonly Role[] = ["ADMIN", "DECIDER", "REVIEWER", "APPLICANT"];

export function landingPath(roles: readonly Role[]): string {
  const first = LANDING_ORDER.find((role) => roles.includes(role));
  return first ? ROLE_HOME[first] : "/";
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}

export const isStaff = (roles: readonly Role[]) => hasAnyRole(roles, STAFF_ROLES);
