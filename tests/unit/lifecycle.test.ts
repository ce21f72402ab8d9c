import { describe, expect, it } from "vitest";
import {
  applicantMayEdit,
  applicantMayWithdraw,
  canTransition,
  formatReferenceNumber,
  roundIsOpen,
  STATUSES,
} from "@/lib/domain/lifecycle";

describe("the life of an application (docs/domain.md §5)", () => {
  it.each([
    ["DRAFT", "SUBMITTED"],
    ["SUBMITTED", "IN_REVIEW"],
    ["IN_REVIEW", "COMPLEMENT_REQUESTED"],
    ["COMPLEMENT_REQUESTED", "IN_REVIEW"],
    ["IN_REVIEW", "PROPOSED"],
    ["PROPOSED", "APPROVED"],
    ["PROPOSED", "REJECTED"],
    ["PROPOSED", "IN_REVIEW"],
    ["DRAFT", "WITHDRAWN"],
    ["SUBMITTED", "WITHDRAWN"],
    ["IN_REVIEW", "WITHDRAWN"],
    ["COMPLEMENT_REQUESTED", "WITHDRAWN"],
    ["APPROVED", "REPORT_SUBMITTED"],
    ["REPORT_SUBMITTED", "CLOSED"],
  ] as const)("allows %s → %s", (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each([
    ["DRAFT", "APPROVED"],
    ["SUBMITTED", "APPROVED"],
    ["PROPOSED", "WITHDRAWN"],
    ["APPROVED", "WITHDRAWN"],
    ["REJECTED", "IN_REVIEW"],
    ["WITHDRAWN", "DRAFT"],
    ["APPROVED", "REJECTED"],
    ["CLOSED", "DRAFT"],
  ] as const)("refuses %s → %s", (from, to) => expect(canTransition(from, to)).toBe(false));

  it("lets the applicant edit only a draft or during a completion", () => {
    expect(STATUSES.filter(applicantMayEdit)).toEqual(["DRAFT", "COMPLEMENT_REQUESTED"]);
  });

  it("lets the applicant withdraw before a proposal or decision", () => {
    expect(STATUSES.filter(applicantMayWithdraw)).toEqual([
      "DRAFT",
      "SUBMITTED",
      "IN_REVIEW",
      "COMPLEMENT_REQUESTED",
    ]);
  });

  it("formats reference numbers as YYYY/NNNN", () => {
    expect(formatReferenceNumber(2026, 1)).toBe("2026/0001");
    expect(formatReferenceNumber(2027, 272)).toBe("2027/0272");
  });

  it("accepts submissions only while the round is open", () => {
    const round = {
      status: "OPEN" as const,
      opensAt: new Date("2026-09-01T06:00:00Z"),
      closesAt: new Date("2026-10-15T21:59:00Z"),
    };
    expect(roundIsOpen(round, new Date("2026-08-31T23:00:00Z"))).toBe(false);
    expect(roundIsOpen(round, new Date("2026-09-01T06:00:00Z"))).toBe(true);
    expect(roundIsOpen(round, new Date("2026-10-15T21:58:59Z"))).toBe(true);
    expect(roundIsOpen(round, new Date("2026-10-15T21:59:00Z"))).toBe(false);
    expect(roundIsOpen({ ...round, status: "CLOSED" }, new Date("2026-09-10T10:00:00Z"))).toBe(
      false,
    );
  });
});
