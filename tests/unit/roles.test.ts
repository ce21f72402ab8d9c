import { describe, expect, it } from "vitest";
import { hasAnyRole, isStaff, landingPath, ROLES } from "@/lib/domain/roles";

describe("landingPath", () => {
  it.each([
    [["APPLICANT"], "/ansokningar"],
    [["REVIEWER"], "/handlaggning"],
    [["DECIDER"], "/beslut"],
    [["ADMIN"], "/admin"],
    [["APPLICANT", "REVIEWER"], "/handlaggning"],
    [["REVIEWER", "DECIDER"], "/beslut"],
    [["APPLICANT", "ADMIN"], "/admin"],
    [[], "/"],
  ] as const)("%j lands on %s", (roles, path) => {
    expect(landingPath(roles)).toBe(path);
  });
});

describe("hasAnyRole and isStaff", () => {
  it("needs one of the wanted roles", () => {
    expect(hasAnyRole(["APPLICANT"], ["REVIEWER", "ADMIN"])).toBe(false);
    expect(hasAnyRole(["APPLICANT", "ADMIN"], ["REVIEWER", "ADMIN"])).toBe(true);
    expect(hasAnyRole([], ROLES)).toBe(false);
  });
  it("counts reviewers, deciders and admins as staff, never applicants", () => {
    expect(isStaff(["APPLICANT"])).toBe(false);
    for (const role of ["REVIEWER", "DECIDER", "ADMIN"] as const)
      expect(isStaff([role])).toBe(true);
  });
});
